package io.github.digitclassifier.train;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import io.github.digitclassifier.backend.Backends;
import io.github.digitclassifier.data.ClassBalance;
import io.github.digitclassifier.data.ClassFolders;
import io.github.digitclassifier.data.Dataset;
import io.github.digitclassifier.data.SkippedFile;
import io.github.digitclassifier.data.Splits;
import io.github.digitclassifier.evaluate.EvaluationResult;
import io.github.digitclassifier.evaluate.Evaluator;
import io.github.digitclassifier.model.Balance;
import io.github.digitclassifier.model.BundleMetadata;
import io.github.digitclassifier.model.EpochRecord;
import io.github.digitclassifier.model.Classifier;
import io.github.digitclassifier.model.Layouts;
import io.github.digitclassifier.model.ModelBundle;
import io.github.digitclassifier.model.ModelBundles;
import io.github.digitclassifier.model.NetworkClassifier;
import io.github.digitclassifier.model.Recipe;
import io.github.digitclassifier.model.TrainingChoice;
import io.github.digitclassifier.model.TrainingData;
import io.github.digitclassifier.preprocess.Augmentation;
import io.github.digitclassifier.preprocess.Augmenter;
import io.github.digitclassifier.preprocess.HandwritingStyle;
import io.github.digitclassifier.preprocess.ImageBatches;
import io.github.digitclassifier.preprocess.InputChoices;
import io.github.digitclassifier.preprocess.InputRequest;
import io.github.digitclassifier.preprocess.PreparedImages;
import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.preprocess.Preprocessor;
import io.github.digitclassifier.preprocess.Symmetry;

/**
 * Trains a network on class folders: validation after every epoch, early stopping on the
 * validation loss, and the weights of the best epoch kept.
 */
public final class Trainer {

	/**
	 * Pictures are augmented when each is seen at least this often in a run: on the CIFAR-10 subset
	 * and on Fashion-MNIST, augmentation lowered the accuracy of short runs and raised a long one's.
	 */
	static final int MIN_VIEWS_FOR_PICTURE_AUGMENTATION = 8;

	/** Training accuracy is measured on this many training images after each epoch. */
	static final int TRAIN_ACCURACY_SAMPLE = 2000;

	private Trainer() {}

	/**
	 * Trains on a folder of class folders, validating on {@code testFolder}, or when that is null
	 * on a stratified hold-out of {@link Recipe#validationFraction()} of the training images.
	 */
	public static TrainingResult train(final Path trainFolder, final Path testFolder, final InputRequest input,
		final Recipe recipe, final TrainingProgress progress) throws IOException
	{
		final Dataset all = ClassFolders.scan(trainFolder);
		if (testFolder == null) {
			final Splits.Split split = Splits.stratified(all, recipe.validationFraction(), recipe.seed());
			return train(split.train(), split.validation(), input, recipe, progress);
		}
		final Dataset test = ClassFolders.scan(testFolder);
		if (!test.classNames().equals(all.classNames())) {
			throw new IllegalArgumentException("Class folders differ: " + trainFolder + " has " + all.classNames() + ", " +
				testFolder + " has " + test.classNames());
		}
		return train(all, test, input, recipe, progress);
	}

	/**
	 * Trains on one data set, validating on the other; what {@code input} leaves to auto is decided
	 * from the training images, said through {@code progress} and recorded in the bundle.
	 */
	public static TrainingResult train(final Dataset train, final Dataset validation, final InputRequest input,
		final Recipe asked, final TrainingProgress progress)
	{
		if (train.classCount() < 2) {
			throw new IllegalArgumentException("Folder " + train.root() + " has only one class folder " + train.classNames() +
				": a classifier needs at least two");
		}
		Backends.prepare();
		final InputChoices.Chosen chosen = InputChoices.choose(train, input);
		final List<TrainingChoice> choices = new ArrayList<>(chosen.choices());
		final Preprocessing preprocessing = InputChoices.standardised(train, chosen.preprocessing());
		final Preprocessor preprocessor = new Preprocessor(preprocessing);
		progress.status("Preparing " + train.images().size() + " training and " + validation.images().size() + " validation images");
		final PreparedImages trainImages = PreparedImages.prepare(train, preprocessor);
		trainImages.dataset().requireEveryClassPresent();
		final PreparedImages validationImages = PreparedImages.prepare(validation, preprocessor);
		if (validationImages.size() == 0) {
			throw new IllegalArgumentException("No validation images: give a test folder, or more images per class");
		}
		final List<SkippedFile> skipped = new ArrayList<>(trainImages.dataset().skipped());
		skipped.addAll(validationImages.dataset().skipped());
		final ClassBalance balance = ClassBalance.of(trainImages.dataset());
		SkippedFile.warnings(skipped).forEach(progress::warning);
		balance.warning().ifPresent(progress::warning);
		final Recipe augmented = augmented(asked, preprocessing, trainImages, train.classCount(), choices);
		final int[] counts = trainImages.dataset().countsPerClass();
		final Recipe recipe = augmented.withBalance(balance(augmented.balance(), balance, choices));
		final double[] classWeights = recipe.balance() == Balance.WEIGHTS ? Balance.weights(counts) : null;

		final List<String> classNames = train.classNames();
		final int classes = classNames.size();
		Nd4j.getRandom().setSeed(recipe.seed());
		final MultiLayerNetwork network = new MultiLayerNetwork(recipe.network().configuration(preprocessing, classes, recipe,
			classWeights));
		network.init();
		Backends.useFastLayers(network);
		final Augmenter augmenter = recipe.augmentation() == null ? null :
			new Augmenter(recipe.augmentation(), preprocessing, classNames);

		final int passes = recipe.passesPerEpoch(trainImages.size());
		choices.add(new TrainingChoice("passes_per_epoch", Integer.toString(passes), passes == 1 ? "one pass makes " +
			(trainImages.size() + recipe.batchSize() - 1) / recipe.batchSize() + " updates" : String.format(Locale.ROOT,
				"%d training images make few updates: each epoch goes over them %d times (%d updates at least)",
				trainImages.size(), passes, recipe.minUpdatesPerEpoch())));
		choices.forEach(c -> progress.status(c.setting() + ": " + c.value() + " (" + c.why() + ")"));
		final List<EpochRecord> history = new ArrayList<>();
		INDArray bestParameters = null;
		EpochRecord best = null;
		EvaluationResult bestValidation = null;
		for (int epoch = 1; epoch <= recipe.epochs(); epoch++) {
			final long start = System.nanoTime();
			final double trainLoss = fitEpoch(network, trainImages, augmenter, recipe, classes, epoch, progress);
			BatchNorms.recalibrate(network, trainImages, classes);
			// Converted channels-last once for both measurements.
			final Classifier measured = new NetworkClassifier(network, classNames, preprocessing);
			final double trainAccuracy;
			try (ImageBatches sample = ImageBatches.sample(trainImages, TRAIN_ACCURACY_SAMPLE, Evaluator.BATCH, classes)) {
				trainAccuracy = Evaluator.evaluate(measured, sample, List.of()).accuracy();
			}
			final EvaluationResult validated = Evaluator.evaluate(measured, validationImages);
			final EpochRecord record = new EpochRecord(epoch, trainLoss, trainAccuracy, validated.loss(),
				validated.accuracy(), (System.nanoTime() - start) / 1e9);
			history.add(record);
			progress.epochDone(record);
			if (best == null || record.validationLoss() < best.validationLoss()) {
				best = record;
				bestValidation = validated;
				bestParameters = network.params().dup();
			}
			else if (recipe.patience() > 0 && epoch - best.epoch() >= recipe.patience()) {
				progress.status("Stopping early: no better validation loss since epoch " + best.epoch());
				break;
			}
		}
		// The weights of the best epoch, whose validation is already known (batch normalisation statistics included).
		network.setParams(bestParameters);
		if (bestValidation.accuracy() < 1.5 / classes) {
			progress.warning(String.format(Locale.ROOT, "The model is hardly better than chance (validation accuracy %.3f " +
				"with %d classes): a smaller learning_rate than %s, more epochs or more images may help", bestValidation.accuracy(),
				classes, recipe.learningRate()));
		}
		final BundleMetadata metadata = metadata(trainImages, validationImages, preprocessing, recipe, choices, history, best,
			bestValidation);
		return new TrainingResult(new ModelBundle(network, metadata), List.copyOf(history), bestValidation, balance,
			List.copyOf(skipped), best.epoch(), List.copyOf(choices));
	}

	/** What {@code asked} comes to for these class sizes, said in {@code choices}. */
	private static Balance balance(final Balance asked, final ClassBalance sizes, final List<TrainingChoice> choices) {
		final ClassBalance.Row smallest = sizes.smallest(), largest = sizes.largest();
		final double ratio = (double) largest.count() / Math.max(1, smallest.count());
		final String said = largest.count() == smallest.count() ? "every class has " + largest.count() + " training images" :
			String.format(Locale.ROOT, "'%s' has %d training images, '%s' %d (%.2f times as many)",
				largest.className(), largest.count(), smallest.className(), smallest.count(), ratio);
		if (asked != Balance.AUTO) {
			choices.add(new TrainingChoice("balance", asked.id(), "asked for; " + said));
			return asked;
		}
		final Balance used = ratio > Balance.AUTO_RATIO ? Balance.WEIGHTS : Balance.NONE;
		choices.add(new TrainingChoice("balance", used.id(), String.format(Locale.ROOT, "auto: %s; %s", said,
			used == Balance.WEIGHTS ? "each class's images weigh the loss in inverse proportion to their number" :
				"within " + Balance.AUTO_RATIO + " times: every image counts the same")));
		return used;
	}

	/** The recipe with the augmentation that fits the input, said in {@code choices}. */
	private static Recipe augmented(final Recipe asked, final Preprocessing input, final PreparedImages images, final int classes,
		final List<TrainingChoice> choices)
	{
		final Augmentation a = asked.augmentation();
		if (a == null) {
			choices.add(new TrainingChoice("augment", "none", "asked for"));
			return asked;
		}
		if (!a.equals(Augmentation.digits())) {
			choices.add(new TrainingChoice("augment", "custom", a.toString()));
			return asked;
		}
		if (input.fit() == Preprocessing.Fit.CENTER_OF_MASS) {
			final HandwritingStyle style = Augmentation.digits().handwriting();
			choices.add(new TrainingChoice("augment", "digits", String.format(Locale.ROOT, "small rotations, zooms and shifts, " +
				"no flips; %.0f%% of the images restyled as other writers, pens and scanners give digits (stroke width, slant, " +
				"aspect, elastic warp, binarised, low resolution, blur, noise, ruled lines, cut at the border; 1s with a flag and " +
				"a foot); %.0f%% replaced " +
				"by what is not one digit (two touching, part of one) with every class as likely", 100 * style.share(),
				100 * style.nonDigits())));
			return asked;
		}
		final int views = asked.epochs() * asked.passesPerEpoch(images.size());
		if (views < MIN_VIEWS_FOR_PICTURE_AUGMENTATION) {
			choices.add(new TrainingChoice("augment", "none", String.format(Locale.ROOT, "auto, for pictures: each training " +
				"image is seen %d times in this run; changing pictures pays off from about %d (more epochs)", views,
				MIN_VIEWS_FOR_PICTURE_AUGMENTATION)));
			return asked.withAugmentation(null);
		}
		final Symmetry symmetry = Symmetry.of(images, classes);
		final Augmentation fitting = Augmentation.fitting(a, input, symmetry);
		choices.add(new TrainingChoice("augment", "pictures", String.format(Locale.ROOT,
			"auto, for pictures: zooms and shifts (random crops), brightness, contrast and colour jitter%s%s; the classes' " +
			"mean images correlate %.2f with themselves mirrored, %.2f upside down, %.2f turned (%.1f mirrors, %.1f both " +
			"others allow turns)", fitting.flip() ? ", mirrored left-right" : "",
			fitting.rotate90() ? ", mirrored top-bottom and turned by right angles (no \"up\")" : "",
			symmetry.mirrored(), symmetry.upsideDown(), symmetry.turned(), Symmetry.MIRROR_ALIKE, Symmetry.ALIKE)));
		return asked.withAugmentation(fitting);
	}

	private static BundleMetadata metadata(final PreparedImages train, final PreparedImages validation,
		final Preprocessing preprocessing, final Recipe recipe, final List<TrainingChoice> choices,
		final List<EpochRecord> history, final EpochRecord best, final EvaluationResult bestValidation)
	{
		final Map<String, Double> metrics = new LinkedHashMap<>();
		metrics.put("validation_accuracy", bestValidation.accuracy());
		metrics.put("validation_loss", bestValidation.loss());
		metrics.put("best_epoch", (double) best.epoch());
		final TrainingData data = new TrainingData(train.dataset().root().toAbsolutePath().toString(),
			validation.dataset().root().toAbsolutePath().toString(), counts(train.dataset()), counts(validation.dataset()));
		return new BundleMetadata(BundleMetadata.FORMAT, BundleMetadata.FORMAT_VERSION, train.dataset().classNames(),
			preprocessing, recipe, choices, data, history, metrics, train.size(), Instant.now().toString(),
			ModelBundles.libraryVersion(), ModelBundles.dl4jVersion());
	}

	private static List<Integer> counts(final Dataset dataset) {
		return Arrays.stream(dataset.countsPerClass()).boxed().toList();
	}

	/** One pass over the training images; returns the mean loss of its updates. The benchmark times this. */
	public static double fitEpoch(final MultiLayerNetwork network, final PreparedImages images, final Augmenter augmenter,
		final Recipe recipe, final int classes, final int epoch, final TrainingProgress progress)
	{
		double lossSum = 0;
		long count = 0;
		try (Backends.SingleThreadedBlas blas = Backends.singleThreadedBlas();
			ImageBatches batches = ImageBatches.epoch(images, recipe.batchSize(), classes, augmenter, recipe.seed(), epoch,
				recipe.passesPerEpoch(images.size()), recipe.balance() == Balance.SAMPLING))
		{
			final int total = batches.batchCount();
			for (int b = 1; batches.hasNext(); b++) {
				if (progress.isCancelled()) throw new CancellationException("Training cancelled");
				final DataSet batch = batches.next();
				batch.setFeatures(Layouts.forNetwork(batch.getFeatures(), network));
				network.fit(batch);
				final double loss = network.score();
				if (!Double.isFinite(loss)) {
					throw new IllegalArgumentException("Training diverged: the loss became " + loss + " in epoch " + epoch +
						", batch " + b + "; try a smaller learning_rate than " + recipe.learningRate());
				}
				lossSum += loss * batch.numExamples();
				count += batch.numExamples();
				progress.batchDone(epoch, b, total, loss);
			}
		}
		network.incrementEpochCount();
		return lossSum / count;
	}
}
