package io.github.digitclassifier.runtime;

import java.util.List;

import io.github.digitclassifier.preprocess.Preprocessing;

/**
 * A trained model as prediction, evaluation and reading see it: its classes, how images are
 * prepared for it, and class probabilities for prepared images. Each engine serves it: ONNX Runtime
 * ({@code runtime.onnx}) and DL4J ({@code runtime.dl4j}). Safe to call from several threads.
 */
public interface Classifier extends AutoCloseable {

	List<String> classNames();

	Preprocessing preprocessing();

	/**
	 * The class probabilities of {@code n} images prepared as {@link #preprocessing()} says, laid
	 * out {@code [n, channels, height, width]} in {@code images}: {@code n} rows of one per class.
	 */
	float[] probabilities(float[] images, int n);

	/** Frees what the model holds outside the Java heap, if anything. */
	@Override
	default void close() {}
}
