package io.github.digitclassifier.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.List;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

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
	void lenetIsChannelsLastAlready() {
		final MultiLayerNetwork lenet = new MultiLayerNetwork(Architecture.LENET.configuration(28, 28, 10, new Adam(1e-3), 1));
		lenet.init();
		assertSame(lenet, Layouts.channelsLast(lenet));
		assertArrayEquals(new long[] { 3, 28, 28, 1 }, Layouts.forNetwork(Nd4j.zeros(3, 1, 28, 28), lenet).shape());
	}
}
