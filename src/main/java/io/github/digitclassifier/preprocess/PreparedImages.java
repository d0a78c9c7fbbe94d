package io.github.digitclassifier.preprocess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.digitclassifier.data.Dataset;
import io.github.digitclassifier.data.FileReadAhead;
import io.github.digitclassifier.data.ImageFiles;
import io.github.digitclassifier.data.LabeledImage;
import io.github.digitclassifier.data.SkippedFile;

/**
 * The images of a data set, read ahead ({@link FileReadAhead}), decoded and prepared in parallel
 * once. Kept in memory as model inputs when they fit the memory budget (60,000 MNIST images take
 * 188 MB); otherwise only the list of decodable files is kept and each image is prepared again when
 * asked for.
 */
public final class PreparedImages {

	private final Dataset dataset;
	private final Preprocessor preprocessor;
	private final float[] inputs;
	private final List<SkippedFile> skipped;

	private PreparedImages(final Dataset dataset, final Preprocessor preprocessor, final float[] inputs,
		final List<SkippedFile> skipped)
	{
		this.dataset = dataset;
		this.preprocessor = preprocessor;
		this.inputs = inputs;
		this.skipped = List.copyOf(skipped);
	}

	/** Prepares with a quarter of the maximum heap as the budget for keeping inputs. */
	public static PreparedImages prepare(final Dataset dataset, final Preprocessor preprocessor) {
		return prepare(dataset, preprocessor, Runtime.getRuntime().maxMemory() / 4);
	}

	/**
	 * Decodes every image once; those that cannot be decoded are left out and listed in
	 * {@link #skipped()}. A class left without images is not checked here.
	 */
	public static PreparedImages prepare(final Dataset dataset, final Preprocessor preprocessor, final long budgetBytes) {
		final List<LabeledImage> images = dataset.images();
		final int n = images.size();
		final int size = preprocessor.settings().pixelCount();
		final boolean keep = 4L * n * size <= Math.min(budgetBytes, 4L * Integer.MAX_VALUE - 64);
		final float[] all = keep ? new float[n * size] : null;
		final String[] failures = new String[n];
		try (FileReadAhead files = new FileReadAhead(images.stream().map(LabeledImage::file).toList())) {
			files.forEach(n, (i, bytes) -> {
				final var image = ImageFiles.read(images.get(i).file(), bytes, preprocessor.settings().channels());
				if (keep) preprocessor.prepareInto(image, all, i * size);
			}, failures);
		}
		final List<LabeledImage> usable = new ArrayList<>(n);
		final List<SkippedFile> skipped = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			if (failures[i] == null) {
				if (keep && usable.size() < i) System.arraycopy(all, i * size, all, usable.size() * size, size);
				usable.add(images.get(i));
			}
			else {
				skipped.add(new SkippedFile(images.get(i).file(), failures[i]));
			}
		}
		final float[] inputs = keep && usable.size() < n ? Arrays.copyOf(all, usable.size() * size) : all;
		return new PreparedImages(dataset.with(usable, skipped), preprocessor, inputs, skipped);
	}

	/** The data set of the usable images; its skipped list includes the undecodable ones. */
	public Dataset dataset() {
		return dataset;
	}

	/** The files that could not be decoded in this preparation. */
	public List<SkippedFile> skipped() {
		return skipped;
	}

	public int size() {
		return dataset.images().size();
	}

	public int classIndex(final int i) {
		return dataset.images().get(i).classIndex();
	}

	public Preprocessing preprocessing() {
		return preprocessor.settings();
	}

	public boolean inMemory() {
		return inputs != null;
	}

	/** Copies the model input of image {@code i} into {@code target} at {@code offset}. */
	public void copyTo(final int i, final float[] target, final int offset) {
		final int size = preprocessor.settings().pixelCount();
		if (inputs != null) {
			System.arraycopy(inputs, i * size, target, offset, size);
			return;
		}
		try {
			preprocessor.prepareInto(ImageFiles.read(dataset.images().get(i).file(), preprocessor.settings().channels()), target, offset);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
