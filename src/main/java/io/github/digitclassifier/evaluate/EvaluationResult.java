package io.github.digitclassifier.evaluate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.nd4j.evaluation.classification.Evaluation;

import io.github.digitclassifier.data.SkippedFile;
import io.github.digitclassifier.io.CsvTable;

/**
 * How a model did on labelled images: DL4J's evaluation, the mean loss, the report, and each
 * image's outcome in order.
 */
public record EvaluationResult(Evaluation evaluation, List<String> classNames, double loss, List<SkippedFile> skipped,
	List<Outcome> outcomes)
{
	/** One image: its file (null where the images were not read from files), its class, what was predicted and how surely. */
	public record Outcome(Path file, int actual, int predicted, double confidence) {

		public boolean wrong() {
			return actual != predicted;
		}
	}

	public EvaluationResult {
		outcomes = List.copyOf(outcomes);
	}

	/** The images predicted wrong, the surest mistakes first. */
	public List<Outcome> mistakes() {
		return outcomes.stream().filter(Outcome::wrong).sorted(Comparator.comparingDouble(Outcome::confidence).reversed()).toList();
	}

	/** Which classes were taken for which, most often first: {@code actual,predicted,count}. */
	public CsvTable confusedPairs() {
		final long[][] counts = confusionMatrix();
		final List<long[]> pairs = new ArrayList<>();
		for (int actual = 0; actual < counts.length; actual++) {
			for (int predicted = 0; predicted < counts.length; predicted++) {
				if (actual != predicted && counts[actual][predicted] > 0) pairs.add(new long[] { actual, predicted, counts[actual][predicted] });
			}
		}
		pairs.sort(Comparator.comparingLong((long[] pair) -> -pair[2]).thenComparingLong(pair -> pair[0]).thenComparingLong(pair -> pair[1]));
		final CsvTable table = new CsvTable(List.of("actual", "predicted", "count"));
		for (final long[] pair : pairs) table.add(classNames.get((int) pair[0]), classNames.get((int) pair[1]), pair[2]);
		return table;
	}

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
