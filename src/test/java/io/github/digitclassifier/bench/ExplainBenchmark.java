package io.github.digitclassifier.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.github.digitclassifier.SyntheticImages;
import io.github.digitclassifier.TinyModel;
import io.github.digitclassifier.data.ImageFiles;
import io.github.digitclassifier.explain.DeletionCurve;
import io.github.digitclassifier.explain.Explainer;
import io.github.digitclassifier.explain.Explanation;
import io.github.digitclassifier.explain.GradCam;
import io.github.digitclassifier.explain.Occlusion;
import io.github.digitclassifier.explain.Pages;
import io.github.digitclassifier.model.ModelBundle;
import io.github.digitclassifier.model.ModelBundles;
import io.github.digitclassifier.runtime.Classifier;
import io.github.digitclassifier.runtime.dl4j.NetworkClassifier;
import io.github.digitclassifier.runtime.load.ModelFiles;
import io.github.digitclassifier.train.InputRequest;
import io.github.digitclassifier.train.Trainer;
import io.github.digitclassifier.train.TrainingProgress;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Explain Prediction: the deletion area (Petsiuk et al., 2018; lower is better) of Grad-CAM,
 * occlusion and a random order on digits with the bundled model and on colour textures with a
 * briefly trained colour model, and the time to explain one image per method and image size.
 * Arguments: digit class folders (sample-data/test), images per class (3).
 */
public final class ExplainBenchmark {

	static final int STEPS = 20;

	public static void main(final String[] args) throws Exception {
		final Path digits = Path.of(args.length > 0 ? args[0] : "sample-data/test");
		final int perClass = args.length > 1 ? Integer.parseInt(args[1]) : 3;
		final ModelBundle bundle = ModelBundles.loadDefault();
		try (Classifier onnx = ModelFiles.loadOrDefault(null)) {
			deletion("digits, bundled model", bundle, onnx, images(digits, perClass, 1));
		}
		final Path dir = Files.createTempDirectory("explain-bench");
		final Path train = SyntheticImages.writeColourTextures(dir.resolve("train"), 30, 1);
		final Path test = SyntheticImages.writeColourTextures(dir.resolve("test"), perClass * 2, 2);
		final ModelBundle colour = Trainer.train(train, test, InputRequest.auto(), TinyModel.RECIPE, TrainingProgress.NONE).bundle();
		deletion("colour textures, colour model (LeNet, 4 epochs)", colour, new NetworkClassifier(colour), images(test, perClass * 2, 3));
		System.out.println();
		System.out.println("| image | Grad-CAM | occlusion |");
		System.out.println("|---|---|---|");
		try (Classifier onnx = ModelFiles.loadOrDefault(null)) {
			final Path seven = digits.resolve("7").resolve(Files.list(digits.resolve("7")).sorted().findFirst().orElseThrow().getFileName());
			final GradCam gradCam = new GradCam(bundle.network(), bundle.metadata().classNames(), bundle.metadata().preprocessing());
			final Occlusion occlusion = new Occlusion(onnx);
			final Map<String, RandomAccessibleInterval<FloatType>> sizes = new LinkedHashMap<>();
			sizes.put("digit 28x28", ImageFiles.read(seven));
			sizes.put("page 320x240", Pages.digit(seven, 320, 240, 170, 80, 2, 1).image());
			sizes.put("page 1024x768", Pages.digit(seven, 1024, 768, 500, 300, 4, 1).image());
			for (final Map.Entry<String, RandomAccessibleInterval<FloatType>> size : sizes.entrySet()) {
				System.out.printf(Locale.ROOT, "| %s | %.0f ms | %.0f ms |%n", size.getKey(), millis(gradCam, size.getValue()),
					millis(occlusion, size.getValue()));
			}
		}
	}

	/** The median time of explaining the image, after a warm-up. */
	private static double millis(final Explainer explainer, final RandomAccessibleInterval<FloatType> image) {
		final List<Double> times = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			final long start = System.nanoTime();
			explainer.explain(image);
			if (i > 0) times.add((System.nanoTime() - start) / 1e6);
		}
		times.sort(null);
		return times.get(times.size() / 2);
	}

	private static void deletion(final String what, final ModelBundle bundle, final Classifier classifier,
		final List<RandomAccessibleInterval<FloatType>> images)
	{
		final GradCam gradCam = new GradCam(bundle.network(), bundle.metadata().classNames(), bundle.metadata().preprocessing());
		final Occlusion occlusion = new Occlusion(classifier);
		double g = 0, o = 0, r = 0;
		int gBetter = 0;
		for (int i = 0; i < images.size(); i++) {
			final RandomAccessibleInterval<FloatType> image = images.get(i);
			final Explanation byOcclusion = occlusion.explain(image);
			final Explanation byGradCam = gradCam.explain(image);
			final int c = byOcclusion.predicted();
			final double ga = DeletionCurve.area(DeletionCurve.curve(classifier, image, byGradCam.heat(), c, STEPS, i));
			final double oa = DeletionCurve.area(DeletionCurve.curve(classifier, image, byOcclusion.heat(), c, STEPS, i));
			final double ra = DeletionCurve.area(DeletionCurve.curve(classifier, image, DeletionCurve.randomHeat(byOcclusion.heat().length, i), c,
				STEPS, i));
			g += ga;
			o += oa;
			r += ra;
			if (ga < oa) gBetter++;
		}
		final int n = images.size();
		System.out.printf(Locale.ROOT, "%s, %d images: deletion area Grad-CAM %.3f, occlusion %.3f, random %.3f; Grad-CAM lower on %d%n", what, n,
			g / n, o / n, r / n, gBetter);
	}

	private static List<RandomAccessibleInterval<FloatType>> images(final Path folders, final int perClass, final int channels) throws Exception {
		final List<RandomAccessibleInterval<FloatType>> images = new ArrayList<>();
		try (Stream<Path> classes = Files.list(folders)) {
			for (final Path folder : classes.sorted().toList()) {
				try (Stream<Path> files = Files.list(folder)) {
					for (final Path file : files.sorted().limit(perClass).toList()) images.add(ImageFiles.read(file, channels));
				}
			}
		}
		return images;
	}
}
