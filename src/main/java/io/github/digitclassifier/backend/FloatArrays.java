package io.github.digitclassifier.backend;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/** Copies between ND4J's float arrays and Java's, for the layers this plugin computes in Java. */
final class FloatArrays {

	private FloatArrays() {}

	/**
	 * The array's values in C order, into {@code buffer} when it has the right length, else into a
	 * new array (also for a null buffer).
	 */
	static float[] read(INDArray array, final float[] buffer) {
		if (array.ordering() != 'c' || !Shape.hasDefaultStridesForShape(array)) array = array.dup('c');
		final float[] values = sized(buffer, Math.toIntExact(array.length()));
		new FloatPointer(array.data().addressPointer()).get(values, 0, values.length);
		return values;
	}

	/** Writes C-order values into an array created by DL4J's workspaces or ND4J (so C-order and contiguous). */
	static void write(final float[] values, final INDArray array) {
		new FloatPointer(array.data().addressPointer()).put(values, 0, values.length);
	}

	/** {@code array} if it has {@code length} values, else a new one. */
	static float[] sized(final float[] array, final int length) {
		return array != null && array.length == length ? array : new float[length];
	}
}
