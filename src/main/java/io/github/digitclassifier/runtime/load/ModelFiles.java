package io.github.digitclassifier.runtime.load;

import java.io.IOException;
import java.nio.file.Path;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import io.github.digitclassifier.exchange.BioImageIoReader;
import io.github.digitclassifier.exchange.DescribedOnnx;
import io.github.digitclassifier.exchange.OnnxFiles;
import io.github.digitclassifier.model.BundleMetadata;
import io.github.digitclassifier.model.ModelBundles;
import io.github.digitclassifier.runtime.Classifier;
import io.github.digitclassifier.runtime.ModelKind;
import io.github.digitclassifier.runtime.dl4j.NetworkClassifier;
import io.github.digitclassifier.runtime.onnx.OnnxModels;
import io.github.digitclassifier.runtime.onnx.Sessions;

/**
 * Model files: any file {@code model_file} accepts, as a {@link Classifier} — a model bundle, an
 * {@code .onnx} file with its description, or a bioimage.io package with ONNX weights. The engine is
 * chosen before anything is loaded, from the file's {@link ModelKind} and whether ONNX Runtime runs
 * here. A bundle classifies through ONNX Runtime from its ONNX copy: it is faster than DL4J on a
 * stack and far faster on one image, and starts without ND4J, whose start is slow. DL4J classifies
 * a bundle without the copy (written before format 3, or of a layer the export does not know) and
 * every bundle on a platform without ONNX Runtime's natives. Loading never writes or exports.
 */
public final class ModelFiles {

	private ModelFiles() {}

	/** The bundled default model when {@code file} is null, else the model in that file. */
	public static Classifier loadOrDefault(final Path file) throws IOException {
		return file == null ? loadDefault() : load(file);
	}

	public static Classifier load(final Path file) throws IOException {
		return switch (ModelKind.of(file)) {
			case NUMBER_READER -> throw new IllegalArgumentException(file + " is a number reader model (Train Number Reader...): it reads " +
				"whole numbers in Read Number, Read Numbers in Folder... and Evaluate Number Reader..., not single digits; give a digit model here");
			case ONNX -> onnx(OnnxFiles.read(file));
			case PACKAGE -> onnx(BioImageIoReader.read(file));
			case BUNDLE -> bundle(file, file.toString());
		};
	}

	/**
	 * The DL4J network of a bundle, the bundled model's when {@code file} is null: what Grad-CAM
	 * needs. Null for a model without one (an ONNX file, a bioimage.io package).
	 */
	public static MultiLayerNetwork networkOrNull(final Path file) throws IOException {
		if (file == null) return ModelBundles.loadDefault().network();
		if (ModelKind.of(file) != ModelKind.BUNDLE) return null;
		return ModelBundles.load(file).network();
	}

	private static Classifier loadDefault() throws IOException {
		return ModelBundles.withDefaultFile(file -> bundle(file, "the bundled model"));
	}

	private static Classifier onnx(final DescribedOnnx model) throws IOException {
		return OnnxModels.load(model.onnx(), model.description(), model.source(), model.describedIn());
	}

	/** A bundle through ONNX Runtime when it holds its ONNX copy and ONNX Runtime runs here, else through DL4J. */
	private static Classifier bundle(final Path file, final String name) throws IOException {
		final BundleMetadata metadata = ModelBundles.readMetadata(file);
		final byte[] copy = ModelBundles.inferenceNetwork(file);
		if (copy == null || !Sessions.available()) return new NetworkClassifier(ModelBundles.load(file));
		return onnx(new DescribedOnnx(copy, OnnxFiles.descriptionJson(metadata), name + "!/" + ModelBundles.INFERENCE_ENTRY, name));
	}
}
