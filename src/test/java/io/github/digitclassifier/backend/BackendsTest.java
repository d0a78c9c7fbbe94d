package io.github.digitclassifier.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.model.Architecture;
import io.github.digitclassifier.model.Layouts;

class BackendsTest {

	@Test
	void convolutionsRunInOneDnn() {
		final MultiLayerNetwork network = new MultiLayerNetwork(Architecture.LENET.configuration(Preprocessing.digits(), 10, new Adam(1e-3), 1));
		network.init();
		network.output(Layouts.forNetwork(Nd4j.rand(2, 1, 28, 28), network));
		assertTrue(Backends.oneDnnLoaded(), "the -onednn build of libnd4j is loaded");
		final Object helper = ((ConvolutionLayer) network.getLayer(0)).getHelper();
		assertTrue(helper instanceof MKLDNNConvHelper, "convolution helper: " + helper);
	}

	@Test
	void oneDnnGivesWhatTheJavaPathGives() {
		final MultiLayerNetwork network = new MultiLayerNetwork(Architecture.CNN.configuration(Preprocessing.digits(), 10, new Adam(1e-3), 3));
		network.init();
		final INDArray input = Nd4j.rand(4, 1, 28, 28);
		final float[] withHelpers = network.output(input).ravel().toFloatVector();
		System.setProperty(Backends.HELPERS_DISABLE, "true");
		try {
			final MultiLayerNetwork plain = new MultiLayerNetwork(network.getLayerWiseConfigurations().clone());
			plain.init(network.params().dup(), false);
			assertTrue(((ConvolutionLayer) plain.getLayer(0)).getHelper() == null);
			assertArrayEquals(withHelpers, plain.output(input).ravel().toFloatVector(), 1e-4f);
		}
		finally {
			System.setProperty(Backends.HELPERS_DISABLE, "false");
		}
	}

	@Test
	void withoutAvx512AForwardPassKeepsEachLayersActivationsWithin32Mb() {
		final MultiLayerConfiguration colour = Architecture.CNN.configuration(Preprocessing.pictures(64, 3,
			Preprocessing.Standardisation.identity(3)), 10, new Adam(1e-3), 1);
		final InputType colourInput = InputType.convolutional(64, 64, 3, CNN2DFormat.NCHW);
		// The first convolution's output is the largest: 32 channels of 60x60 floats, 460,800 bytes an image.
		assertEquals(72, Backends.imagesPerPass(colour, colourInput, 256, false));
		assertEquals(256, Backends.imagesPerPass(colour, colourInput, 256, true), "AVX-512: as asked");
		assertEquals(256, Backends.imagesPerPass(Architecture.CNN.configuration(Preprocessing.digits(), 10, new Adam(1e-3), 1),
			InputType.convolutional(28, 28, 1, CNN2DFormat.NCHW), 256, false), "28x28 grey: 18.9 MB for 256 images");
	}
}
