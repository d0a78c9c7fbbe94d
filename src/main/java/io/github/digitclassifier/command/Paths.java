package io.github.digitclassifier.command;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

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
	 * save. Returns the path, or null when unset.
	 */
	static Path output(final File file, final String key) {
		final Path path = optional(file);
		if (path == null) return null;
		final Path folder = path.toAbsolutePath().getParent();
		if (Files.isDirectory(path)) throw new IllegalArgumentException(key + " " + path + " is a folder, not a file");
		if (folder == null || !Files.isDirectory(folder)) throw new IllegalArgumentException(key + " " + path + ": folder " + folder + " does not exist");
		if (!Files.isWritable(folder)) throw new IllegalArgumentException(key + " " + path + ": folder " + folder + " is not writable");
		if (Files.exists(path) && !Files.isWritable(path)) throw new IllegalArgumentException(key + " " + path + " is read-only");
		return path;
	}
}
