package io.github.digitclassifier.exchange;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A protocol-buffer message written field by field, in the wire format
 * (protobuf.dev/programming-guides/encoding). ONNX files are such messages; the plugin writes them
 * itself rather than with nd4j-api's generated ONNX classes, which the installed plugin ships
 * relocated (see the pom's shade plugin), so no class name of them would hold both in tests and
 * in ImageJ.
 */
final class Protobuf {

	private static final int VARINT = 0, LENGTH_DELIMITED = 2, FIXED32 = 5;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	Protobuf varint(final int field, final long value) {
		tag(field, VARINT);
		raw(value);
		return this;
	}

	Protobuf string(final int field, final String value) {
		return bytes(field, value.getBytes(StandardCharsets.UTF_8));
	}

	Protobuf bytes(final int field, final byte[] value) {
		tag(field, LENGTH_DELIMITED);
		raw(value.length);
		out.writeBytes(value);
		return this;
	}

	Protobuf message(final int field, final Protobuf message) {
		return bytes(field, message.toBytes());
	}

	Protobuf float32(final int field, final float value) {
		tag(field, FIXED32);
		final int bits = Float.floatToIntBits(value);
		for (int i = 0; i < 4; i++) out.write(bits >>> 8 * i);
		return this;
	}

	byte[] toBytes() {
		return out.toByteArray();
	}

	private void tag(final int field, final int wireType) {
		raw((long) field << 3 | wireType);
	}

	/** A varint: seven bits a byte, low first, the high bit set on all but the last. */
	private void raw(long value) {
		while ((value & ~0x7FL) != 0) {
			out.write((int) (value & 0x7F) | 0x80);
			value >>>= 7;
		}
		out.write((int) value);
	}
}
