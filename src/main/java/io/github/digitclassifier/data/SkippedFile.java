package io.github.digitclassifier.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A file that was left out, and why. */
public record SkippedFile(Path file, String reason) {

	/** What to warn of: each skipped file by name, then their number (nothing when none was skipped). */
	public static List<String> warnings(final List<SkippedFile> skipped) {
		final List<String> lines = new ArrayList<>();
		for (final SkippedFile file : skipped) lines.add(file.toString());
		if (!skipped.isEmpty()) lines.add(skipped.size() + " files skipped");
		return lines;
	}

	/** The file and why it was skipped: the reason alone when it names the file (image files' failures do). */
	public String description() {
		return reason.startsWith(file.toString()) ? reason : file + ": " + reason;
	}

	@Override
	public String toString() {
		return "Skipped " + description();
	}
}
