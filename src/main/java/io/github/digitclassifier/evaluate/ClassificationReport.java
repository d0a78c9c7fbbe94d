package io.github.digitclassifier.evaluate;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.evaluation.classification.Evaluation;

import io.github.digitclassifier.io.CsvTable;

/**
 * Per-class precision, recall, F1 and support, then accuracy, macro and weighted averages, laid
 * out as scikit-learn's classification_report prints them. The per-class figures are DL4J's;
 * an undefined one (no image predicted or present) counts as 0, as scikit-learn counts it.
 */
public record ClassificationReport(List<Row> rows) {

	public static final List<String> COLUMNS = List.of("class", "precision", "recall", "f1", "support");

	/** One line; on the {@code accuracy} line only f1 (the accuracy) and support are set. */
	public record Row(String label, double precision, double recall, double f1, long support) {}

	public static ClassificationReport of(final Evaluation evaluation, final List<String> classNames) {
		final int classes = classNames.size();
		final double[][] perClass = new double[classes][];
		final long[] support = new long[classes];
		long total = 0;
		for (int c = 0; c < classes; c++) {
			perClass[c] = new double[] { evaluation.precision(c), evaluation.recall(c), evaluation.f1(c) };
			support[c] = evaluation.getConfusionMatrix().getActualTotal(c);
			total += support[c];
		}
		final List<Row> rows = new ArrayList<>();
		for (int c = 0; c < classes; c++) {
			rows.add(new Row(classNames.get(c), perClass[c][0], perClass[c][1], perClass[c][2], support[c]));
		}
		rows.add(new Row("accuracy", Double.NaN, Double.NaN, evaluation.accuracy(), total));
		final double[] macro = new double[3];
		final double[] weighted = new double[3];
		for (int c = 0; c < classes; c++) {
			for (int m = 0; m < 3; m++) {
				macro[m] += perClass[c][m] / classes;
				weighted[m] += total == 0 ? 0 : perClass[c][m] * support[c] / total;
			}
		}
		rows.add(new Row("macro avg", macro[0], macro[1], macro[2], total));
		rows.add(new Row("weighted avg", weighted[0], weighted[1], weighted[2], total));
		return new ClassificationReport(List.copyOf(rows));
	}

	public double accuracy() {
		return rows.stream().filter(r -> r.label.equals("accuracy")).findFirst().orElseThrow().f1;
	}

	public Row row(final String label) {
		return rows.stream().filter(r -> r.label.equals(label)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No row " + label));
	}

	/** The report as a table; the accuracy row leaves precision and recall empty. */
	public CsvTable table() {
		final CsvTable table = new CsvTable(COLUMNS);
		for (final Row r : rows) {
			table.add(r.label, blankIfNaN(r.precision), blankIfNaN(r.recall), r.f1, r.support);
		}
		return table;
	}

	private static Object blankIfNaN(final double value) {
		return Double.isNaN(value) ? "" : value;
	}
}
