package io.github.digitclassifier.runtime.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Random;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;

import io.github.digitclassifier.model.Architecture;
import io.github.digitclassifier.model.Layouts;
import io.github.digitclassifier.preprocess.Preprocessing;

class NetworkClassifierTest {

	@Test
	void imagesSplitIntoSeveralPassesGetTheProbabilitiesOfOnePass() {
		final Preprocessing colour = Preprocessing.pictures(32, 3, Preprocessing.Standardisation.identity(3));
		final MultiLayerNetwork network = new MultiLayerNetwork(Architecture.CNN.configuration(colour, 4, new Adam(1e-3), 5));
		network.init();
		final MultiLayerNetwork channelsLast = Layouts.channelsLast(network);
		final List<String> classes = List.of("a", "b", "c", "d");
		final float[] images = new float[7 * 3 * 32 * 32];
		final Random random = new Random(11);
		for (int i = 0; i < images.length; i++) images[i] = (float) random.nextGaussian();

		final float[] onePass = new NetworkClassifier(channelsLast, classes, colour, 7).probabilities(images, 7);
		final float[] passesOfThree = new NetworkClassifier(channelsLast, classes, colour, 3).probabilities(images, 7);
		assertArrayEquals(onePass, passesOfThree, 1e-5f, "7 images in passes of 3, 3 and 1");
	}
}
