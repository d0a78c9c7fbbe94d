package io.github.digitclassifier.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.digitclassifier.model.Classifier;
import io.github.digitclassifier.model.ModelBundles;
import io.github.digitclassifier.model.NetworkClassifier;

/**
 * Any file {@code model_file} accepts, as a {@link Classifier}: a model bundle (DL4J), an
 * {@code .onnx} file with its description, or a bioimage.io package with ONNX weights.
 */
public final class ModelFiles {

	private ModelFiles() {}

	/** The bundled default model when {@code file} is null, else the model in that file. */
	public static Classifier loadOrDefault(final Path file) throws IOException {
		return file == null ? new NetworkClassifier(ModelBundles.loadDefault()) : load(file);
	}

	public static Classifier load(final Path file) throws IOException {
		if (Exports.isOnnx(file)) return OnnxModels.load(file);
		if (Files.isRegularFile(file) && BioImageIoPackages.isPackage(file)) return BioImageIoPackages.load(file);
		return new NetworkClassifier(ModelBundles.load(file));
	}
}
