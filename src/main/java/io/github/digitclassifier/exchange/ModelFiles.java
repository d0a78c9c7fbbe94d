package io.github.digitclassifier.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.digitclassifier.model.BundleMetadata;
import io.github.digitclassifier.model.Classifier;
import io.github.digitclassifier.model.ModelBundle;
import io.github.digitclassifier.model.ModelBundles;
import io.github.digitclassifier.model.NetworkClassifier;
import io.github.digitclassifier.read.train.ReaderModels;

/**
 * Model files: any file {@code model_file} accepts, as a {@link Classifier} — a model bundle, an
 * {@code .onnx} file with its description, or a bioimage.io package with ONNX weights — and
 * bundles written with their network as ONNX. Bundles classify through ONNX Runtime too: it is
 * faster than DL4J on a stack and far faster on one image, and a bundle with its ONNX copy starts
 * without ND4J, whose start is slow. DL4J classifies when ONNX Runtime cannot: a network with a
 * layer the export does not know, or a platform without its natives.
 */
public final class ModelFiles {

	private ModelFiles() {}

	/** The bundled default model when {@code file} is null, else the model in that file. */
	public static Classifier loadOrDefault(final Path file) throws IOException {
		return file == null ? loadDefault() : load(file);
	}

	public static Classifier load(final Path file) throws IOException {
		if (isReaderModel(file)) {
			throw new IllegalArgumentException(file + " is a number reader model (Train Number Reader...): it reads whole numbers in " +
				"Read Number, Read Numbers in Folder... and Evaluate Number Reader..., not single digits; give a digit model here");
		}
		if (Exports.isOnnx(file)) return OnnxModels.load(file);
		if (isPackage(file)) return BioImageIoReader.load(file);
		return bundle(file, file.toString());
	}

	/**
	 * The DL4J network of a bundle, the bundled model's when {@code file} is null: what Grad-CAM
	 * needs. Null for a model without one (an ONNX file, a bioimage.io package).
	 */
	public static org.deeplearning4j.nn.multilayer.MultiLayerNetwork networkOrNull(final Path file) throws IOException {
		if (file == null) return ModelBundles.loadDefault().network();
		if (isExchangeFile(file) || isReaderModel(file)) return null;
		return ModelBundles.load(file).network();
	}

	/**
	 * Whether a file is a number reader model ({@link ReaderModels}: its json entry is
	 * {@code number-reader.json}) rather than a digit model (a bundle's is {@code digit-classifier.json}).
	 */
	public static boolean isReaderModel(final Path file) {
		return ReaderModels.isReaderModel(file);
	}

	/** Whether a file is a model from elsewhere: an ONNX file or a bioimage.io package, not a bundle. */
	public static boolean isExchangeFile(final Path file) {
		return Exports.isOnnx(file) || isPackage(file);
	}

	private static boolean isPackage(final Path file) {
		return Files.isRegularFile(file) && BioImageIoReader.isPackage(file);
	}

	private static Classifier loadDefault() throws IOException {
		return ModelBundles.withDefaultFile(file -> bundle(file, "the bundled model"));
	}

	/** A bundle through ONNX Runtime: its ONNX copy, else its network exported now; else through DL4J. */
	private static Classifier bundle(final Path file, final String name) throws IOException {
		final BundleMetadata metadata = ModelBundles.readMetadata(file);
		final byte[] onnx = ModelBundles.inferenceNetwork(file);
		if (onnx != null) {
			try {
				return OnnxModels.load(onnx, OnnxModels.descriptionJson(metadata), name + "!/" + ModelBundles.INFERENCE_ENTRY, name);
			}
			catch (final OnnxModels.OnnxRuntimeMissing noRuntime) {
				// no ONNX Runtime natives for this platform: DL4J below
			}
		}
		return runnable(ModelBundles.load(file), name);
	}

	/** A bundle's network exported to ONNX and run by ONNX Runtime when it can be, else run by DL4J. */
	private static Classifier runnable(final ModelBundle bundle, final String name) throws IOException {
		final byte[] onnx = exportable(bundle);
		if (onnx == null) return new NetworkClassifier(bundle);
		try {
			return OnnxModels.load(onnx, OnnxModels.descriptionJson(bundle.metadata()), name, name);
		}
		catch (final OnnxModels.OnnxRuntimeMissing noRuntime) {
			return new NetworkClassifier(bundle);
		}
	}

	/** The network as ONNX, or null when the export cannot write it (a layer it does not know): the copy is optional. */
	private static byte[] exportable(final ModelBundle bundle) {
		try {
			return OnnxExport.onnx(bundle);
		}
		catch (final RuntimeException unsupported) {
			return null;
		}
	}

	/** Writes a bundle with its network as ONNX beside DL4J's, when it can be exported. */
	public static void save(final ModelBundle bundle, final Path file) throws IOException {
		ModelBundles.save(bundle, file, exportable(bundle));
	}
}
