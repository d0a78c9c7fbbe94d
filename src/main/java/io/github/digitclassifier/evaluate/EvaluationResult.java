package io.github.digitclassifier.evaluate;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.evaluation.classification.Evaluation;

import io.github.digitclassifier.data.SkippedFile;
import io.github.digitclassifier.io.CsvTable;

/** How a model did on labelled images: DL4J's evaluation, the mean loss and the report. */
public record EvaluationResult(Evaluation evaluation, List<String> classNames, double loss, List<SkippedFile> skipped) {

	public double accuracy() {
		return evaluation.accuracy();
	}

	public ClassificationReport report() {
		return ClassificationReport.of(evaluation, classNames);
	}

	/** Counts with actual classes as rows and predicted classes as columns. */
	public long[][] confusionMatrix() {
		final int n = classNames.size();
		final long[][] counts = new long[n][n];
		for (int actual = 0; actual < n; actual++) {
			for (int predicted = 0; predicted < n; predicted++) {
				counts[actual][predicted] = evaluation.getConfusionMatrix().getCount(actual, predicted);
			}
		}
		return counts;
	}

	/** The confusion matrix as a table: column {@code actual}, then one column per predicted class. */
	public CsvTable confusionTable() {
		final List<String> columns = new ArrayList<>();
		columns.add("actual");
		columns.addAll(classNames);
		final CsvTable table = new CsvTable(columns);
		final long[][] counts = confusionMatrix();
		for (int actual = 0; actual < counts.length; actual++) {
			final Object[] row = new Object[counts.length + 1];
			row[0] = classNames.get(actual);
			for (int p = 0; p < counts.length; p++) row[p + 1] = counts[actual][p];
			table.add(row);
		}
		return table;
	}
}
