package io.github.digitclassifier.exchange;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * NumPy's {@code .npy} format (numpy.org/doc/stable/reference/generated/numpy.lib.format.html),
 * version 1.0, for little-endian 32-bit float arrays in C order: the bioimage.io test tensors.
 */
final class Npy {

	private static final byte[] MAGIC = { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0 };

	private Npy() {}

	static byte[] write(final float[] values, final long... shape) {
		final String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", ")) + (shape.length == 1 ? "," : "");
		final StringBuilder header = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }");
		// Magic, version, a 2-byte length, then the header padded with spaces and a newline to a multiple of 64.
		while ((MAGIC.length + 2 + header.length() + 1) % 64 != 0) header.append(' ');
		header.append('\n');
		final ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 2 + header.length() + values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		out.put(MAGIC).putShort((short) header.length()).put(header.toString().getBytes(StandardCharsets.US_ASCII));
		out.asFloatBuffer().put(values);
		return out.array();
	}
}
