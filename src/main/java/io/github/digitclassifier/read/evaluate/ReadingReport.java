package io.github.digitclassifier.read.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.github.digitclassifier.io.CsvTable;

/**
 * How well numbers were read: whole numbers right, characters right (one less the edit distance
 * over the truth's length), and the accuracy of the most confident readings kept when the rest go
 * to a person (90% and 80% kept) with the confidence from which a reading is kept; and the mean
 * confidence, which a calibrated reader's keeps near its whole-number accuracy.
 */
public record ReadingReport(int count, double wholeNumberAccuracy, double digitAccuracy, double meanConfidence, Coverage at90, Coverage at80,
	List<Scored> misread)
{
	/** One image's truth and reading. */
	public record Scored(String file, String truth, String read, double confidence) {

		boolean right() {
			return truth.equals(read);
		}
	}

	/** The readings kept, the most confident first: their share, their accuracy, the least confidence kept. */
	public record Coverage(double kept, double accuracy, double threshold) {}

	public ReadingReport {
		misread = List.copyOf(misread);
	}

	public static ReadingReport of(final List<Scored> all) {
		if (all.isEmpty()) throw new IllegalArgumentException("No number to measure");
		int right = 0, errors = 0, length = 0;
		double confidence = 0;
		final List<Scored> misread = new ArrayList<>();
		for (final Scored s : all) {
			confidence += s.confidence();
			if (s.right()) right++;
			else misread.add(s);
			errors += editDistance(s.truth(), s.read());
			length += s.truth().length();
		}
		final double digitAccuracy = length == 0 ? (errors == 0 ? 1 : 0) : Math.max(0, 1 - (double) errors / length);
		misread.sort(Comparator.comparingDouble(Scored::confidence).reversed().thenComparing(Scored::file));
		return new ReadingReport(all.size(), (double) right / all.size(), digitAccuracy, confidence / all.size(), coverage(all, 0.9),
			coverage(all, 0.8), misread);
	}

	/** The most confident {@code share} of the readings (rounded up), their accuracy and the lowest confidence among them. */
	static Coverage coverage(final List<Scored> all, final double share) {
		final List<Scored> byConfidence = new ArrayList<>(all);
		byConfidence.sort(Comparator.comparingDouble(Scored::confidence).reversed());
		final int kept = (int) Math.ceil(share * all.size() - 1e-9);
		int right = 0;
		for (final Scored s : byConfidence.subList(0, kept)) if (s.right()) right++;
		return new Coverage(share, (double) right / kept, byConfidence.get(kept - 1).confidence());
	}

	/** Levenshtein's distance: characters inserted, deleted or replaced to turn one text into the other. */
	static int editDistance(final String a, final String b) {
		int[] previous = new int[b.length() + 1], current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) previous[j] = j;
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				final int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
			}
			final int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	/** The report as the table {@code metric,value}. */
	public CsvTable table() {
		return new CsvTable(List.of("metric", "value"))
			.add("whole_number_accuracy", wholeNumberAccuracy)
			.add("digit_accuracy", digitAccuracy)
			.add("mean_confidence", meanConfidence)
			.add("accuracy_at_90", at90.accuracy())
			.add("threshold_at_90", at90.threshold())
			.add("accuracy_at_80", at80.accuracy())
			.add("threshold_at_80", at80.threshold())
			.add("count", count);
	}

	/** The misread numbers, the most confident first: {@code file,truth,read,confidence}. */
	public CsvTable misreadTable() {
		final CsvTable table = new CsvTable(List.of("file", "truth", "read", "confidence"));
		for (final Scored s : misread) table.add(s.file(), s.truth(), s.read(), s.confidence());
		return table;
	}
}
