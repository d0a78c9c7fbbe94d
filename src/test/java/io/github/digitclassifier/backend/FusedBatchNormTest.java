package io.github.digitclassifier.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

import io.github.digitclassifier.model.Architecture;
import io.github.digitclassifier.model.Layouts;
import io.github.digitclassifier.preprocess.Preprocessing;

/**
 * The faster batch normalisation (applying the ReLU of the convolution before it), max pooling and
 * first convolution's backward pass (which skips the gradient at the images) give what DL4J's own
 * give: the same
 * outputs in training and in inference mode, and the same gradients, for every parameter (and the
 * population statistics' updates): in the default network, and in both layouts, on odd sizes, and
 * after a dense layer.
 */
class FusedBatchNormTest {

	@Test
	void theDefaultNetworkLearnsAsWithDl4jsLayers() {
		final MultiLayerConfiguration configuration = Architecture.CNN.configuration(Preprocessing.digits(), 10, new Adam(1e-3), 1);
		final MultiLayerNetwork fast = assertSame(configuration, Nd4j.rand(16, 1, 28, 28), true);
		assertEquals(3, replaced(fast));
		assertEquals(2, pooling(fast));
		assertEquals(2, unactivated(fast));
	}

	@ParameterizedTest
	@EnumSource(CNN2DFormat.class)
	void givesWhatDl4jGivesInEitherLayout(final CNN2DFormat format) {
		final MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder().seed(7).updater(new Adam(1e-3))
			.list()
			.layer(new ConvolutionLayer.Builder(3, 3).nOut(6).activation(Activation.RELU).dataFormat(format).build())
			.layer(new BatchNormalization.Builder().dataFormat(format).build())
			.layer(new SubsamplingLayer.Builder(2, 2).stride(2, 2).dataFormat(format).build())
			.layer(new DenseLayer.Builder().nOut(12).activation(Activation.RELU).build())
			.layer(new BatchNormalization.Builder().build())
			.layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(5).activation(Activation.SOFTMAX).build())
			.setInputType(InputType.convolutional(9, 7, 2, format))
			.build();
		final MultiLayerNetwork fast = assertSame(configuration, Nd4j.rand(10, 2, 9, 7).muli(3).subi(1), false);
		assertEquals(2, replaced(fast));
		assertEquals(1, pooling(fast));
		assertEquals(1, unactivated(fast)); // its gradient the plugin's for NCHW (odd sizes: 7x5 pooled), DL4J's for NHWC
	}

	/** How many batch normalisation layers have the faster helper; fails if one has not. */
	private static int replaced(final MultiLayerNetwork network) {
		int replaced = 0;
		for (final Layer layer : network.getLayers()) {
			if (layer instanceof org.deeplearning4j.nn.layers.normalization.BatchNormalization) {
				assertTrue(layer.getHelper() instanceof FusedBatchNorm, layer + " helper: " + layer.getHelper());
				replaced++;
			}
		}
		return replaced;
	}

	/** How many convolutions leave their ReLU to the batch normalisation after them. */
	private static long unactivated(final MultiLayerNetwork network) {
		return java.util.Arrays.stream(network.getLayers()).filter(UnactivatedConvolution.class::isInstance).count();
	}

	/** How many pooling layers have the faster passes; fails if one has not. */
	private static int pooling(final MultiLayerNetwork network) {
		int replaced = 0;
		for (final Layer layer : network.getLayers()) {
			if (layer instanceof org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer) {
				assertTrue(layer instanceof MaxPoolingLayer && layer.getHelper() instanceof MaxPoolingGradient, layer + " helper: " +
					layer.getHelper());
				replaced++;
			}
		}
		return replaced;
	}

	/**
	 * Compares a network with the faster layers with the same network in DL4J's own Java code, on
	 * {@code input} (NCHW); returns the former. With {@code oneDnn} the former's other layers run in
	 * DL4J's OneDNN helpers, as the plugin trains; without, in DL4J's Java code too. (DL4J's OneDNN
	 * convolution backward pass gives wrong gradients in NHWC when the output gradient reaches it as
	 * a view: whenever a convolution feeds batch normalisation or a dense layer, as here. LeNet, the
	 * plugin's only NHWC network, pools after each convolution.)
	 */
	private static MultiLayerNetwork assertSame(final MultiLayerConfiguration configuration, INDArray input, final boolean oneDnn) {
		Backends.prepare();
		final MultiLayerNetwork fast;
		final MultiLayerNetwork network;
		System.setProperty(Backends.HELPERS_DISABLE, "true");
		try {
			network = new MultiLayerNetwork(configuration.clone());
			network.init();
			if (oneDnn) System.setProperty(Backends.HELPERS_DISABLE, "false");
			fast = new MultiLayerNetwork(configuration.clone());
			fast.init(network.params().dup(), false);
			assertEquals(oneDnn, fast.getLayer(0).getHelper() != null, "OneDNN for the convolutions");
			Backends.useFastLayers(fast);
			// As on a CPU without AVX-512, where useFastLayers installs them.
			MaxPoolingGradient.install(fast);
			MaxPoolingLayer.install(fast);
		}
		finally {
			System.setProperty(Backends.HELPERS_DISABLE, "false");
		}
		assertEquals(null, network.getLayer(0).getHelper(), "the reference runs DL4J's Java code");
		assertTrue(fast.getLayer(0).getHelper() instanceof FirstConvolutionGradient, "the first convolution's backward pass");
		input = Layouts.forNetwork(input, network);
		final int classes = (int) network.getOutputLayer().getParam("b").length();
		final INDArray labels = Nd4j.zeros(input.size(0), classes);
		for (int i = 0; i < input.size(0); i++) labels.putScalar(i, i % classes, 1);

		final java.util.List<INDArray> expectedLayers = network.feedForward(input, false), actualLayers = fast.feedForward(input, false);
		for (int i = 0; i < expectedLayers.size(); i++) {
			assertClose(expectedLayers.get(i), actualLayers.get(i), 1e-4, "inference activations of layer " + i);
		}
		Nd4j.getRandom().setSeed(11); // the same dropout masks on both
		final INDArray expected = network.output(input, true);
		Nd4j.getRandom().setSeed(11);
		assertClose(expected, fast.output(input, true), 1e-4, "training output");

		for (final MultiLayerNetwork n : new MultiLayerNetwork[] {network, fast}) {
			Nd4j.getRandom().setSeed(11);
			n.setInput(input);
			n.setLabels(labels);
			n.computeGradientAndScore();
		}
		assertEquals(network.score(), fast.score(), 1e-5, "loss");
		for (final String key : network.gradient().gradientForVariable().keySet()) {
			assertClose(network.gradient().getGradientFor(key), fast.gradient().getGradientFor(key), 1e-3, "gradient " + key);
		}
		return fast;
	}

	/** Every value within {@code tolerance} of the largest expected magnitude. */
	private static void assertClose(final INDArray expected, final INDArray actual, final double tolerance, final String what) {
		final float[] e = expected.ravel().toFloatVector();
		final float[] a = actual.ravel().toFloatVector();
		assertEquals(e.length, a.length, what);
		final double scale = Math.max(1e-6, expected.amaxNumber().doubleValue());
		for (int i = 0; i < e.length; i++) {
			assertEquals(e[i], a[i], tolerance * scale, what + " [" + i + "] of " + e.length);
		}
	}
}
