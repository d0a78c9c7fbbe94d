package io.github.digitclassifier.predict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import io.github.digitclassifier.data.FileReadAhead;
import io.github.digitclassifier.data.ImageFiles;
import io.github.digitclassifier.data.ImageFolders;
import io.github.digitclassifier.data.SkippedFile;
import io.github.digitclassifier.preprocess.Preprocessor;
import io.github.digitclassifier.runtime.Classifier;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Classifies images with a model, prepared as the model records, many at a time: images are
 * prepared in parallel and sent through the network in batches.
 */
public final class Predictor {

	/**
	 * Images per forward pass: larger passes run the CNN faster until the activations outgrow the
	 * caches (docs/history.md, the batch of 1,024). A multiple of {@link FileReadAhead#BATCH}, as a
	 * folder's files are read ahead.
	 */
	public static final int BATCH = 1024;

	private final Classifier model;
	private final Preprocessor preprocessor;

	public Predictor(final Classifier model) {
		this.model = model;
		this.preprocessor = new Preprocessor(model.preprocessing());
	}

	public Prediction predict(final RandomAccessibleInterval<? extends RealType<?>> image) {
		return predict(List.of(image)).get(0);
	}

	/** One prediction per image, in order. */
	public List<Prediction> predict(final List<? extends RandomAccessibleInterval<? extends RealType<?>>> images) {
		final int size = preprocessor.settings().pixelCount();
		return classifyAll(images.size(), (from, to, out) -> IntStream.range(from, to).parallel()
			.forEach(i -> preprocessor.prepareInto(images.get(i), out, (i - from) * size)));
	}

	/** The planes an image is decoded into for this model: 1, grey; 3, red, green and blue. */
	public int channels() {
		return preprocessor.settings().channels();
	}

	/**
	 * Classifies {@code count} images that {@code image} decodes (on several threads, a batch at a
	 * time, so that only a batch is held), as {@link #predictFolder(Path)} does for a folder's
	 * files; for callers that read the files themselves, as a Spark task does. Where an image
	 * fails, its reason goes to {@code failures} and its prediction is null.
	 */
	public List<Prediction> predictAll(final int count, final IntFunction<RandomAccessibleInterval<? extends RealType<?>>> image,
		final String[] failures)
	{
		final int size = preprocessor.settings().pixelCount();
		final List<Prediction> all = classifyAll(count, (from, to, out) -> IntStream.range(from, to).parallel().forEach(i -> {
			try {
				preprocessor.prepareInto(image.apply(i), out, (i - from) * size);
			}
			catch (final UncheckedIOException e) {
				failures[i] = e.getCause().getMessage();
			}
			catch (final RuntimeException e) {
				failures[i] = e.getMessage() != null ? e.getMessage() : e.toString();
			}
		}));
		final List<Prediction> predictions = new ArrayList<>(all);
		for (int i = 0; i < count; i++) if (failures[i] != null) predictions.set(i, null);
		return predictions;
	}

	/** Classifies every image in a folder and its sub-folders; undecodable files are skipped. */
	public FolderPredictions predictFolder(final Path folder) throws IOException {
		final ImageFolders.Listing listing = ImageFolders.list(folder);
		final List<Path> images = listing.images();
		final List<SkippedFile> skipped = new ArrayList<>(listing.skipped());
		final String[] failures = new String[images.size()];
		final int size = preprocessor.settings().pixelCount();
		final List<Prediction> all;
		try (FileReadAhead files = new FileReadAhead(images)) {
			all = classifyAll(images.size(), (from, to, out) -> files.forEach(to, (i, bytes) -> preprocessor.prepareInto(
				ImageFiles.read(images.get(i), bytes, preprocessor.settings().channels()), out, (i - from) * size), failures));
		}
		final List<FilePrediction> predictions = new ArrayList<>(images.size());
		for (int i = 0; i < images.size(); i++) {
			final Path file = images.get(i);
			if (failures[i] != null) skipped.add(new SkippedFile(file, failures[i]));
			else predictions.add(new FilePrediction(ImageFolders.relative(folder, file), all.get(i)));
		}
		ImageFolders.requireSome(folder, images.size(), predictions.size(), skipped);
		return new FolderPredictions(predictions, skipped);
	}

	/** Prepares images {@code from} to {@code to} (exclusive) into {@code out}, from its start, in parallel. */
	private interface Preparation {
		void prepare(int from, int to, float[] out);
	}

	/**
	 * Classifies {@code count} images in batches, preparing the next batch on other threads while
	 * the network classifies the current one.
	 */
	private List<Prediction> classifyAll(final int count, final Preparation preparation) {
		final List<Prediction> predictions = new ArrayList<>(count);
		float[] inputs = prepareBatch(0, count, preparation); // nothing to overlap with yet
		for (int from = 0; from < count; from += BATCH) {
			final int nextFrom = from + BATCH;
			final CompletableFuture<float[]> next = nextFrom < count ?
				CompletableFuture.supplyAsync(() -> prepareBatch(nextFrom, count, preparation)) : null;
			predictions.addAll(classify(inputs, Math.min(BATCH, count - from)));
			if (next != null) inputs = joined(next);
		}
		return predictions;
	}

	private float[] prepareBatch(final int from, final int count, final Preparation preparation) {
		final int to = Math.min(from + BATCH, count);
		final float[] inputs = new float[(to - from) * preprocessor.settings().pixelCount()];
		preparation.prepare(from, to, inputs);
		return inputs;
	}

	private static float[] joined(final CompletableFuture<float[]> batch) {
		try {
			return batch.join();
		}
		catch (final CompletionException e) {
			if (e.getCause() instanceof RuntimeException r) throw r;
			throw e;
		}
	}

	private List<Prediction> classify(final float[] inputs, final int n) {
		final List<String> classNames = model.classNames();
		final int classes = classNames.size();
		final float[] probabilities = model.probabilities(inputs, n);
		final List<Prediction> predictions = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			int best = 0;
			final double[] all = new double[classes];
			for (int c = 0; c < classes; c++) {
				all[c] = probabilities[i * classes + c];
				if (all[c] > all[best]) best = c;
			}
			predictions.add(new Prediction(best, classNames.get(best), all[best], all));
		}
		return predictions;
	}
}
