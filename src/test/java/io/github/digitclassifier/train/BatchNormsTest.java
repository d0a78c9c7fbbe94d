package io.github.digitclassifier.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.github.digitclassifier.data.ClassFolders;
import io.github.digitclassifier.model.Architecture;
import io.github.digitclassifier.model.Recipe;
import io.github.digitclassifier.preprocess.PreparedImages;
import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.preprocess.Preprocessor;

class BatchNormsTest {

	@Test
	void statisticsAreThoseOfTheLayersInputsOverTheTrainingImages() throws Exception {
		final PreparedImages images = PreparedImages.prepare(ClassFolders.scan(Path.of("sample-data/train")),
			new Preprocessor(Preprocessing.digits()));
		final MultiLayerNetwork network = new MultiLayerNetwork(Architecture.CNN.configuration(Preprocessing.digits(), 10, Recipe.defaults(), null));
		network.init();
		BatchNorms.recalibrate(network, images, 10);

		// DL4J's own forward pass, channels-first, all 500 images at once, each layer's input in full.
		final float[] pixels = new float[images.size() * 784];
		for (int i = 0; i < images.size(); i++) images.copyTo(i, pixels, i * 784);
		final INDArray all = Nd4j.create(pixels, new long[] { images.size(), 1, 28, 28 });
		int checked = 0;
		for (int i = 0; i < network.getnLayers(); i++) {
			if (!(network.getLayer(i) instanceof org.deeplearning4j.nn.layers.normalization.BatchNormalization layer)) continue;
			final INDArray input = network.feedForwardToLayer(i, all, false).get(i);
			final int[] axes = input.rank() == 4 ? new int[] { 0, 2, 3 } : new int[] { 0 };
			final double[] mean = input.mean(axes).toDoubleVector();
			final double[] std = Arrays.stream(input.var(false, axes).toDoubleVector()).map(v -> Math.sqrt(v + 1e-5)).toArray();
			final double[] log10Std = layer.paramTable().get(BatchNormalizationParamInitializer.GLOBAL_LOG_STD).toDoubleVector();
			assertArrayEquals(mean, layer.paramTable().get(BatchNormalizationParamInitializer.GLOBAL_MEAN).toDoubleVector(),
				1e-3 * (1 + Arrays.stream(mean).map(Math::abs).max().orElse(0)), "mean of layer " + i);
			assertArrayEquals(std, Arrays.stream(log10Std).map(l -> Math.pow(10, l)).toArray(),
				1e-3 * (1 + Arrays.stream(std).max().orElse(0)), "standard deviation of layer " + i);
			checked++;
		}
		assertEquals(3, checked, "the CNN's batch normalisation layers");
	}
}
