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
import io.github.digitclassifier.model.Layouts;
import io.github.digitclassifier.model.ModelBundle;
import io.github.digitclassifier.model.ModelBundles;
import io.github.digitclassifier.model.Recipe;
import io.github.digitclassifier.model.TrainingChoice;
import io.github.digitclassifier.model.TrainingData;
import io.github.digitclassifier.preprocess.Augmenter;
import io.github.digitclassifier.preprocess.ImageBatches;
import io.github.digitclassifier.preprocess.PreparedImages;
import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.preprocess.Preprocessor;
import io.github.digitclassifier.runtime.Classifier;
import io.github.digitclassifier.runtime.dl4j.NetworkClassifier;
import io.github.digitclassifier.train.InputChoices;
import io.github.digitclassifier.train.InputRequest;

/**
 * Trains a network on class folders: validation after every epoch, early stopping on the
 * validation loss, and the weights of the best epoch kept.
 */
public final class Trainer {

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
		final Images images = prepare(train, validation, preprocessing, progress);
		final Recipe recipe = RecipeChoices.decide(asked, preprocessing, images.train(), train.classCount(), images.balance(), choices);
		final MultiLayerNetwork network = network(recipe, preprocessing, images.train());
		choices.add(RecipeChoices.passesPerEpoch(recipe, images.train().size()));
		choices.forEach(c -> progress.status(c.setting() + ": " + c.value() + " (" + c.why() + ")"));
		final List<EpochRecord> history = new ArrayList<>();
		final EarlyStopping.Best best = epochs(network, images, preprocessing, recipe, history, progress);
		// The weights of the best epoch, whose validation is already known (batch normalisation statistics included).
		network.setParams(best.parameters());
		warnNearChance(best.validation(), recipe, train.classCount(), progress);
		final BundleMetadata metadata = metadata(images, preprocessing, recipe, choices, history, best);
		return new TrainingResult(new ModelBundle(network, metadata), List.copyOf(history), best.validation(), images.balance(),
			images.skipped(), best.epoch().epoch(), List.copyOf(choices));
	}

	/** The training and validation images, prepared once for every epoch, with what was skipped and the class sizes. */
	private record Images(PreparedImages train, PreparedImages validation, List<SkippedFile> skipped, ClassBalance balance) {}

	/** Prepares both sets and warns of skipped files and uneven classes. */
	private static Images prepare(final Dataset train, final Dataset validation, final Preprocessing preprocessing,
		final TrainingProgress progress)
	{
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
		return new Images(trainImages, validationImages, List.copyOf(skipped), balance);
	}

	/** A new network for the recipe, its first weights drawn from the recipe's seed. */
	private static MultiLayerNetwork network(final Recipe recipe, final Preprocessing preprocessing, final PreparedImages train) {
		final double[] classWeights = recipe.balance() == Balance.WEIGHTS ? Balance.weights(train.dataset().countsPerClass()) : null;
		Nd4j.getRandom().setSeed(recipe.seed());
		final MultiLayerNetwork network = new MultiLayerNetwork(recipe.network().configuration(preprocessing,
			train.dataset().classCount(), recipe, classWeights));
		network.init();
		Backends.useFastLayers(network);
		return network;
	}

	/** The epoch loop: fit, recalibrate, measure, until the last epoch or early stopping; each epoch's record goes to {@code history}. */
	private static EarlyStopping.Best epochs(final MultiLayerNetwork network, final Images images, final Preprocessing preprocessing,
		final Recipe recipe, final List<EpochRecord> history, final TrainingProgress progress)
	{
		final List<String> classNames = images.train().dataset().classNames();
		final int classes = classNames.size();
		final Augmenter augmenter = recipe.augmentation() == null ? null :
			new Augmenter(recipe.augmentation(), preprocessing, classNames);
		final EarlyStopping stopping = new EarlyStopping(recipe.patience());
		for (int epoch = 1; epoch <= recipe.epochs(); epoch++) {
			final long start = System.nanoTime();
			final double trainLoss = fitEpoch(network, images.train(), augmenter, recipe, classes, epoch, progress);
			BatchNorms.recalibrate(network, images.train(), classes);
			// Converted channels-last once for both measurements.
			final Classifier measured = new NetworkClassifier(network, classNames, preprocessing);
			final double trainAccuracy;
			try (ImageBatches sample = ImageBatches.sample(images.train(), TRAIN_ACCURACY_SAMPLE, Evaluator.BATCH, classes)) {
				trainAccuracy = Evaluator.evaluate(measured, sample, List.of()).accuracy();
			}
			final EvaluationResult validated = Evaluator.evaluate(measured, images.validation());
			final EpochRecord record = new EpochRecord(epoch, trainLoss, trainAccuracy, validated.loss(),
				validated.accuracy(), (System.nanoTime() - start) / 1e9);
			history.add(record);
			progress.epochDone(record);
			if (stopping.stopAfter(record, validated, network)) {
				progress.status("Stopping early: no better validation loss since epoch " + stopping.best().epoch().epoch());
				break;
			}
		}
		return stopping.best();
	}

	private static void warnNearChance(final EvaluationResult validation, final Recipe recipe, final int classes,
		final TrainingProgress progress)
	{
		if (validation.accuracy() < 1.5 / classes) {
			progress.warning(String.format(Locale.ROOT, "The model is hardly better than chance (validation accuracy %.3f " +
				"with %d classes): a smaller learning_rate than %s, more epochs or more images may help", validation.accuracy(),
				classes, recipe.learningRate()));
		}
	}

	/** What the bundle records of the run: the best epoch's figures, the data, the choices and the history. */
	private static BundleMetadata metadata(final Images images, final Preprocessing preprocessing, final Recipe recipe,
		final List<TrainingChoice> choices, final List<EpochRecord> history, final EarlyStopping.Best best)
	{
		final Map<String, Double> metrics = new LinkedHashMap<>();
		metrics.put("validation_accuracy", best.validation().accuracy());
		metrics.put("validation_loss", best.validation().loss());
		metrics.put("best_epoch", (double) best.epoch().epoch());
		final Dataset train = images.train().dataset(), validation = images.validation().dataset();
		final TrainingData data = new TrainingData(train.root().toAbsolutePath().toString(),
			validation.root().toAbsolutePath().toString(), counts(train), counts(validation));
		return new BundleMetadata(BundleMetadata.FORMAT, BundleMetadata.FORMAT_VERSION, train.classNames(),
			preprocessing, recipe, choices, data, history, metrics, images.train().size(), Instant.now().toString(),
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
