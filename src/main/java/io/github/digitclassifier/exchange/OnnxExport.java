package io.github.digitclassifier.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;

import io.github.digitclassifier.model.ModelBundle;
import io.github.digitclassifier.model.ModelBundles;
import io.github.digitclassifier.preprocess.Preprocessing;

/**
 * Writes a DL4J network as an ONNX model: input {@value #INPUT} of shape
 * {@code [batch, channels, height, width]} (channels first, whatever layout the network runs in),
 * prepared as the bundle's preprocessing says; output {@value #OUTPUT} of shape
 * {@code [batch, classes]}, the softmax probabilities. Dropout is left out and batch normalisation
 * is in its inference form (the running mean and variance), so the model computes what DL4J's
 * {@code output(x, false)} does.
 */
public final class OnnxExport {

	public static final String INPUT = "input";
	public static final String OUTPUT = "probabilities";
	/**
	 * The ONNX operator set written: 17 is the one JDLL (DeepImageJ's engine) lists ONNX Runtime for on
	 * every platform, arm64 included; every operator used here means in 17 what it meant in 13.
	 */
	public static final int OPSET = 17;

	private OnnxExport() {}

	/** The ONNX model of a bundle's network; refuses a layer it cannot express, naming it. */
	public static byte[] onnx(final ModelBundle bundle) {
		final Preprocessing p = bundle.metadata().preprocessing();
		return onnx(bundle.network(), new long[] { p.channels(), p.height(), p.width() }, OUTPUT,
			new long[] { bundle.metadata().classNames().size() }, "Digit Classifier model: classes " + bundle.metadata().classNames());
	}

	/**
	 * The ONNX model of a network: input {@link #INPUT} and output {@code output} of the sizes
	 * given after the batch's (negative ones left open, as a width); refuses a layer it cannot
	 * express, naming it.
	 */
	public static byte[] onnx(final MultiLayerNetwork network, final long[] inputDims, final String output, final long[] outputDims,
		final String description)
	{
		final MultiLayerConfiguration configuration = network.getLayerWiseConfigurations();
		final OnnxGraph graph = new OnnxGraph();
		String x = INPUT;
		for (int i = 0; i < configuration.getConfs().size(); i++) {
			x = flattened(graph, x, configuration.getInputPreProcess(i), i);
			x = layer(graph, x, configuration.getConf(i).getLayer(), network, i);
		}
		return graph.model(INPUT, inputDims, output, outputDims, ModelBundles.libraryVersion(), description);
	}

	/** The flattening before a dense layer, in the order the network flattens: (c, y, x), or (y, x, c) channels-last. */
	private static String flattened(final OnnxGraph graph, final String x, final InputPreProcessor preprocessor, final int index) {
		if (preprocessor == null) return x;
		if (!(preprocessor instanceof CnnToFeedForwardPreProcessor flatten)) {
			throw unsupported(index, "input preprocessor " + preprocessor.getClass().getSimpleName());
		}
		final String ordered = flatten.getFormat() == CNN2DFormat.NHWC ?
			graph.node("Transpose", List.of(x), OnnxGraph.ints("perm", 0, 2, 3, 1)) : x;
		return graph.node("Flatten", List.of(ordered), OnnxGraph.integer("axis", 1));
	}

	private static String layer(final OnnxGraph graph, final String x, final Layer layer, final MultiLayerNetwork network,
		final int index)
	{
		final Class<?> type = layer.getClass();
		if (type == ConvolutionLayer.class) return activated(graph, convolution(graph, x, (ConvolutionLayer) layer, network, index), layer, index);
		if (type == SubsamplingLayer.class) return pooling(graph, x, (SubsamplingLayer) layer, index);
		// DL4J's batch normalisation applies no activation, whatever its configuration names.
		if (type == BatchNormalization.class) return batchNormalisation(graph, x, (BatchNormalization) layer, network, index);
		if (type == DenseLayer.class || type == OutputLayer.class) {
			final INDArray weights = network.getParam(index + "_W");
			final List<String> inputs = new ArrayList<>(List.of(x, graph.initialiser(index + "_W", floats(weights), weights.shape())));
			final boolean bias = layer instanceof DenseLayer dense ? dense.hasBias() : ((OutputLayer) layer).hasBias();
			if (bias) {
				inputs.add(graph.initialiser(index + "_b", floats(network.getParam(index + "_b")), weights.size(1)));
			}
			return activated(graph, graph.node("Gemm", inputs), layer, index);
		}
		throw unsupported(index, type.getSimpleName());
	}

	private static String convolution(final OnnxGraph graph, final String x, final ConvolutionLayer layer, final MultiLayerNetwork network,
		final int index)
	{
		final int[] k = layer.getKernelSize(), s = layer.getStride(), pad = layer.getPadding(), d = layer.getDilation();
		final List<Protobuf> attributes = new ArrayList<>(List.of(OnnxGraph.ints("kernel_shape", k[0], k[1]),
			OnnxGraph.ints("strides", s[0], s[1]), OnnxGraph.ints("dilations", d[0], d[1])));
		attributes.add(padding(layer.getConvolutionMode(), pad, index));
		// DL4J keeps convolution weights as [out, in, kh, kw] in either layout, as ONNX does.
		final INDArray weights = network.getParam(index + "_W");
		final String w = graph.initialiser(index + "_W", floats(weights), weights.shape());
		final List<String> inputs = new ArrayList<>(List.of(x, w));
		if (layer.hasBias()) inputs.add(graph.initialiser(index + "_b", floats(network.getParam(index + "_b")), weights.size(0)));
		return graph.node("Conv", inputs, attributes.toArray(Protobuf[]::new));
	}

	private static String pooling(final OnnxGraph graph, final String x, final SubsamplingLayer layer, final int index) {
		final String op;
		if (layer.getPoolingType() == PoolingType.MAX) op = "MaxPool";
		// Averages over windows that never reach padding: DL4J and ONNX then divide alike.
		else if (layer.getPoolingType() == PoolingType.AVG && isZero(layer.getPadding()) && layer.getConvolutionMode() != ConvolutionMode.Same) op = "AveragePool";
		else throw unsupported(index, layer.getPoolingType() + " pooling (" + layer.getConvolutionMode() + ")");
		if (!isOne(layer.getDilation())) throw unsupported(index, "dilated pooling");
		final int[] k = layer.getKernelSize(), s = layer.getStride();
		return graph.node(op, List.of(x), OnnxGraph.ints("kernel_shape", k[0], k[1]), OnnxGraph.ints("strides", s[0], s[1]),
			padding(layer.getConvolutionMode(), layer.getPadding(), index));
	}

	/** Truncate and Strict pad as configured; Same pads to ceil(size / stride), the extra at the end, as ONNX's SAME_UPPER. */
	private static Protobuf padding(final ConvolutionMode mode, final int[] pad, final int index) {
		if (mode == ConvolutionMode.Same) return OnnxGraph.text("auto_pad", "SAME_UPPER");
		if (mode == ConvolutionMode.Truncate || mode == ConvolutionMode.Strict) return OnnxGraph.ints("pads", pad[0], pad[1], pad[0], pad[1]);
		throw unsupported(index, "convolution mode " + mode);
	}

	/**
	 * Inference batch normalisation: DL4J keeps the variance, or (the default) the base-10 logarithm
	 * of its square root ({@code log10stdev}); both add epsilon to the variance at inference, as
	 * ONNX does. (Taking epsilon off the squared root, as if it held it, is 3e-4 off on the
	 * bundled model.)
	 */
	private static String batchNormalisation(final OnnxGraph graph, final String x, final BatchNormalization layer,
		final MultiLayerNetwork network, final int index)
	{
		final float[] variance;
		if (layer.isUseLogStd()) {
			final float[] log10std = floats(network.getParam(index + "_log10stdev"));
			variance = new float[log10std.length];
			for (int c = 0; c < variance.length; c++) variance[c] = (float) Math.pow(10, 2.0 * log10std[c]);
		}
		else variance = floats(network.getParam(index + "_var"));
		final int n = variance.length;
		final float[] gamma = layer.isLockGammaBeta() ? filled(n, (float) layer.getGamma()) : floats(network.getParam(index + "_gamma"));
		final float[] beta = layer.isLockGammaBeta() ? filled(n, (float) layer.getBeta()) : floats(network.getParam(index + "_beta"));
		return graph.node("BatchNormalization", List.of(x, graph.initialiser(index + "_gamma", gamma, n),
			graph.initialiser(index + "_beta", beta, n), graph.initialiser(index + "_mean", floats(network.getParam(index + "_mean")), n),
			graph.initialiser(index + "_var", variance, n)), OnnxGraph.real("epsilon", (float) layer.getEps()));
	}

	private static String activated(final OnnxGraph graph, final String x, final Layer layer, final int index) {
		final IActivation activation = ((BaseLayer) layer).getActivationFn();
		if (activation instanceof ActivationIdentity) return x;
		if (activation instanceof ActivationReLU relu && relu.getMax() == null && relu.getThreshold() == null &&
			relu.getNegativeSlope() == null)
		{
			return graph.node("Relu", List.of(x));
		}
		if (activation instanceof ActivationSoftmax) return graph.node("Softmax", List.of(x), OnnxGraph.integer("axis", 1));
		if (activation instanceof ActivationSigmoid) return graph.node("Sigmoid", List.of(x));
		if (activation instanceof ActivationTanH) return graph.node("Tanh", List.of(x));
		if (activation instanceof ActivationLReLU leaky) return graph.node("LeakyRelu", List.of(x), OnnxGraph.real("alpha", (float) leaky.getAlpha()));
		throw unsupported(index, "activation " + activation.getClass().getSimpleName().replace("Activation", ""));
	}

	private static IllegalArgumentException unsupported(final int index, final String what) {
		return new IllegalArgumentException("Cannot export layer " + index + " to ONNX: " + what.toLowerCase(Locale.ROOT) +
			" is not supported (convolution, batch normalisation, max or average pooling, dense and output layers are)");
	}

	private static float[] floats(final INDArray array) {
		return array.dup('c').ravel().toFloatVector();
	}

	private static float[] filled(final int n, final float value) {
		final float[] values = new float[n];
		java.util.Arrays.fill(values, value);
		return values;
	}

	private static boolean isZero(final int[] values) {
		for (final int v : values) if (v != 0) return false;
		return true;
	}

	private static boolean isOne(final int[] values) {
		for (final int v : values) if (v != 1) return false;
		return true;
	}
}
