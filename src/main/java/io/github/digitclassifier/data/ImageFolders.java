package io.github.digitclassifier.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The image files in a folder and its sub-folders, for commands that go over a whole folder. */
public final class ImageFolders {

	/** The files with an image extension, and the others, skipped. */
	public record Listing(List<Path> images, List<SkippedFile> skipped) {}

	private ImageFolders() {}

	/** Lists a folder; a folder with no image file is an error naming it. */
	public static Listing list(final Path folder) throws IOException {
		if (!Files.isDirectory(folder)) throw new IllegalArgumentException("Folder not found: " + folder);
		final List<SkippedFile> skipped = new ArrayList<>();
		final List<Path> images = new ArrayList<>();
		for (final Path file : ClassFolders.filesBelow(folder)) {
			if (ImageFiles.hasImageExtension(file)) images.add(file);
			else skipped.add(new SkippedFile(file, "not an image file"));
		}
		if (images.isEmpty()) {
			throw new IllegalArgumentException("Folder " + folder + " holds no image (PNG, TIFF, JPEG, BMP or GIF)" +
				(skipped.isEmpty() ? "" : ", only " + skipped.size() + (skipped.size() == 1 ? " other file" : " other files")));
		}
		return new Listing(images, skipped);
	}

	/** A file's path relative to the folder, '/'-separated on every system. */
	public static String relative(final Path folder, final Path file) {
		return folder.relativize(file).toString().replace('\\', '/');
	}

	/** Fails, naming the folder and the last failure, when none of its {@code images} could be read. */
	public static void requireSome(final Path folder, final int images, final int read, final List<SkippedFile> skipped) {
		if (read > 0) return;
		throw new IllegalArgumentException((images == 1 ? "The one image in folder " + folder + " could not be read (" :
			"None of the " + images + " images in folder " + folder + " could be read (the last, ") +
			skipped.get(skipped.size() - 1).description() + "): give a folder of readable images (" + ImageFiles.FORMATS + ")");
	}
}
