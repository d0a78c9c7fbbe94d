package io.github.digitclassifier.backend;

import java.nio.FloatBuffer;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/** ND4J's float arrays as Java's, copied or in place, for the layers this plugin computes in Java. */
final class FloatArrays {

	private FloatArrays() {}

	/**
	 * The array's values in C order, into {@code buffer} when it has the right length, else into a
	 * new array (also for a null buffer).
	 */
	static float[] read(final INDArray array, final float[] buffer) {
		final INDArray values = contiguous(array);
		final float[] copy = sized(buffer, Math.toIntExact(values.length()));
		new FloatPointer(values.data().addressPointer()).get(copy, 0, copy.length);
		return copy;
	}

	/** Writes C-order values into an array created by DL4J's workspaces or ND4J (so C-order and contiguous). */
	static void write(final float[] values, final INDArray array) {
		new FloatPointer(array.data().addressPointer()).put(values, 0, values.length);
	}

	/** {@code array} as C-ordered values without gaps: itself when it is, else a copy. */
	static INDArray contiguous(final INDArray array) {
		return array.ordering() == 'c' && Shape.hasDefaultStridesForShape(array) ? array : array.dup('c');
	}

	/**
	 * The values of a contiguous C-ordered float array where ND4J keeps them. The buffer does not
	 * keep the array reachable: its user must (a copy from {@link #contiguous} too).
	 */
	static FloatBuffer buffer(final INDArray array) {
		final int length = Math.toIntExact(array.length());
		final FloatPointer pointer = new FloatPointer(array.data().addressPointer());
		return pointer.capacity(length).limit(length).asBuffer();
	}

	/** {@code array} if it has {@code length} values, else a new one. */
	static float[] sized(final float[] array, final int length) {
		return array != null && array.length == length ? array : new float[length];
	}
}
