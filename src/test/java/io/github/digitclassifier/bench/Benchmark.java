package io.github.digitclassifier.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;

import io.github.digitclassifier.data.ClassFolders;
import io.github.digitclassifier.data.Dataset;
import io.github.digitclassifier.model.Architecture;
import io.github.digitclassifier.preprocess.ImageBatches;
import io.github.digitclassifier.preprocess.PreparedImages;
import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.preprocess.Preprocessor;

/** Prints one RESULT line per figure: import, training throughput per network. */
public final class Benchmark {

	public static void main(final String[] args) throws Exception {
		final Path mnist = Path.of(args.length > 0 ? args[0] : "data/mnist");
		final int limit = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
		Dataset train = ClassFolders.scan(mnist.resolve("train"));
		if (limit < train.images().size()) train = train.with(train.images().subList(0, limit), List.of());
		long t = System.nanoTime();
		final PreparedImages images = PreparedImages.prepare(train, new Preprocessor(Preprocessing.digits()));
		double s = (System.nanoTime() - t) / 1e9;
		result("import_preprocess_img_per_s", images.size() / s);
		for (final String network : List.of("lenet", "cnn")) {
			final MultiLayerNetwork net = new MultiLayerNetwork(Architecture.fromId(network).configuration(28, 28, 10, new Adam(1e-3), 1));
			net.init();
			int n = 0;
			t = System.nanoTime();
			try (ImageBatches batches = ImageBatches.epoch(images, 64, 10, null, 1, 1)) {
				while (batches.hasNext()) {
					final DataSet batch = batches.next();
					net.fit(batch);
					n += batch.numExamples();
				}
			}
			s = (System.nanoTime() - t) / 1e9;
			result(network + "_train_img_per_s", n / s);
		}
	}

	private static void result(final String name, final double value) {
		System.out.println(String.format(Locale.ROOT, "RESULT %s %.1f", name, value));
	}
}
