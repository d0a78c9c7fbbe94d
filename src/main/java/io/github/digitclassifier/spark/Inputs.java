package io.github.digitclassifier.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

import io.github.digitclassifier.data.ImageFiles;
import io.github.digitclassifier.data.ImageFolders;
import io.github.digitclassifier.data.SkippedFile;

/**
 * The images a job goes over, listed on the driver: a folder's (local ones as Classify Folder lists
 * them, so in the same order and with the same names), a list file's, or the paths given.
 */
final class Inputs {

	/** An image: its name in the output ({@code file} column) and where it is read from. */
	record Image(String name, String location) implements Serializable {}

	/** The images, and the files left out before reading (not image files), each with why. */
	record Listing(List<Image> images, List<String[]> skipped) {}

	private Inputs() {}

	static Listing list(final String input, final Storage storage) throws IOException {
		if (input.contains(",")) {
			final List<Image> images = new ArrayList<>();
			for (final String path : input.split(",")) if (!path.isBlank()) images.add(new Image(path.strip(), path.strip()));
			return new Listing(images, List.of());
		}
		if (Storage.isLocal(input)) {
			final java.nio.file.Path path = java.nio.file.Path.of(input.startsWith("file:") ? java.net.URI.create(input).getPath() : input);
			if (Files.isDirectory(path)) {
				final ImageFolders.Listing listing = ImageFolders.list(path);
				final List<Image> images = new ArrayList<>();
				for (final java.nio.file.Path file : listing.images()) images.add(new Image(ImageFolders.relative(path, file), file.toString()));
				final List<String[]> skipped = new ArrayList<>();
				for (final SkippedFile file : listing.skipped()) skipped.add(new String[] {ImageFolders.relative(path, file.file()), file.description()});
				return new Listing(images, skipped);
			}
			if (!Files.isRegularFile(path)) throw new IllegalArgumentException("input not found: " + input);
			if (ImageFiles.hasImageExtension(path)) return new Listing(List.of(new Image(path.getFileName().toString(), path.toString())), List.of());
			return listFile(Files.readString(path, StandardCharsets.UTF_8), path.toAbsolutePath().getParent().toString());
		}
		final Path path = Storage.path(input);
		final FileSystem fs = storage.fileSystem(path);
		if (!fs.exists(path)) throw new IllegalArgumentException("input not found: " + input);
		final FileStatus status = fs.getFileStatus(path);
		if (status.isDirectory()) return folder(fs, status.getPath());
		if (ImageFiles.hasImageExtension(java.nio.file.Path.of(path.getName()))) {
			return new Listing(List.of(new Image(path.getName(), input)), List.of());
		}
		return listFile(new String(storage.read(input), StandardCharsets.UTF_8), path.getParent().toString());
	}

	/** A list file: one path a line; blank lines and lines starting with # are left out; names as written. */
	private static Listing listFile(final String text, final String folder) {
		final List<Image> images = new ArrayList<>();
		for (final String line : text.split("\\R")) {
			final String name = line.strip();
			if (name.isEmpty() || name.startsWith("#")) continue;
			final boolean absolute = !Storage.isLocal(name) || name.startsWith("file:") || java.nio.file.Path.of(name).isAbsolute();
			images.add(new Image(name, absolute ? name : folder + "/" + name));
		}
		if (images.isEmpty()) throw new IllegalArgumentException("The list of images names none: give one path a line");
		return new Listing(images, List.of());
	}

	/** A folder on another file system: its files and those of its sub-folders, hidden ones left out, sorted by path. */
	private static Listing folder(final FileSystem fs, final Path folder) throws IOException {
		final List<LocatedFileStatus> files = new ArrayList<>();
		final RemoteIterator<LocatedFileStatus> all = fs.listFiles(folder, true);
		while (all.hasNext()) files.add(all.next());
		files.sort(Comparator.comparing(f -> f.getPath().toString()));
		final String root = folder.toString() + "/";
		final List<Image> images = new ArrayList<>();
		final List<String[]> skipped = new ArrayList<>();
		for (final LocatedFileStatus file : files) {
			final String location = file.getPath().toString();
			final String name = location.startsWith(root) ? location.substring(root.length()) : file.getPath().getName();
			if (Arrays.stream(name.split("/")).anyMatch(part -> part.startsWith(".") || part.startsWith("_"))) continue;
			if (ImageFiles.hasImageExtension(java.nio.file.Path.of(file.getPath().getName()))) images.add(new Image(name, location));
			else skipped.add(new String[] {name, location + ": not an image file"});
		}
		if (images.isEmpty()) throw new IllegalArgumentException("Folder " + folder + " holds no image (" + ImageFiles.FORMATS + ")");
		return new Listing(images, skipped);
	}
}
