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
 * Times training steps (batch 64, Adam) of one network as DL4J runs it and with this plugin's
 * faster layers ({@link Backends#useFastLayers}), alternating step by step in one JVM so that both
 * see the same machine; prints the median and quartiles of each after 20 warm-up steps.
 * Arguments: the network's id ({@code cnn}, {@code lenet}), and the input: {@code grey28} (MNIST's,
 * the default) or {@code rgbN}, colour N x N pictures (issue 14's {@code rgb64}); and the steps
 * timed of each (200 unless given).
 */
public final class TrainingSteps {

	public static void main(final String[] args) {
		final Architecture architecture = Architecture.fromId(args.length > 0 ? args[0] : "cnn");
		final String inputId = args.length > 1 ? args[1] : "grey28";
		final Preprocessing input = inputId.equals("grey28") ? Preprocessing.digits()
			: Preprocessing.pictures(Integer.parseInt(inputId.substring("rgb".length())), 3, null);
		System.out.println("libnd4j build: nd4j-native " + org.bytedeco.javacpp.Loader.getPlatform() + Backends.nativeBuild());
		final MultiLayerNetwork[] networks = new MultiLayerNetwork[2];
		for (int i = 0; i < 2; i++) {
			networks[i] = new MultiLayerNetwork(architecture.configuration(input, 10, new Adam(1e-3), 1));
			networks[i].init();
		}
		Backends.useFastLayers(networks[1]);
		final INDArray images = Layouts.forNetwork(Nd4j.rand(64, input.channels(), input.height(), input.width()), networks[0]);
		final INDArray labels = Nd4j.zeros(64, 10);
		for (int i = 0; i < 64; i++) labels.putScalar(i, i % 10, 1);
		final int warmUp = 20;
		final double[][] ms = new double[2][args.length > 2 ? Integer.parseInt(args[2]) : 200];
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
			System.out.printf("RESULT %s_%s_%s_step_ms_median %.2f (quartiles %.2f-%.2f)%n", architecture.id(), inputId, names[i], ms[i][n / 2],
				ms[i][n / 4], ms[i][3 * n / 4]);
		}
	}
}
