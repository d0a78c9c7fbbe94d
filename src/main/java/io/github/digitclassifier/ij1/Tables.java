package io.github.digitclassifier.ij1;

import java.awt.EventQueue;
import java.lang.reflect.InvocationTargetException;
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
			final ResultsTable results = toResultsTable(table, textColumns);
			onEventThread(() -> results.show(title));
			return;
		}
		System.out.print("== " + title + "\n" + table.text());
	}

	/**
	 * Runs {@code show} on AWT's event thread and waits for it. A results table shown from a command's
	 * thread measured its text while the event thread was still setting its window up, and failed
	 * now and then (a null FontRenderContext in TextCanvas.calcAutoWidth, seen in a CI run).
	 */
	private static void onEventThread(final Runnable show) {
		if (EventQueue.isDispatchThread()) {
			show.run();
			return;
		}
		try {
			EventQueue.invokeAndWait(show);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while showing a table", e);
		}
		catch (final InvocationTargetException e) {
			if (e.getCause() instanceof RuntimeException r) throw r;
			throw new IllegalStateException(e.getCause());
		}
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
