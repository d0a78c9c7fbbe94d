package io.github.digitclassifier.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.github.digitclassifier.model.ModelBundle;
import io.github.digitclassifier.model.ModelBundles;
import io.github.digitclassifier.runtime.ModelKind;

/** Export Model's core: a model file (or the bundled model) written in an exchange format. */
public final class Exports {

	/** What was exported, to which files, in how long. */
	public record Exported(String model, List<Path> files, double seconds) {}

	/** The bundled model's weights: trained on MNIST, whose terms (CC BY-SA 3.0) ask for the same licence. */
	static final String BUNDLED_MODEL_LICENSE = "CC-BY-SA-3.0";
	/** Other models' weights: the zoo's usual licence; the package's README asks to change it to the training data's terms. */
	static final String LICENSE = "CC-BY-4.0";

	private Exports() {}

	/** Exports the bundle in {@code modelFile}, the bundled model when null. */
	public static Exported export(final Path modelFile, final ExportFormat format, final Path output) throws IOException {
		final ModelKind kind = modelFile == null ? ModelKind.BUNDLE : ModelKind.of(modelFile);
		if (kind.isExchangeFormat()) {
			throw new IllegalArgumentException("model_file " + modelFile + " is an ONNX model or bioimage.io package already: " +
				"Export Model exports Digit Classifier model files");
		}
		if (kind == ModelKind.NUMBER_READER) {
			throw new IllegalArgumentException("model_file " + modelFile + " is a number reader model: it holds its network as ONNX " +
				"already (strip-network.onnx); Export Model exports digit models");
		}
		final String suffix = format == ExportFormat.ONNX ? ".onnx" : ".zip";
		if (!output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(suffix)) {
			throw new IllegalArgumentException("output_file " + output + " must end in " + suffix + ", so that it works as a model file again");
		}
		final ModelBundle bundle = ModelBundles.loadOrDefault(modelFile);
		final long start = System.nanoTime();
		final List<Path> files;
		try {
			files = write(bundle, format, output, modelFile == null ? BUNDLED_MODEL_LICENSE : LICENSE);
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException("model_file " + (modelFile == null ? "(the bundled model)" : modelFile) + ": " + e.getMessage(), e);
		}
		return new Exported(modelFile == null ? "the bundled model" : modelFile.toString(), files, (System.nanoTime() - start) / 1e9);
	}

	private static List<Path> write(final ModelBundle bundle, final ExportFormat format, final Path output, final String license)
		throws IOException
	{
		return switch (format) {
			case ONNX -> {
				OnnxFiles.export(bundle, output);
				yield List.of(output, OnnxFiles.descriptionOf(output));
			}
			case BIOIMAGEIO -> {
				BioImageIoPackages.write(bundle, output, license);
				yield List.of(output);
			}
		};
	}
}
