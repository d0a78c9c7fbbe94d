package io.github.digitclassifier.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
		final PreparedImages images = prepare(Path.of("sample-data/train"));
		final MultiLayerNetwork network = recalibratedCnn(images);
		final int[] all = IntStream.range(0, images.size()).toArray();
		assertStatistics(network, images, 1, all); // after the first convolution
		assertStatistics(network, images, 4, all); // after the second
		assertStatistics(network, images, 7, all); // after the dense layer
	}

	@Test
	void layersAfterConvolutionsAreMeasuredOnFewerImages(@TempDir final Path folder) throws Exception {
		// The 500 sample images twice over: 1,000 training images.
		try (Stream<Path> files = Files.walk(Path.of("sample-data/train"))) {
			for (final Path file : files.filter(Files::isRegularFile).toList()) {
				final Path classFolder = Files.createDirectories(folder.resolve(file.getParent().getFileName().toString()));
				Files.copy(file, classFolder.resolve("a-" + file.getFileName()));
				Files.copy(file, classFolder.resolve("b-" + file.getFileName()));
			}
		}
		final PreparedImages images = prepare(folder);
		assertEquals(1000, images.size());
		final MultiLayerNetwork network = recalibratedCnn(images);
		final int sampled = BatchNorms.SAMPLE_CONVOLUTIONAL;
		final int[] spread = IntStream.range(0, sampled).map(i -> i * images.size() / sampled).toArray();
		assertStatistics(network, images, 1, spread);
		assertStatistics(network, images, 4, spread);
		assertStatistics(network, images, 7, IntStream.range(0, images.size()).toArray());
	}

	private static PreparedImages prepare(final Path folder) throws IOException {
		return PreparedImages.prepare(ClassFolders.scan(folder), new Preprocessor(Preprocessing.digits()));
	}

	private static MultiLayerNetwork recalibratedCnn(final PreparedImages images) {
		final MultiLayerNetwork network = new MultiLayerNetwork(Architecture.CNN.configuration(Preprocessing.digits(), 10,
			Recipe.defaults(), null));
		network.init();
		BatchNorms.recalibrate(network, images, 10);
		return network;
	}

	/** Layer {@code index}'s statistics against DL4J's own forward pass over those images, channels-first, in full. */
	private static void assertStatistics(final MultiLayerNetwork network, final PreparedImages images, final int index,
		final int[] chosen)
	{
		final org.deeplearning4j.nn.layers.normalization.BatchNormalization layer =
			(org.deeplearning4j.nn.layers.normalization.BatchNormalization) network.getLayer(index);
		final float[] pixels = new float[chosen.length * 784];
		for (int i = 0; i < chosen.length; i++) images.copyTo(chosen[i], pixels, i * 784);
		final INDArray input = network.feedForwardToLayer(index, Nd4j.create(pixels, new long[] { chosen.length, 1, 28, 28 }),
			false).get(index);
		final int[] axes = input.rank() == 4 ? new int[] { 0, 2, 3 } : new int[] { 0 };
		final double[] mean = input.mean(axes).toDoubleVector();
		final double[] std = Arrays.stream(input.var(false, axes).toDoubleVector()).map(v -> Math.sqrt(v + 1e-5)).toArray();
		final double[] log10Std = layer.paramTable().get(BatchNormalizationParamInitializer.GLOBAL_LOG_STD).toDoubleVector();
		assertArrayEquals(mean, layer.paramTable().get(BatchNormalizationParamInitializer.GLOBAL_MEAN).toDoubleVector(),
			1e-3 * (1 + Arrays.stream(mean).map(Math::abs).max().orElse(0)), "mean of layer " + index);
		assertArrayEquals(std, Arrays.stream(log10Std).map(l -> Math.pow(10, l)).toArray(),
			1e-3 * (1 + Arrays.stream(std).max().orElse(0)), "standard deviation of layer " + index);
	}
}
