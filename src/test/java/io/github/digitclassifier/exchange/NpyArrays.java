package io.github.digitclassifier.exchange;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code .npy} arrays {@link Npy} writes (version 1.0, little-endian float32, C order), to check them. */
final class NpyArrays {

	/** An array and its shape. */
	record Array(float[] values, long[] shape) {}

	private static final Pattern HEADER = Pattern.compile("\\{'descr': '<f4', 'fortran_order': False, 'shape': \\(([0-9, ]*)\\), \\}\\s*");

	private NpyArrays() {}

	static Array read(final byte[] npy) throws IOException {
		final byte[] magic = { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0 };
		if (npy.length < 10 || !Arrays.equals(Arrays.copyOf(npy, 8), magic)) throw new IOException("not a version 1.0 .npy array");
		final ByteBuffer in = ByteBuffer.wrap(npy).order(ByteOrder.LITTLE_ENDIAN);
		final int length = Short.toUnsignedInt(in.getShort(8));
		final Matcher header = HEADER.matcher(new String(npy, 10, length, StandardCharsets.US_ASCII));
		if ((10 + length) % 64 != 0 || !header.matches()) throw new IOException("not a .npy array of little-endian float32 in C order");
		final long[] shape = Arrays.stream(header.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
		final float[] values = new float[(int) Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
		in.position(10 + length);
		if (in.remaining() != values.length * Float.BYTES) throw new IOException(in.remaining() + " bytes of data for shape " + Arrays.toString(shape));
		in.asFloatBuffer().get(values);
		return new Array(values, shape);
	}
}
