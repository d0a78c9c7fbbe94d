package io.github.digitclassifier.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bytedeco.javacpp.Loader;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

import io.github.digitclassifier.backend.Backends;
import io.github.digitclassifier.data.ClassFolders;
import io.github.digitclassifier.data.Dataset;
import io.github.digitclassifier.data.ImageFiles;
import io.github.digitclassifier.data.LabeledImage;
import io.github.digitclassifier.model.Architecture;
import io.github.digitclassifier.model.ModelBundle;
import io.github.digitclassifier.model.ModelBundles;
import io.github.digitclassifier.model.Recipe;
import io.github.digitclassifier.predict.Predictor;
import io.github.digitclassifier.preprocess.PreparedImages;
import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.preprocess.Preprocessor;
import io.github.digitclassifier.runtime.dl4j.NetworkClassifier;
import io.github.digitclassifier.train.Trainer;
import io.github.digitclassifier.train.TrainingProgress;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Prints one RESULT line per figure: import and preprocessing of MNIST PNG class folders, training
 * throughput of each network (one epoch as the trainer runs it, batch 64, Adam), and with the
 * bundled model the classification throughput of a stack of 28x28 slices and the warm latency of
 * one image. Arguments: MNIST class-folder root, image limit, and a network's id ({@code lenet},
 * {@code cnn}) for the import and that network's training figures alone, over two epochs (the
 * comparison with the PyTorch peers), or {@code exchange} and {@code onnx} or {@code dl4j} for the export times and the classification figures of the bundled
 * model as ONNX Runtime runs its ONNX export, or as DL4J runs it. {@code -Domp=N} sets ND4J's OpenMP
 * threads (default: one per core); {@code -Ddl4jBatchNorm=true} trains with DL4J's own batch
 * normalisation instead of the plugin's faster one.
 */
public final class Benchmark {

	public static void main(final String[] args) throws Exception {
		System.out.println("libnd4j build: nd4j-native " + Loader.getPlatform() + Backends.nativeBuild());
		final Path mnist = Path.of(args.length > 0 ? args[0] : "data/mnist");
		if (args.length > 2 && args[2].equals("exchange")) {
			exchange(mnist, args.length > 3 ? args[3] : "onnx");
			return;
		}
		final int limit = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
		Dataset train = ClassFolders.scan(mnist.resolve("train"));
		if (limit < train.images().size()) train = train.with(train.images().subList(0, limit), List.of());
		long t = System.nanoTime();
		final PreparedImages images = PreparedImages.prepare(train, new Preprocessor(Preprocessing.digits()));
		double s = (System.nanoTime() - t) / 1e9;
		result("import_preprocess_img_per_s", images.size() / s);
		final Integer threads = Integer.getInteger("omp");
		if (threads != null) {
			Nd4j.create(1); // ND4J's natives load first
			NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
		}
		if (args.length > 2) {
			final Architecture alone = Architecture.fromId(args[2]);
			// A second epoch too: the first includes the JVM's warm-up (JIT compilation on the same cores).
			final double[] speeds = trainingSpeeds(alone, images, 2);
			result(alone.id() + "_train_img_per_s", speeds[0]);
			result(alone.id() + "_train_img_per_s_epoch2", speeds[1]);
			return;
		}
		for (final Architecture network : Architecture.values()) {
			result(network.id() + "_train_img_per_s", trainingSpeeds(network, images, 1)[0]);
		}
		try (io.github.digitclassifier.runtime.Classifier model = io.github.digitclassifier.runtime.load.ModelFiles.loadOrDefault(null)) {
			classification(model, "", mnist); // as the commands run it: through ONNX Runtime
		}
	}

	/**
	 * Export times, then classification through {@code engine}, {@code dl4j} or {@code onnx}: one
	 * per JVM, so that each first run is a cold one (the other's would have compiled the preprocessing).
	 */
	private static void exchange(final Path mnist, final String engine) throws Exception {
		final java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("digit-classifier-bench");
		final io.github.digitclassifier.model.ModelBundle bundle = ModelBundles.loadDefault();
		final Path onnx = dir.resolve("digits.onnx");
		for (int i = 0; i < 3; i++) { // the last of three: the first includes class loading
			long t = System.nanoTime();
			io.github.digitclassifier.exchange.OnnxFiles.export(bundle, onnx);
			final double onnxMs = (System.nanoTime() - t) / 1e6;
			t = System.nanoTime();
			io.github.digitclassifier.exchange.Exports.export(null, io.github.digitclassifier.exchange.ExportFormat.BIOIMAGEIO, dir.resolve("digits.zip"));
			if (i == 2) {
				result("export_onnx_ms", onnxMs);
				result("export_bioimageio_ms", (System.nanoTime() - t) / 1e6);
			}
		}
		if (engine.equals("dl4j")) classification(new NetworkClassifier(bundle), "dl4j_", mnist);
		else try (io.github.digitclassifier.runtime.Classifier model = io.github.digitclassifier.runtime.load.ModelFiles.load(onnx)) {
			classification(model, "onnx_", mnist);
		}
	}

	/** Images per second of each training epoch as the trainer runs it: batch 64, Adam 1e-3, no augmentation. */
	static double[] trainingSpeeds(final Architecture network, final PreparedImages images, final int epochs) {
		final Recipe recipe = new Recipe(network, epochs, 64, 1e-3, 1, null, 1, 0.1, 0, 0, null);
		final MultiLayerNetwork net = new MultiLayerNetwork(network.configuration(Preprocessing.digits(), 10, recipe, null));
		net.init();
		if (!Boolean.getBoolean("dl4jBatchNorm")) Backends.useFastLayers(net);
		final double[] speeds = new double[epochs];
		for (int epoch = 1; epoch <= epochs; epoch++) {
			final long t = System.nanoTime();
			Trainer.fitEpoch(net, images, null, recipe, 10, epoch, new TrainingProgress() {});
			speeds[epoch - 1] = images.size() / ((System.nanoTime() - t) / 1e9);
		}
		return speeds;
	}

	/** Classifies the first 10,000 test images as slices of a stack, twice, then one image many times. */
	private static void classification(final io.github.digitclassifier.runtime.Classifier model, final String prefix, final Path mnist)
		throws Exception
	{
		final Dataset test = ClassFolders.scan(mnist.resolve("test"));
		final List<RandomAccessibleInterval<? extends RealType<?>>> slices = new ArrayList<>();
		for (final LabeledImage image : test.images().subList(0, Math.min(10_000, test.images().size()))) {
			slices.add(ImageFiles.read(image.file()));
		}
		final Predictor predictor = new Predictor(model);
		long t = System.nanoTime();
		predictor.predict(slices); // the first run also compiles Java and OneDNN code
		result(prefix + "classify_stack_first_run_img_per_s", slices.size() / ((System.nanoTime() - t) / 1e9));
		t = System.nanoTime();
		predictor.predict(slices);
		result(prefix + "classify_stack_img_per_s", slices.size() / ((System.nanoTime() - t) / 1e9));
		for (int i = 0; i < 50; i++) predictor.predict(slices.get(i));
		t = System.nanoTime();
		for (int i = 0; i < 200; i++) predictor.predict(slices.get(i));
		result(prefix + "classify_one_image_ms", (System.nanoTime() - t) / 1e6 / 200);
	}

	private static void result(final String name, final double value) {
		System.out.println(String.format(Locale.ROOT, "RESULT %s %.1f", name, value));
	}
}
