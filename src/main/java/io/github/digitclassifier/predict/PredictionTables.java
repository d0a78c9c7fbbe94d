package io.github.digitclassifier.predict;

import java.util.ArrayList;
import java.util.List;

import io.github.digitclassifier.io.CsvTable;

/** Predictions as the tables of the macro contract: one row per slice or file, one column per class. */
public final class PredictionTables {

	private PredictionTables() {}

	/** Columns slice (from 1), label, predicted, confidence, p_&lt;class&gt;... */
	public static CsvTable forSlices(final List<Prediction> predictions, final List<String> labels, final List<String> classNames) {
		final CsvTable table = new CsvTable(columns(List.of("slice", "label"), classNames));
		for (int i = 0; i < predictions.size(); i++) table.add(row(predictions.get(i), i + 1, labels.get(i)));
		return table;
	}

	/** Columns file, predicted, confidence, p_&lt;class&gt;... */
	public static CsvTable forFiles(final List<FilePrediction> predictions, final List<String> classNames) {
		final CsvTable table = new CsvTable(columns(List.of("file"), classNames));
		for (final FilePrediction p : predictions) table.add(row(p.prediction(), p.file()));
		return table;
	}

	private static List<String> columns(final List<String> first, final List<String> classNames) {
		final List<String> columns = new ArrayList<>(first);
		columns.add("predicted");
		columns.add("confidence");
		for (final String c : classNames) columns.add("p_" + c);
		return columns;
	}

	private static Object[] row(final Prediction p, final Object... first) {
		final Object[] row = new Object[first.length + 2 + p.probabilities().length];
		System.arraycopy(first, 0, row, 0, first.length);
		row[first.length] = p.className();
		row[first.length + 1] = p.confidence();
		for (int c = 0; c < p.probabilities().length; c++) row[first.length + 2 + c] = p.probabilities()[c];
		return row;
	}
}
