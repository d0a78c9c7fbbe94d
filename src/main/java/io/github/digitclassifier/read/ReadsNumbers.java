package io.github.digitclassifier.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import io.github.digitclassifier.data.ImageFiles;
import io.github.digitclassifier.data.ImageFolders;
import io.github.digitclassifier.data.SkippedFile;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * What reads the number in an image: the digit model's {@link NumberReader}, or a trained number
 * reader of its own alphabet. The commands and the evaluation read through this, whichever it is.
 */
public interface ReadsNumbers {

	/**
	 * Reads {@code count} images; where an image fails, its reason goes to {@code failures} and its
	 * reading is null.
	 */
	List<NumberReading> readAll(int count, IntFunction<RandomAccessibleInterval<? extends RealType<?>>> image, String[] failures);

	/** Reads one image: grey (2D), or red, green and blue planes (x, y, channel). */
	default NumberReading read(final RandomAccessibleInterval<? extends RealType<?>> image) {
		return readAll(List.of(image)).get(0);
	}

	/** One reading per image, in order. */
	default List<NumberReading> readAll(final List<? extends RandomAccessibleInterval<? extends RealType<?>>> images) {
		final String[] failures = new String[images.size()];
		final List<NumberReading> readings = readAll(images.size(), i -> images.get(i), failures);
		for (int i = 0; i < failures.length; i++) {
			if (failures[i] != null) throw new IllegalArgumentException("Image " + (i + 1) + " of " + failures.length + ": " + failures[i]);
		}
		return readings;
	}

	/** Reads every image in a folder and its sub-folders; undecodable files are skipped. */
	default FolderReadings readFolder(final Path folder) throws IOException {
		final ImageFolders.Listing listing = ImageFolders.list(folder);
		final FolderReadings read = readFiles(folder, listing.images());
		final List<SkippedFile> skipped = new ArrayList<>(listing.skipped());
		skipped.addAll(read.skipped());
		ImageFolders.requireSome(folder, listing.images().size(), read.readings().size(), skipped);
		return new FolderReadings(read.readings(), skipped);
	}

	/** Reads these image files, named relative to {@code folder}; undecodable files are skipped. */
	default FolderReadings readFiles(final Path folder, final List<Path> files) {
		final String[] failures = new String[files.size()];
		final List<NumberReading> all = readAll(files.size(), i -> {
			try {
				return ImageFiles.read(files.get(i), 1);
			}
			catch (final IOException e) {
				throw new UncheckedIOException(e);
			}
		}, failures);
		final List<SkippedFile> skipped = new ArrayList<>();
		final List<FileReading> readings = new ArrayList<>();
		for (int i = 0; i < files.size(); i++) {
			if (failures[i] != null) skipped.add(new SkippedFile(files.get(i), failures[i]));
			else readings.add(new FileReading(ImageFolders.relative(folder, files.get(i)), all.get(i)));
		}
		return new FolderReadings(readings, skipped);
	}

	/** The reason an image failed, for {@code failures}. */
	static String reason(final Throwable e) {
		return e.getMessage() != null ? e.getMessage() : e.toString();
	}
}
