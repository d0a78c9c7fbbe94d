package io.github.digitclassifier.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import io.github.digitclassifier.data.ImageFiles;

/** The path parameters of commands: empty means unset, outputs are checked before work starts. */
final class Paths {

	private Paths() {}

	/** The path, or null when the parameter is unset or blank. */
	static Path optional(final File file) {
		return file == null || file.getPath().isBlank() ? null : file.toPath();
	}

	static Path required(final File file, final String key) {
		final Path path = optional(file);
		if (path == null) throw new IllegalArgumentException("Missing " + key + ": give a folder");
		return path;
	}

	/**
	 * Checks that an output file can be written, so that a long run does not end in a failure to
	 * save, and that it is no image, which it would replace or pass for. Returns the path, or null
	 * when unset.
	 */
	static Path output(final File file, final String key) {
		final Path path = writable(file, key);
		if (path != null && ImageFiles.hasImageExtension(path)) {
			throw new IllegalArgumentException(key + " " + path + " is named as an image: give a file of another name, so that no image is replaced");
		}
		return path;
	}

	/** As {@link #output}, for a TIFF a command writes: it must be named .tif or .tiff. */
	static Path tiffOutput(final File file, final String key) {
		final Path path = writable(file, key);
		final String name = path == null ? "" : path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
		if (path != null && !name.endsWith(".tif") && !name.endsWith(".tiff")) {
			throw new IllegalArgumentException(key + " " + path + " is written as a TIFF: name it .tif or .tiff");
		}
		return path;
	}

	private static Path writable(final File file, final String key) {
		final Path path = optional(file);
		if (path == null) return null;
		final Path folder = path.toAbsolutePath().getParent();
		if (Files.isDirectory(path)) throw new IllegalArgumentException(key + " " + path + " is a folder, not a file: give a file in it");
		if (folder == null || !Files.isDirectory(folder)) {
			throw new IllegalArgumentException(key + " " + path + ": folder " + folder + " does not exist; create it, or give a file in another folder");
		}
		if (!Files.isWritable(folder)) {
			throw new IllegalArgumentException(key + " " + path + ": folder " + folder + " is not writable; give a file in another folder");
		}
		if (Files.exists(path) && (!Files.isWritable(path) || markedReadOnly(path))) {
			throw new IllegalArgumentException(key + " " + path + " is read-only: make it writable, or give another file");
		}
		return path;
	}

	/** Refuses an output that is the file another key reads: it would be replaced by what was made of it. */
	static void notInput(final Path output, final String key, final Path input, final String inputKey) {
		if (output != null && input != null && sameFile(output, input)) {
			throw new IllegalArgumentException(key + " " + output + " is " + inputKey + " itself: give another file, " + inputKey + " stays as it is");
		}
	}

	private static boolean sameFile(final Path a, final Path b) {
		try {
			return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize()) || Files.exists(a) && Files.isSameFile(a, b);
		}
		catch (final IOException e) {
			return false; // one of them cannot be looked at: not the same file as far as can be told
		}
	}

	/** A file without any write permission: its owner meant it to stay, though root may still write it. */
	private static boolean markedReadOnly(final Path path) {
		try {
			if (!Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class)) return false;
			final Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
			return !permissions.contains(PosixFilePermission.OWNER_WRITE) && !permissions.contains(PosixFilePermission.GROUP_WRITE) &&
				!permissions.contains(PosixFilePermission.OTHERS_WRITE);
		}
		catch (final IOException e) {
			return false; // what cannot be looked at is left to the write, which names the file when it fails
		}
	}
}
