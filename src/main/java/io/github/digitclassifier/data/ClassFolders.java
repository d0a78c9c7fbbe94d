package io.github.digitclassifier.data;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * Scans a folder holding one sub-folder per class. Class names are the sub-folder names, sorted;
 * images may sit in nested folders below a class folder. Only paths are listed: no pixel is read.
 */
public final class ClassFolders {

	private ClassFolders() {}

	public static Dataset scan(final Path folder) throws IOException {
		if (folder == null || folder.toString().isBlank()) {
			throw new IllegalArgumentException("No folder given");
		}
		if (!Files.exists(folder)) throw new IllegalArgumentException("Folder not found: " + folder);
		if (!Files.isDirectory(folder)) {
			throw new IllegalArgumentException("Not a folder: " + folder + ": give the folder that holds one sub-folder per class");
		}
		final List<Path> classFolders;
		try (Stream<Path> children = Files.list(folder)) {
			classFolders = children.filter(Files::isDirectory).filter(p -> !isHidden(p.getFileName())).sorted().toList();
		}
		if (classFolders.isEmpty()) {
			throw new IllegalArgumentException("No class folders in " + folder +
				": expected one sub-folder per class (e.g. 0, 1, ... 9) holding its images");
		}
		final List<String> classNames = new ArrayList<>();
		final List<LabeledImage> images = new ArrayList<>();
		final List<SkippedFile> skipped = new ArrayList<>();
		for (final Path classFolder : classFolders) {
			final int classIndex = classNames.size();
			classNames.add(classFolder.getFileName().toString());
			for (final Path file : filesBelow(classFolder)) {
				if (ImageFiles.hasImageExtension(file)) images.add(new LabeledImage(file, classIndex));
				else skipped.add(new SkippedFile(file, "not an image file"));
			}
		}
		return new Dataset(folder, classNames, images, skipped).requireEveryClassPresent();
	}

	/**
	 * Every non-hidden regular file below a folder, sorted, so that scans are reproducible.
	 * Symbolic links to folders and files are followed (data sets are often linked in); a link
	 * back to a folder above it is refused, naming it.
	 */
	public static List<Path> filesBelow(final Path folder) throws IOException {
		final List<Path> files = new ArrayList<>();
		// One look at each file's attributes, as the walk reads them; hidden folders are not entered.
		Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult preVisitDirectory(final Path dir, final BasicFileAttributes attributes) {
				return !dir.equals(folder) && isHidden(dir.getFileName()) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(final Path file, final BasicFileAttributes attributes) {
				if (attributes.isRegularFile() && !isHidden(file.getFileName())) files.add(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(final Path file, final IOException e) throws IOException {
				if (e instanceof FileSystemLoopException loop) {
					throw new IOException("Folder " + folder + " links back into itself at " + loop.getFile() + ": remove that symbolic link", e);
				}
				throw e;
			}
		});
		files.sort(null);
		return files;
	}

	private static boolean isHidden(final Path name) {
		return name.toString().startsWith(".");
	}
}
