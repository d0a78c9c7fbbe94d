package io.github.digitclassifier.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes of an ONNX file's graph, read from its protobuf (field numbers from onnx.proto): each
 * node's name, operator, output shape where the file declares it, and the weights it holds.
 */
public final class OnnxLayers {

	/** One node; {@code outputShape} empty where the file does not declare it. */
	public record Node(int index, String name, String op, String outputShape, long parameters) {}

	private OnnxLayers() {}

	public static List<Node> of(final Path onnx) throws IOException {
		return of(Files.readAllBytes(onnx));
	}

	public static List<Node> of(final byte[] onnx) {
		byte[] graph = null;
		for (final Field f : fields(onnx)) {
			if (f.number == 7 && f.bytes != null) graph = f.bytes;
		}
		if (graph == null) throw new IllegalArgumentException("No graph in the ONNX file");
		final Map<String, Long> weights = new HashMap<>();
		final Map<String, String> shapes = new HashMap<>();
		final List<byte[]> nodes = new ArrayList<>();
		for (final Field f : fields(graph)) {
			if (f.bytes == null) continue;
			if (f.number == 1) nodes.add(f.bytes);
			else if (f.number == 5) initialiser(f.bytes, weights);
			else if (f.number == 12 || f.number == 13) valueInfo(f.bytes, shapes);
		}
		final List<Node> result = new ArrayList<>();
		for (final byte[] node : nodes) {
			String name = "", op = "", output = "";
			long parameters = 0;
			for (final Field f : fields(node)) {
				if (f.bytes == null) continue;
				final String text = new String(f.bytes, java.nio.charset.StandardCharsets.UTF_8);
				if (f.number == 1) parameters += weights.getOrDefault(text, 0L);
				else if (f.number == 2 && output.isEmpty()) output = text;
				else if (f.number == 3) name = text;
				else if (f.number == 4) op = text;
			}
			result.add(new Node(result.size() + 1, name.isEmpty() ? output : name, op, shapes.getOrDefault(output, ""), parameters));
		}
		return result;
	}

	/** A tensor's name and element count. */
	private static void initialiser(final byte[] tensor, final Map<String, Long> weights) {
		long count = 1;
		String name = null;
		for (final Field f : fields(tensor)) {
			if (f.number == 1 && f.bytes == null) count *= f.value;
			else if (f.number == 1) {
				for (final long d : packed(f.bytes)) count *= d;
			}
			else if (f.number == 8 && f.bytes != null) name = new String(f.bytes, java.nio.charset.StandardCharsets.UTF_8);
		}
		if (name != null) weights.put(name, count);
	}

	/** A value's name and shape without the batch ({@code 16x28x28}). */
	private static void valueInfo(final byte[] info, final Map<String, String> shapes) {
		String name = null;
		final List<String> dims = new ArrayList<>();
		for (final Field f : fields(info)) {
			if (f.number == 1 && f.bytes != null) name = new String(f.bytes, java.nio.charset.StandardCharsets.UTF_8);
			if (f.number != 2 || f.bytes == null) continue;
			for (final Field type : fields(f.bytes)) {
				if (type.number != 1 || type.bytes == null) continue;
				for (final Field tensor : fields(type.bytes)) {
					if (tensor.number != 2 || tensor.bytes == null) continue;
					for (final Field dim : fields(tensor.bytes)) {
						if (dim.number != 1 || dim.bytes == null) continue;
						String d = "?";
						for (final Field v : fields(dim.bytes)) {
							if (v.number == 1 && v.bytes == null) d = String.valueOf(v.value);
							else if (v.number == 2 && v.bytes != null) d = new String(v.bytes, java.nio.charset.StandardCharsets.UTF_8);
						}
						dims.add(d);
					}
				}
			}
		}
		if (name != null && dims.size() > 1) shapes.put(name, String.join("x", dims.subList(1, dims.size())));
	}

	/** One protobuf field: a varint or fixed value, or the bytes of a length-delimited one. */
	private record Field(int number, long value, byte[] bytes) {}

	private static List<Field> fields(final byte[] message) {
		final List<Field> fields = new ArrayList<>();
		final int[] at = { 0 };
		while (at[0] < message.length) {
			final long tag = varint(message, at);
			final int number = (int) (tag >>> 3), wire = (int) (tag & 7);
			switch (wire) {
				case 0 -> fields.add(new Field(number, varint(message, at), null));
				case 1 -> {
					at[0] += 8;
					fields.add(new Field(number, 0, null));
				}
				case 2 -> {
					final int length = (int) varint(message, at);
					if (length < 0 || at[0] + length > message.length) throw new IllegalArgumentException("A broken ONNX file");
					fields.add(new Field(number, 0, java.util.Arrays.copyOfRange(message, at[0], at[0] + length)));
					at[0] += length;
				}
				case 5 -> {
					at[0] += 4;
					fields.add(new Field(number, 0, null));
				}
				default -> throw new IllegalArgumentException("A broken ONNX file (wire type " + wire + ")");
			}
		}
		return fields;
	}

	private static long[] packed(final byte[] bytes) {
		final List<Long> values = new ArrayList<>();
		final int[] at = { 0 };
		while (at[0] < bytes.length) values.add(varint(bytes, at));
		return values.stream().mapToLong(Long::longValue).toArray();
	}

	private static long varint(final byte[] bytes, final int[] at) {
		long value = 0;
		for (int shift = 0; shift < 64; shift += 7) {
			if (at[0] >= bytes.length) throw new IllegalArgumentException("A broken ONNX file");
			final byte b = bytes[at[0]++];
			value |= (long) (b & 0x7f) << shift;
			if (b >= 0) return value;
		}
		throw new IllegalArgumentException("A broken ONNX file");
	}
}
