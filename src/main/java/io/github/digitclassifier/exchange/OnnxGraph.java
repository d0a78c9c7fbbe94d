package io.github.digitclassifier.exchange;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * An ONNX model being written: nodes in order, float initialisers, one image input with a free
 * batch size and one output (field numbers from onnx.proto).
 */
final class OnnxGraph {

	private static final int FLOAT = 1, INT = 2, STRING = 3, INTS = 7;
	private static final int TENSOR_FLOAT = 1;

	private record Node(String op, List<String> inputs, String output, Protobuf[] attributes) {
		Protobuf written(final String outputName) {
			final Protobuf node = new Protobuf();
			for (final String input : inputs) node.string(1, input);
			node.string(2, outputName).string(3, output).string(4, op);
			for (final Protobuf attribute : attributes) node.message(5, attribute);
			return node;
		}
	}

	private final List<Node> nodes = new ArrayList<>();
	private final List<Protobuf> initialisers = new ArrayList<>();
	private int names;

	/** A node {@code op} of {@code inputs}, with attributes; returns the name of its output. */
	String node(final String op, final List<String> inputs, final Protobuf... attributes) {
		final String output = op.toLowerCase(java.util.Locale.ROOT) + "_" + names++;
		nodes.add(new Node(op, List.copyOf(inputs), output, attributes));
		return output;
	}

	/** A constant tensor of the given shape; returns its name. */
	String initialiser(final String name, final float[] values, final long... dims) {
		final ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		raw.asFloatBuffer().put(values);
		final Protobuf tensor = new Protobuf();
		for (final long d : dims) tensor.varint(1, d);
		tensor.varint(2, TENSOR_FLOAT).string(8, name).bytes(9, raw.array());
		initialisers.add(tensor);
		return name;
	}

	static Protobuf ints(final String name, final long... values) {
		final Protobuf attribute = new Protobuf().string(1, name).varint(20, INTS);
		for (final long v : values) attribute.varint(8, v);
		return attribute;
	}

	static Protobuf integer(final String name, final long value) {
		return new Protobuf().string(1, name).varint(20, INT).varint(3, value);
	}

	static Protobuf real(final String name, final float value) {
		return new Protobuf().string(1, name).varint(20, FLOAT).float32(2, value);
	}

	static Protobuf text(final String name, final String value) {
		return new Protobuf().string(1, name).varint(20, STRING).string(4, value);
	}

	/**
	 * The model: the nodes added so far, {@code input} of shape {@code [batch, inputDims...]}, the
	 * last node's output as {@code output}, of shape {@code [batch, outputDims...]}.
	 */
	byte[] model(final String input, final long[] inputDims, final String output, final long[] outputDims,
		final String producerVersion, final String docString)
	{
		final Protobuf graph = new Protobuf();
		for (int i = 0; i < nodes.size(); i++) {
			graph.message(1, nodes.get(i).written(i == nodes.size() - 1 ? output : nodes.get(i).output()));
		}
		graph.string(2, "digit_classifier");
		for (final Protobuf tensor : initialisers) graph.message(5, tensor);
		graph.message(11, valueInfo(input, inputDims)).message(12, valueInfo(output, outputDims));
		return new Protobuf()
			.varint(1, IR_VERSION)
			.string(2, "Digit Classifier")
			.string(3, producerVersion)
			.string(6, docString)
			.message(7, graph)
			.message(8, new Protobuf().string(1, "").varint(2, OnnxExport.OPSET))
			.toBytes();
	}

	/** The IR version that came with opset 17 (onnx/docs/Versioning.md), which {@link OnnxExport} writes. */
	private static final int IR_VERSION = 8;

	private static Protobuf valueInfo(final String name, final long[] dims) {
		final Protobuf shape = new Protobuf().message(1, new Protobuf().string(2, "batch"));
		// A negative size is one the model leaves open, like the batch.
		for (int i = 0; i < dims.length; i++) {
			shape.message(1, dims[i] < 0 ? new Protobuf().string(2, "size_" + i) : new Protobuf().varint(1, dims[i]));
		}
		final Protobuf tensor = new Protobuf().varint(1, TENSOR_FLOAT).message(2, shape);
		return new Protobuf().string(1, name).message(2, new Protobuf().message(1, tensor));
	}
}
