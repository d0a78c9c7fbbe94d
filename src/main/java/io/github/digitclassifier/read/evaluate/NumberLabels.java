package io.github.digitclassifier.read.evaluate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.digitclassifier.io.CsvTable;

/**
 * What the number in each image is: a CSV of {@code file,label}, {@code file} relative to the
 * images' folder and {@code /}-separated, {@code label} the number as text (leading zeros kept;
 * letters and signs too, for readers of other alphabets).
 */
public final class NumberLabels {

	/** The labels file looked for in the images' folder when none is given. */
	public static final String DEFAULT_FILE = "labels.csv";

	private NumberLabels() {}

	/** The labels file given, or {@link #DEFAULT_FILE} in the folder. */
	public static Path fileFor(final Path folder, final Path labelsFile) {
		return labelsFile != null ? labelsFile : folder.resolve(DEFAULT_FILE);
	}

	/** Each file's label, in the order of the CSV. */
	public static Map<String, String> read(final Path csv) throws IOException {
		final CsvTable table;
		try {
			table = CsvTable.read(csv);
		}
		catch (final NoSuchFileException e) {
			throw new IllegalArgumentException("Labels file " + csv + " not found: give a CSV file with the columns file,label");
		}
		final int file = table.columns().indexOf("file"), label = table.columns().indexOf("label");
		if (file < 0 || label < 0) {
			throw new IllegalArgumentException("Labels file " + csv + " has the columns " + table.columns() + ": it needs file and label");
		}
		final Map<String, String> labels = new LinkedHashMap<>();
		for (final List<String> row : table.rows()) {
			final String name = row.get(file).strip().replace('\\', '/');
			if (name.isEmpty()) throw new IllegalArgumentException("Labels file " + csv + " has a row without a file: " + row);
			if (labels.put(name, row.get(label).strip()) != null) {
				throw new IllegalArgumentException("Labels file " + csv + " names " + name + " twice");
			}
		}
		if (labels.isEmpty()) throw new IllegalArgumentException("Labels file " + csv + " labels no image");
		return labels;
	}

	/** The labelled files in the folder; a label for a file that is not there is an error naming it. */
	public static List<Path> files(final Path folder, final Map<String, String> labels) {
		final List<Path> files = new ArrayList<>(labels.size());
		for (final String name : labels.keySet()) {
			final Path file = folder.resolve(name);
			if (!Files.isRegularFile(file)) throw new IllegalArgumentException("The labels name " + name + ", which is not a file in " + folder);
			files.add(file);
		}
		return files;
	}
}
