package io.github.digitclassifier.read;

import java.util.ArrayList;
import java.util.List;

import io.github.digitclassifier.io.CsvTable;

/**
 * Readings as the {@code Number Readings} table of the macro contract: one row per slice or file;
 * text, confidence, digit_count, flagged (digits under min_confidence), then each digit's class
 * and confidence (digit_1, confidence_1, ...) as far as the longest number goes.
 */
public final class ReadingTables {

	/** The column that holds the digits read: text, so that leading zeros stay. */
	public static final String TEXT = "text";

	private ReadingTables() {}

	/** Columns slice (from 1), label, then the reading's. */
	public static CsvTable forSlices(final List<NumberReading> readings, final List<String> labels) {
		final CsvTable table = new CsvTable(columns(List.of("slice", "label"), longest(readings)));
		for (int i = 0; i < readings.size(); i++) table.add(row(readings.get(i), table.columns().size(), i + 1, labels.get(i)));
		return table;
	}

	/** Columns file, then the reading's. */
	public static CsvTable forFiles(final List<FileReading> readings) {
		final CsvTable table = new CsvTable(columns(List.of("file"), longest(readings.stream().map(FileReading::reading).toList())));
		for (final FileReading r : readings) table.add(row(r.reading(), table.columns().size(), r.file()));
		return table;
	}

	private static int longest(final List<NumberReading> readings) {
		return readings.stream().mapToInt(r -> r.digits().size()).max().orElse(0);
	}

	private static List<String> columns(final List<String> first, final int digits) {
		final List<String> columns = new ArrayList<>(first);
		columns.addAll(List.of(TEXT, "confidence", "digit_count", "flagged"));
		for (int d = 1; d <= digits; d++) {
			columns.add("digit_" + d);
			columns.add("confidence_" + d);
		}
		return columns;
	}

	private static Object[] row(final NumberReading reading, final int size, final Object... first) {
		final Object[] row = new Object[size];
		System.arraycopy(first, 0, row, 0, first.length);
		int at = first.length;
		row[at++] = reading.text();
		row[at++] = reading.confidence();
		row[at++] = reading.digits().size();
		row[at++] = reading.digits().stream().filter(ReadDigit::low).count();
		for (final ReadDigit d : reading.digits()) {
			row[at++] = d.className();
			row[at++] = d.confidence();
		}
		return row;
	}
}
