package io.github.digitclassifier.bench;

import java.util.Arrays;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import io.github.digitclassifier.backend.Backends;
import io.github.digitclassifier.model.Architecture;
import io.github.digitclassifier.model.Layouts;
import io.github.digitclassifier.preprocess.Preprocessing;

/**
 * Times training steps (batch 64, 28x28 grey, Adam) of one network as DL4J runs it and with this
 * plugin's faster layers ({@link Backends#useFastLayers}), alternating step by step in one JVM so
 * that both see the same machine; prints the median and quartiles of each after 20 warm-up steps.
 * Argument: the network's id ({@code cnn}, {@code lenet}).
 */
public final class TrainingSteps {

	public static void main(final String[] args) {
		final Architecture architecture = Architecture.fromId(args.length > 0 ? args[0] : "cnn");
		System.out.println("libnd4j build: nd4j-native " + org.bytedeco.javacpp.Loader.getPlatform() + Backends.nativeBuild());
		final MultiLayerNetwork[] networks = new MultiLayerNetwork[2];
		for (int i = 0; i < 2; i++) {
			networks[i] = new MultiLayerNetwork(architecture.configuration(Preprocessing.digits(), 10, new Adam(1e-3), 1));
			networks[i].init();
		}
		Backends.useFastLayers(networks[1]);
		final INDArray images = Layouts.forNetwork(Nd4j.rand(64, 1, 28, 28), networks[0]);
		final INDArray labels = Nd4j.zeros(64, 10);
		for (int i = 0; i < 64; i++) labels.putScalar(i, i % 10, 1);
		final int warmUp = 20;
		final double[][] ms = new double[2][200];
		try (Backends.SingleThreadedBlas blas = Backends.singleThreadedBlas()) {
			for (int step = 0; step < warmUp + ms[0].length; step++) {
				for (int i = 0; i < 2; i++) {
					final long start = System.nanoTime();
					networks[i].fit(images, labels);
					if (step >= warmUp) ms[i][step - warmUp] = (System.nanoTime() - start) / 1e6;
				}
			}
		}
		final String[] names = {"dl4j_layers", "fast_layers"};
		for (int i = 0; i < 2; i++) {
			Arrays.sort(ms[i]);
			final int n = ms[i].length;
			System.out.printf("RESULT %s_%s_step_ms_median %.2f (quartiles %.2f-%.2f)%n", architecture.id(), names[i], ms[i][n / 2],
				ms[i][n / 4], ms[i][3 * n / 4]);
		}
	}
}
