package io.github.digitclassifier.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.data.ClassFolders;
import io.github.digitclassifier.data.ImageFiles;
import io.github.digitclassifier.data.LabeledImage;
import io.github.digitclassifier.preprocess.Preprocessor;

class LayoutsTest {

	@Test
	void theChannelsLastNetworkComputesWhatTheTrainedOneComputes() throws Exception {
		final ModelBundle bundle = ModelBundles.loadDefault();
		assertEquals(CNN2DFormat.NCHW, Layouts.of(bundle.network()), "the bundled CNN was trained channels-first");
		final List<LabeledImage> images = ClassFolders.scan(Path.of("sample-data/test")).images();
		final Preprocessor preprocessor = new Preprocessor(bundle.metadata().preprocessing());
		final float[] pixels = new float[images.size() * 28 * 28];
		for (int i = 0; i < images.size(); i++) preprocessor.prepareInto(ImageFiles.read(images.get(i).file()), pixels, i * 28 * 28);
		final INDArray batch = Nd4j.create(pixels, new long[] { images.size(), 1, 28, 28 });

		final MultiLayerNetwork converted = Layouts.channelsLast(bundle.network());
		assertEquals(CNN2DFormat.NHWC, Layouts.of(converted));
		final INDArray expected = bundle.network().output(batch, false);
		final INDArray actual = converted.output(Layouts.forNetwork(batch, converted), false);
		assertArrayEquals(expected.ravel().toFloatVector(), actual.ravel().toFloatVector(), 1e-4f);
		assertArrayEquals(expected.argMax(1).toLongVector(), actual.argMax(1).toLongVector());
		// Batch normalisation of the dense features must stay channels-first, else OneDNN refuses it
		// and DL4J falls back to its slow path with an error in the log.
		final BatchNormalization dense = (BatchNormalization) converted.getLayerWiseConfigurations().getConf(7).getLayer();
		assertEquals(CNN2DFormat.NCHW, dense.getCnn2DFormat());
		assertEquals(0, helperFailures(converted.getLayer(7)), "OneDNN ran the dense batch normalisation");
	}

	private static int helperFailures(final org.deeplearning4j.nn.api.Layer layer) throws ReflectiveOperationException {
		final java.lang.reflect.Field failures = org.deeplearning4j.nn.layers.normalization.BatchNormalization.class
			.getDeclaredField("helperCountFail");
		failures.setAccessible(true);
		return failures.getInt(layer);
	}

	@Test
	void colourImagesAreReorderedForTheChannelsLastNetwork() {
		// 64 px: the CNN with one more block (3x3 convolutions keeping the size).
		final Preprocessing colour = Preprocessing.pictures(64, 3, Preprocessing.Standardisation.identity(3));
		final MultiLayerNetwork cnn = new MultiLayerNetwork(Architecture.CNN.configuration(colour, 4, new Adam(1e-3), 5));
		cnn.init();
		Nd4j.getRandom().setSeed(3);
		final INDArray batch = Nd4j.rand(new int[] { 6, 3, 64, 64 });
		final MultiLayerNetwork converted = Layouts.channelsLast(cnn);
		final INDArray shaped = Layouts.forNetwork(batch, converted);
		assertArrayEquals(new long[] { 6, 64, 64, 3 }, shaped.shape());
		assertEquals(batch.getFloat(1, 2, 5, 7), shaped.getFloat(1, 5, 7, 2));
		assertArrayEquals(cnn.output(batch, false).ravel().toFloatVector(), converted.output(shaped, false).ravel().toFloatVector(), 1e-4f);
	}

	@Test
	void theCnnGrowsBlocksForLargerInputsUntilItsFeatureMapsAreSmall() {
		final int[] sizes = { 16, 28, 44, 48, 64, 128 };
		final int[] layers = { 9, 9, 9, 12, 12, 15 };
		for (int i = 0; i < sizes.length; i++) {
			final Preprocessing input = Preprocessing.pictures(sizes[i], 1, Preprocessing.Standardisation.identity(1));
			final var configuration = Architecture.CNN.configuration(input, 10, new Adam(1e-3), 1);
			assertEquals(layers[i], configuration.getConfs().size(), sizes[i] + " px");
			final MultiLayerNetwork network = new MultiLayerNetwork(configuration);
			network.init();
			// The dense layer sees at most 128 maps of 8x8.
			final long denseInputs = ((org.deeplearning4j.nn.conf.layers.DenseLayer) configuration.getConf(layers[i] - 3).getLayer()).getNIn();
			assertTrue(denseInputs <= 128 * 8 * 8, sizes[i] + " px: " + denseInputs);
			assertArrayEquals(new long[] { 2, 10 }, network.output(Nd4j.zeros(2, 1, sizes[i], sizes[i]), false).shape());
		}
	}

	@Test
	void lenetIsChannelsLastAlready() {
		final MultiLayerNetwork lenet = new MultiLayerNetwork(Architecture.LENET.configuration(Preprocessing.digits(), 10, new Adam(1e-3), 1));
		lenet.init();
		assertSame(lenet, Layouts.channelsLast(lenet));
		assertArrayEquals(new long[] { 3, 28, 28, 1 }, Layouts.forNetwork(Nd4j.zeros(3, 1, 28, 28), lenet).shape());
	}
}
