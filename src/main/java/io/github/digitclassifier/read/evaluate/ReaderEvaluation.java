package io.github.digitclassifier.read.evaluate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.digitclassifier.data.ImageFolders;
import io.github.digitclassifier.data.SkippedFile;
import io.github.digitclassifier.read.FileReading;
import io.github.digitclassifier.read.FolderReadings;
import io.github.digitclassifier.read.ReadsNumbers;

/**
 * Measures a number reader on labelled images. An image that cannot be read counts as read
 * empty: a reader that skips hard images must not look better for it.
 */
public record ReaderEvaluation(ReadingReport report, List<SkippedFile> skipped) {

	public static ReaderEvaluation of(final ReadsNumbers reader, final Path folder, final Path labelsFile) throws IOException {
		final Map<String, String> labels = NumberLabels.read(NumberLabels.fileFor(folder, labelsFile));
		final FolderReadings read = reader.readFiles(folder, NumberLabels.files(folder, labels));
		final Map<String, FileReading> byFile = new HashMap<>();
		for (final FileReading r : read.readings()) byFile.put(r.file(), r);
		final List<ReadingReport.Scored> scored = new ArrayList<>(labels.size());
		for (final Map.Entry<String, String> label : labels.entrySet()) {
			final FileReading r = byFile.get(label.getKey());
			scored.add(r == null ? new ReadingReport.Scored(label.getKey(), label.getValue(), "", 0)
				: new ReadingReport.Scored(label.getKey(), label.getValue(), r.reading().text(), r.reading().confidence()));
		}
		ImageFolders.requireSome(folder, labels.size(), read.readings().size(), read.skipped());
		return new ReaderEvaluation(ReadingReport.of(scored), read.skipped());
	}
}
