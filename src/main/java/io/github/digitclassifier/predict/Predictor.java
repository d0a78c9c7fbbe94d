package io.github.digitclassifier.predict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.github.digitclassifier.data.ClassFolders;
import io.github.digitclassifier.data.ImageFiles;
import io.github.digitclassifier.data.SkippedFile;
import io.github.digitclassifier.model.ModelBundle;
import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.preprocess.Preprocessor;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Classifies images with a model bundle, prepared as the bundle records, many at a time: images
 * are prepared in parallel and sent through the network in batches.
 */
public final class Predictor {

	/** Images per forward pass. */
	static final int BATCH = 512;

	private final ModelBundle bundle;
	private final Preprocessor preprocessor;

	public Predictor(final ModelBundle bundle) {
		this.bundle = bundle;
		this.preprocessor = new Preprocessor(bundle.metadata().preprocessing());
	}

	public Prediction predict(final RandomAccessibleInterval<? extends RealType<?>> image) {
		return predict(List.of(image)).get(0);
	}

	/** One prediction per image, in order. */
	public List<Prediction> predict(final List<? extends RandomAccessibleInterval<? extends RealType<?>>> images) {
		final Preprocessing p = preprocessor.settings();
		final int size = p.pixelCount();
		final List<Prediction> predictions = new ArrayList<>(images.size());
		for (int from = 0; from < images.size(); from += BATCH) {
			final int start = from;
			final int n = Math.min(BATCH, images.size() - from);
			final float[] inputs = new float[n * size];
			IntStream.range(0, n).parallel().forEach(i -> preprocessor.prepareInto(images.get(start + i), inputs, i * size));
			predictions.addAll(classify(inputs, n));
		}
		return predictions;
	}

	/** Classifies every image in a folder and its sub-folders; undecodable files are skipped. */
	public FolderPredictions predictFolder(final Path folder) throws IOException {
		if (!Files.isDirectory(folder)) throw new IllegalArgumentException("Folder not found: " + folder);
		final List<Path> files = ClassFolders.filesBelow(folder);
		final List<SkippedFile> skipped = new ArrayList<>();
		final List<Path> images = new ArrayList<>();
		for (final Path file : files) {
			if (ImageFiles.hasImageExtension(file)) images.add(file);
			else skipped.add(new SkippedFile(file, "not an image file"));
		}
		final List<FilePrediction> predictions = new ArrayList<>(images.size());
		final int size = preprocessor.settings().pixelCount();
		for (int from = 0; from < images.size(); from += BATCH) {
			final int n = Math.min(BATCH, images.size() - from);
			final float[] inputs = new float[n * size];
			final String[] failures = new String[n];
			final int start = from;
			IntStream.range(0, n).parallel().forEach(i -> {
				try {
					preprocessor.prepareInto(ImageFiles.read(images.get(start + i)), inputs, i * size);
				}
				catch (final IOException | RuntimeException e) {
					failures[i] = e.getMessage();
				}
			});
			final List<Prediction> batch = classify(inputs, n);
			for (int i = 0; i < n; i++) {
				final Path file = images.get(start + i);
				if (failures[i] != null) skipped.add(new SkippedFile(file, failures[i]));
				else predictions.add(new FilePrediction(folder.relativize(file).toString().replace('\\', '/'), batch.get(i)));
			}
		}
		return new FolderPredictions(predictions, skipped);
	}

	/** Runs prepared inputs through the network; DL4J networks are not thread-safe, hence the lock. */
	private List<Prediction> classify(final float[] inputs, final int n) {
		final Preprocessing p = preprocessor.settings();
		final float[][] probabilities;
		synchronized (bundle.network()) {
			final INDArray output = bundle.network().output(Nd4j.create(inputs, new long[] { n, 1, p.height(), p.width() }), false);
			probabilities = output.toFloatMatrix();
		}
		final List<String> classNames = bundle.metadata().classNames();
		final List<Prediction> predictions = new ArrayList<>(n);
		for (final float[] row : probabilities) {
			int best = 0;
			final double[] all = new double[row.length];
			for (int c = 0; c < row.length; c++) {
				all[c] = row[c];
				if (row[c] > row[best]) best = c;
			}
			predictions.add(new Prediction(best, classNames.get(best), all[best], all));
		}
		return predictions;
	}
}
