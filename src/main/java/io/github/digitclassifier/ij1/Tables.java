package io.github.digitclassifier.ij1;

import java.util.List;
import java.util.Set;

import ij.measure.ResultsTable;
import io.github.digitclassifier.io.CsvTable;

/** Shows tables as ImageJ results tables, or prints them where there is no display (the CLI). */
public final class Tables {

	private Tables() {}

	public static ResultsTable toResultsTable(final CsvTable table) {
		return toResultsTable(table, Set.of());
	}

	/** The table as a results table, the {@code textColumns} kept as text even where they look like numbers. */
	public static ResultsTable toResultsTable(final CsvTable table, final Set<String> textColumns) {
		final ResultsTable results = new ResultsTable();
		results.showRowNumbers(false);
		for (final List<String> row : table.rows()) {
			results.incrementCounter();
			for (int c = 0; c < row.size(); c++) {
				final String column = table.columns().get(c);
				final String value = row.get(c);
				final Double number = textColumns.contains(column) ? null : number(value);
				if (number != null) results.addValue(column, number);
				else results.addValue(column, value);
			}
		}
		return results;
	}

	/** Shows the table under its title; with no display, prints it as CSV under the title. */
	public static void show(final CsvTable table, final String title) {
		show(table, title, Set.of());
	}

	/** As {@link #show(CsvTable, String)}, the {@code textColumns} kept as text (digit strings with leading zeros). */
	public static void show(final CsvTable table, final String title, final Set<String> textColumns) {
		if (Displays.available()) {
			toResultsTable(table, textColumns).show(title);
			return;
		}
		System.out.print("== " + title + "\n" + table.text());
	}

	private static Double number(final String value) {
		if (value.isEmpty() || !(Character.isDigit(value.charAt(0)) || value.charAt(0) == '-' || value.equals("NaN"))) return null;
		try {
			return Double.valueOf(value);
		}
		catch (final NumberFormatException e) {
			return null;
		}
	}
}
