package io.github.digitclassifier.read.train;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import io.github.digitclassifier.backend.Backends;
import io.github.digitclassifier.data.ImageFiles;
import io.github.digitclassifier.data.SkippedFile;
import io.github.digitclassifier.model.EpochRecord;
import io.github.digitclassifier.read.Calibration;
import io.github.digitclassifier.read.NumberStrips;
import io.github.digitclassifier.read.evaluate.NumberLabels;
import io.github.digitclassifier.read.sequence.Ctc;
import io.github.digitclassifier.read.sequence.Strip;
import io.github.digitclassifier.read.sequence.StripNetworks;
import io.github.digitclassifier.read.sequence.StripReader;
import io.github.digitclassifier.read.sequence.StripTraining;
import io.github.digitclassifier.read.sequence.StripTraining.LabeledStrip;
import io.github.digitclassifier.train.TrainingProgress;

/**
 * Trains a number reader on labelled images of whole fields: each image's writing is found as
 * {@link WholeStripReader} finds it and cut into one strip, and a strip network over the labels'
 * alphabet learns to spell the labels with CTC's loss ({@link StripTraining}), on lightly augmented
 * strips ({@link StripAugmenter}), starting from the bundled reader (fine-tuned: all of it for
 * digits, all but its last layer for another alphabet). Each epoch is validated on the test images,
 * or on a seeded share of the training images, by whole-number accuracy; the best epoch is kept,
 * and its confidences are calibrated on the validation images.
 */
public final class ReaderTraining {

	/**
	 * How to train.
	 *
	 * @param learningRate Adam's step at the start; it shrinks to a sixteenth by the last update
	 * @param validationFraction share of the training images validated on when there is no test folder
	 */
	public record Recipe(int epochs, int batchSize, double learningRate, double validationFraction, long seed) {
		public Recipe {
			if (epochs < 1 || epochs > 10_000) throw new IllegalArgumentException("epochs must be 1 to 10000, not " + epochs);
			if (batchSize < 1 || batchSize > 1024) throw new IllegalArgumentException("batch size must be 1 to 1024, not " + batchSize);
			if (!(learningRate > 0 && learningRate < 1)) throw new IllegalArgumentException("learning rate must be within 0..1, not " + learningRate);
			if (!(validationFraction > 0 && validationFraction < 1)) {
				throw new IllegalArgumentException("validation fraction must be within 0..1 (exclusive), not " + validationFraction);
			}
		}

		public static Recipe defaults() {
			return new Recipe(40, 16, 2e-3, 0.1, 42);
		}
	}

	/** A trained reader, its history and the labelled files left out (no writing found, too narrow for their label). */
	public record Result(ReaderModel model, List<SkippedFile> skipped) {}

	/** Training strips at most read unaugmented after each epoch for its training accuracy. */
	static final int TRAIN_SAMPLE = 256;

	private ReaderTraining() {}

	/**
	 * Trains on the images labelled in {@code labelsFile} (null: labels.csv in {@code trainFolder});
	 * validates on those of {@code testFolder} (labels as for training) or, when it is null, on a
	 * seeded share of the training images.
	 */
	public static Result train(final Path trainFolder, final Path labelsFile, final Path testFolder, final Path testLabelsFile,
		final Recipe recipe, final TrainingProgress progress) throws IOException
	{
		if (testFolder == null && testLabelsFile != null) {
			throw new IllegalArgumentException("test_labels_file is given without test_folder: give the folder its files are in");
		}
		final Path labelsCsv = NumberLabels.fileFor(trainFolder, labelsFile);
		final Map<String, String> labels = NumberLabels.read(labelsCsv);
		requireReadable(labelsCsv, labels);
		final Alphabet alphabet = Alphabet.of(labels.values());
		Map<String, String> testLabels = null;
		Path testCsv = null;
		if (testFolder != null) {
			testCsv = NumberLabels.fileFor(testFolder, testLabelsFile);
			testLabels = NumberLabels.read(testCsv);
			requireReadable(testCsv, testLabels);
			for (final Map.Entry<String, String> e : testLabels.entrySet()) {
				try {
					alphabet.indices(e.getValue());
				}
				catch (final IllegalArgumentException notInAlphabet) {
					throw new IllegalArgumentException("Test labels file " + testCsv + ", " + e.getKey() + ": " + notInAlphabet.getMessage());
				}
			}
		}
		progress.status("Finding the writing in " + labels.size() + " training images");
		final List<SkippedFile> skipped = new ArrayList<>();
		List<LabeledStrip> train = strips(trainFolder, labels, alphabet, skipped);
		List<LabeledStrip> validation;
		if (testLabels != null) {
			progress.status("Finding the writing in " + testLabels.size() + " test images");
			validation = strips(testFolder, testLabels, alphabet, skipped);
		}
		else {
			final List<LabeledStrip> shuffled = new ArrayList<>(train);
			Collections.shuffle(shuffled, new Random(recipe.seed()));
			final int held = (int) Math.max(1, Math.round(recipe.validationFraction() * shuffled.size()));
			validation = List.copyOf(shuffled.subList(0, Math.min(held, shuffled.size())));
			train = List.copyOf(shuffled.subList(validation.size(), shuffled.size()));
		}
		for (final SkippedFile s : skipped) progress.warning("Left out " + s.file() + ": " + s.reason());
		if (train.size() < 2 || validation.isEmpty()) {
			throw new IllegalArgumentException("Only " + (train.size() + validation.size()) + " labelled image(s) in " + trainFolder +
				" hold writing that can spell their label: a reader needs many (a thousand fields of one kind of document reads it well)");
		}
		return new Result(train(train, validation, alphabet, recipe, progress), skipped);
	}

	/** Fails naming the file whose label no image can hold (empty, a space). */
	private static void requireReadable(final Path csv, final Map<String, String> labels) {
		for (final Map.Entry<String, String> e : labels.entrySet()) {
			try {
				Alphabet.requireReadable(e.getValue());
			}
			catch (final IllegalArgumentException bad) {
				throw new IllegalArgumentException("Labels file " + csv + ", " + e.getKey() + ": " + bad.getMessage());
			}
		}
	}

	/** The labelled images' strips, on all cores; those without writing, or too narrow to spell their label, go to {@code skipped}. */
	static List<LabeledStrip> strips(final Path folder, final Map<String, String> labels, final Alphabet alphabet,
		final List<SkippedFile> skipped)
	{
		final List<Path> files = NumberLabels.files(folder, labels);
		final List<String> texts = List.copyOf(labels.values());
		final LabeledStrip[] strips = new LabeledStrip[files.size()];
		final String[] reasons = new String[files.size()];
		IntStream.range(0, files.size()).parallel().forEach(i -> {
			try {
				// The line with the most ink: as a rule, the number.
				final List<NumberStrips.Writing> fields = WholeStripReader.fields(ImageFiles.read(files.get(i), 1), 1);
				final NumberStrips.Writing writing = fields.isEmpty() ? null : fields.get(0);
				final int[] symbols = alphabet.indices(texts.get(i));
				if (writing == null) reasons[i] = "no writing found";
				else if (writing.strip().width() / Strip.FRAME < framesNeeded(symbols)) reasons[i] = "its writing is too narrow to spell " + texts.get(i);
				else strips[i] = new LabeledStrip(writing.strip(), symbols);
			}
			catch (final IOException | RuntimeException e) {
				reasons[i] = e.getMessage() != null ? e.getMessage() : e.toString();
			}
		});
		final List<LabeledStrip> kept = new ArrayList<>();
		for (int i = 0; i < strips.length; i++) {
			if (strips[i] != null) kept.add(strips[i]);
			else skipped.add(new SkippedFile(files.get(i), reasons[i]));
		}
		return kept;
	}

	/** Frames CTC needs to spell these symbols: one each, and a blank between repeats. */
	static int framesNeeded(final int[] symbols) {
		int n = symbols.length;
		for (int i = 1; i < symbols.length; i++) if (symbols[i] == symbols[i - 1]) n++;
		return n;
	}

	/** Trains a new strip network over the alphabet on these strips; the epoch best on the validation strips is kept. */
	static ReaderModel train(final List<LabeledStrip> train, final List<LabeledStrip> validation, final Alphabet alphabet,
		final Recipe recipe, final TrainingProgress progress)
	{
		final int batches = (train.size() + recipe.batchSize() - 1) / recipe.batchSize();
		final int updates = batches * recipe.epochs();
		final ReaderModel bundled = startingPoint();
		final double rate = bundled == null ? recipe.learningRate() : recipe.learningRate() / FINE_TUNING;
		final MultiLayerNetwork network = StripNetworks.create(
			new Adam(new ExponentialSchedule(ScheduleType.ITERATION, rate, Math.pow(1 / 16.0, 1.0 / updates))), recipe.seed(), alphabet.scores());
		if (bundled != null) startFrom(network, bundled.network(), bundled.alphabet().equals(alphabet));
		final List<LabeledStrip> sample = train.subList(0, Math.min(TRAIN_SAMPLE, train.size()));
		final List<EpochRecord> history = new ArrayList<>();
		INDArray best = null;
		EpochRecord bestRecord = null;
		int iteration = 0;
		try (var blas = Backends.singleThreadedBlas()) {
			for (int epoch = 1; epoch <= recipe.epochs(); epoch++) {
				final long start = System.nanoTime();
				final Random random = new Random(recipe.seed() * 1_000_003L + epoch);
				final List<LabeledStrip> order = new ArrayList<>(train);
				Collections.shuffle(order, random);
				double lossSum = 0;
				int lossCount = 0;
				for (int b = 0; b < batches; b++) {
					if (progress.isCancelled()) throw new CancellationException("Training cancelled");
					final List<LabeledStrip> batch = new ArrayList<>();
					for (final LabeledStrip s : order.subList(b * recipe.batchSize(), Math.min(order.size(), (b + 1) * recipe.batchSize()))) {
						batch.add(new LabeledStrip(StripAugmenter.augment(s.strip(), random), s.digits()));
					}
					final double loss = StripTraining.step(network, batch, iteration++);
					if (Double.isFinite(loss)) {
						lossSum += loss;
						lossCount++;
					}
					progress.batchDone(epoch, b + 1, batches, loss);
				}
				final StripReader reader = new StripReader(network);
				final double[] trainScore = score(reader, sample), validationScore = score(reader, validation);
				final EpochRecord record = new EpochRecord(epoch, lossCount == 0 ? Double.NaN : lossSum / lossCount, trainScore[1],
					validationScore[0], validationScore[1], (System.nanoTime() - start) / 1e9);
				history.add(record);
				progress.epochDone(record);
				if (bestRecord == null || record.validationAccuracy() > bestRecord.validationAccuracy() ||
					record.validationAccuracy() == bestRecord.validationAccuracy() && record.validationLoss() < bestRecord.validationLoss())
				{
					best = network.params().dup();
					bestRecord = record;
				}
			}
		}
		network.setParams(best);
		final StripReader reader = new StripReader(network);
		final ReaderInfo info = new ReaderInfo(bundled == null ? "scratch" : ReaderModels.BUNDLED, train.size(), validation.size(), recipe.epochs(), recipe.seed(), bestRecord.epoch(),
			bestRecord.validationAccuracy(), history, Instant.now().toString());
		return new ReaderModel(alphabet, reader, network, info, calibration(reader, validation));
	}

	/** Fine-tuning takes this many times smaller steps than training from scratch. */
	static final double FINE_TUNING = 4;

	/** The bundled reader, which every reader starts from; null where it cannot be had (no ND4J for DL4J's copy). */
	private static ReaderModel startingPoint() {
		try {
			return ReaderModels.bundledForTraining();
		}
		catch (final IOException | RuntimeException | LinkageError unavailable) {
			return null;
		}
	}

	/**
	 * Copies the trained network's weights: all of them for the same alphabet; else all but the
	 * last layer's, which scores the symbols and starts afresh.
	 */
	private static void startFrom(final MultiLayerNetwork network, final MultiLayerNetwork trained, final boolean sameAlphabet) {
		final int layers = network.getnLayers();
		for (int i = 0; i < (sameAlphabet ? layers : layers - 1); i++) {
			if (trained.getLayer(i).numParams() > 0) network.getLayer(i).setParams(trained.getLayer(i).params().dup()); // pooling has none
		}
	}

	/** The calibration of the reader's confidences on the validation strips (their best paths' probabilities). */
	public static Calibration calibration(final StripReader reader, final List<LabeledStrip> validation) {
		final List<StripReader.Frames> frames = reader.read(validation.stream().map(LabeledStrip::strip).toList());
		final double[] confidences = new double[validation.size()];
		final boolean[] right = new boolean[validation.size()];
		for (int i = 0; i < confidences.length; i++) {
			final Ctc.Reading best = frames.get(i).best();
			double c = best.length() == 0 ? 0 : 1;
			for (final double p : best.confidences()) c *= p;
			confidences[i] = c;
			right[i] = Arrays.equals(best.symbols(), validation.get(i).digits());
		}
		return Calibration.fit(confidences, right);
	}

	/** The mean CTC loss of the strips (those the frames can spell) and the share read whole on the best path. */
	static double[] score(final StripReader reader, final List<LabeledStrip> strips) {
		final List<StripReader.Frames> frames = reader.read(strips.stream().map(LabeledStrip::strip).toList());
		double loss = 0;
		int counted = 0, whole = 0;
		for (int i = 0; i < strips.size(); i++) {
			final StripReader.Frames f = frames.get(i);
			final double l = Ctc.loss(f.logits(), f.frames(), f.symbols(), strips.get(i).digits(), new float[f.logits().length]);
			if (Double.isFinite(l)) {
				loss += l;
				counted++;
			}
			if (Arrays.equals(f.best().symbols(), strips.get(i).digits())) whole++;
		}
		return new double[] { counted == 0 ? Double.NaN : loss / counted, (double) whole / strips.size() };
	}
}
