package io.github.digitclassifier.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.github.digitclassifier.data.ImageFiles;
import io.github.digitclassifier.explain.DeletionCurve;
import io.github.digitclassifier.explain.DeletionCurve.Removal;
import io.github.digitclassifier.explain.Explainer;
import io.github.digitclassifier.explain.Explanation;
import io.github.digitclassifier.explain.GradCam;
import io.github.digitclassifier.explain.Occlusion;
import io.github.digitclassifier.explain.Pages;
import io.github.digitclassifier.model.Architecture;
import io.github.digitclassifier.model.Balance;
import io.github.digitclassifier.model.ModelBundle;
import io.github.digitclassifier.model.ModelBundles;
import io.github.digitclassifier.model.Recipe;
import io.github.digitclassifier.runtime.Classifier;
import io.github.digitclassifier.runtime.dl4j.NetworkClassifier;
import io.github.digitclassifier.runtime.load.ModelFiles;
import io.github.digitclassifier.train.InputRequest;
import io.github.digitclassifier.train.Trainer;
import io.github.digitclassifier.train.TrainingProgress;
import io.github.digitclassifier.train.TrainingResult;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Explain Prediction, as Markdown: the deletion area (Petsiuk et al., 2018; lower is better) of
 * Grad-CAM, occlusion and a random order on digits with the bundled model and on colour photos
 * (a CIFAR-10 subset, when its folder is there) with a colour model trained here, and the time
 * to explain one image per method and image size.
 * Arguments: digit class folders (sample-data/test), digits per class (3), a folder with train/
 * and test/ class folders of colour photos ("none": no colour rows), photos per class (10).
 */
public final class ExplainBenchmark {

	static final int STEPS = 20;

	/** The colour model: the default network, five epochs, no augmentation (the CIFAR-10 subset's auto choice). */
	static final Recipe COLOUR_RECIPE = new Recipe(Architecture.CNN, 5, 64, 2e-3, Recipe.decayOver(5), null, 42, 0.1, 0,
		Recipe.MIN_UPDATES_PER_EPOCH, Balance.NONE);

	public static void main(final String[] args) throws Exception {
		final Path digits = Path.of(args.length > 0 ? args[0] : "sample-data/test");
		final int perClass = args.length > 1 ? Integer.parseInt(args[1]) : 3;
		final String photos = args.length > 2 ? args[2] : "none";
		final int photosPerClass = args.length > 3 ? Integer.parseInt(args[3]) : 10;
		final ModelBundle bundle = ModelBundles.loadDefault();
		final List<String> rows = new ArrayList<>();
		try (Classifier onnx = ModelFiles.loadOrDefault(null)) {
			rows.add(deletion(digits + " digits, " + perClass + " per class", "bundled CNN", bundle, onnx, images(digits, perClass, 1),
				Removal.PAPER));
		}
		String colourNote = "No colour photos given: no colour rows.";
		final Path train = Path.of(photos, "train"), test = Path.of(photos, "test");
		if (!photos.equals("none") && Files.isDirectory(train) && Files.isDirectory(test)) {
			final long start = System.nanoTime();
			final TrainingResult trained = Trainer.train(train, test, InputRequest.auto(), COLOUR_RECIPE, TrainingProgress.NONE);
			final ModelBundle colour = trained.bundle();
			colourNote = String.format(Locale.ROOT, "The colour model: the `cnn`, 5 epochs on the %s training photos, %.1f%% right on its " +
				"test photos, trained in %.1f min.", Path.of(photos).getFileName(), 100 * trained.validation().accuracy(),
				(System.nanoTime() - start) / 6e10);
			final List<RandomAccessibleInterval<FloatType>> pictures = images(test, photosPerClass, 3);
			final String set = Path.of(photos).getFileName() + " test photos, " + photosPerClass + " per class";
			try (NetworkClassifier model = new NetworkClassifier(colour)) {
				rows.add(deletion(set, "colour CNN", colour, model, pictures, Removal.MEAN));
				rows.add(deletion(set, "colour CNN", colour, model, pictures, Removal.BLUR));
				rows.add(deletion(set, "colour CNN", colour, model, pictures, Removal.PAPER));
			}
		}
		else if (!photos.equals("none")) colourNote = "No train/ and test/ folders of colour photos in " + photos + ": no colour rows.";
		System.out.println("| set | model | removed pixels become | images | start | Grad-CAM | occlusion | random pixels | random blocks " +
			"| Grad-CAM below occlusion |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|");
		rows.forEach(System.out::println);
		System.out.println();
		System.out.println(colourNote);
		System.out.println();
		System.out.println("Time to explain one image (median of 5 after a warm-up; Grad-CAM through DL4J, occlusion through ONNX Runtime, on " +
			"the part of the page the model sees with a margin of its size):");
		System.out.println();
		System.out.println("| image | Grad-CAM | occlusion |");
		System.out.println("|---|---|---|");
		try (Classifier onnx = ModelFiles.loadOrDefault(null)) {
			final Path seven = digits.resolve("7").resolve(Files.list(digits.resolve("7")).sorted().findFirst().orElseThrow().getFileName());
			final GradCam gradCam = new GradCam(bundle.network(), bundle.metadata().classNames(), bundle.metadata().preprocessing());
			final Occlusion occlusion = new Occlusion(onnx);
			final Map<String, RandomAccessibleInterval<FloatType>> sizes = new LinkedHashMap<>();
			sizes.put("digit 28x28", ImageFiles.read(seven));
			sizes.put("page 320x240 (digit at 2x)", Pages.digit(seven, 320, 240, 170, 80, 2, 1).image());
			sizes.put("page 1024x768 (digit at 4x)", Pages.digit(seven, 1024, 768, 500, 300, 4, 1).image());
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

	/**
	 * A table row: the mean starting probability, and per order (Grad-CAM, occlusion, random
	 * pixels, random blocks an eighth of the image's side) the mean area and, in brackets, the mean
	 * area over the start.
	 */
	private static String deletion(final String set, final String model, final ModelBundle bundle, final Classifier classifier,
		final List<RandomAccessibleInterval<FloatType>> images, final Removal removal)
	{
		final GradCam gradCam = new GradCam(bundle.network(), bundle.metadata().classNames(), bundle.metadata().preprocessing());
		final Occlusion occlusion = new Occlusion(classifier);
		final double[] area = new double[4], normalised = new double[4];
		double start = 0;
		int gBetter = 0;
		for (int i = 0; i < images.size(); i++) {
			final RandomAccessibleInterval<FloatType> image = images.get(i);
			final Explanation byOcclusion = occlusion.explain(image);
			final int c = byOcclusion.predicted();
			final int w = (int) image.dimension(0), h = (int) image.dimension(1);
			final float[][] heats = { gradCam.explain(image).heat(), byOcclusion.heat(), DeletionCurve.randomHeat(w * h, i),
				DeletionCurve.randomBlocks(w, h, Math.max(1, Math.max(w, h) / 8), i) };
			final double[] areas = new double[heats.length];
			for (int m = 0; m < heats.length; m++) {
				final double[] curve = DeletionCurve.curve(classifier, image, heats[m], c, STEPS, i, removal);
				areas[m] = DeletionCurve.area(curve);
				area[m] += areas[m];
				normalised[m] += DeletionCurve.normalisedArea(curve);
				if (m == 0) start += curve[0];
			}
			if (areas[0] < areas[1]) gBetter++;
		}
		final int n = images.size();
		final StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.3f |", set, model,
			removal.name().toLowerCase(Locale.ROOT), n, start / n));
		for (int m = 0; m < area.length; m++) row.append(String.format(Locale.ROOT, " %.3f (%.3f) |", area[m] / n, normalised[m] / n));
		return row.append(String.format(Locale.ROOT, " %d of %d |", gBetter, n)).toString();
	}

	private static List<RandomAccessibleInterval<FloatType>> images(final Path folders, final int perClass, final int channels) throws Exception {
		final List<RandomAccessibleInterval<FloatType>> images = new ArrayList<>();
		try (Stream<Path> classes = Files.list(folders)) {
			for (final Path folder : classes.filter(Files::isDirectory).sorted().toList()) {
				try (Stream<Path> files = Files.list(folder)) {
					for (final Path file : files.sorted().limit(perClass).toList()) images.add(ImageFiles.read(file, channels));
				}
			}
		}
		return images;
	}
}
