package io.github.digitclassifier.data;

import java.nio.file.Path;

/** A file that was left out, and why. */
public record SkippedFile(Path file, String reason) {

	@Override
	public String toString() {
		return "Skipped " + file + ": " + reason;
	}
}
