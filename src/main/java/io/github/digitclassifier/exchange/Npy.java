package io.github.digitclassifier.exchange;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * NumPy's {@code .npy} format (numpy.org/doc/stable/reference/generated/numpy.lib.format.html),
 * version 1.0, for little-endian 32-bit float arrays in C order: the bioimage.io test tensors.
 */
final class Npy {

	/** An array and its shape. */
	record Array(float[] values, long[] shape) {}

	private static final byte[] MAGIC = { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0 };
	private static final Pattern HEADER = Pattern.compile("\\{'descr': '<f4', 'fortran_order': False, 'shape': \\(([0-9, ]*)\\), \\}\\s*");

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

	/** Reads what {@link #write} writes; refuses anything else. */
	static Array read(final byte[] npy) throws IOException {
		final ByteBuffer in = ByteBuffer.wrap(npy).order(ByteOrder.LITTLE_ENDIAN);
		if (npy.length < MAGIC.length + 2 || !Arrays.equals(Arrays.copyOf(npy, 6), Arrays.copyOf(MAGIC, 6))) throw new IOException("not a .npy array");
		final int length = Short.toUnsignedInt(in.getShort(MAGIC.length));
		final Matcher header = HEADER.matcher(new String(npy, MAGIC.length + 2, Math.min(length, npy.length - MAGIC.length - 2), StandardCharsets.US_ASCII));
		if (npy[6] != 1 || !header.matches()) throw new IOException("not a version 1 .npy array of little-endian 32-bit floats in C order");
		final long[] shape = Arrays.stream(header.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
		final float[] values = new float[(int) Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
		in.position(MAGIC.length + 2 + length);
		if (in.remaining() != values.length * Float.BYTES) throw new IOException("a .npy array of shape " + Arrays.toString(shape) + " with " + in.remaining() + " bytes of data");
		in.asFloatBuffer().get(values);
		return new Array(values, shape);
	}
}
