package io.github.digitclassifier.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.github.digitclassifier.io.CsvTable;

/** How many images each class has, and a warning when some class is far rarer than another. */
public record ClassBalance(List<Row> rows) {

	/** A class whose largest peer has more than this many times its images draws a warning. */
	public static final double IMBALANCE_RATIO = 3;

	public record Row(String className, int count, double fraction) {}

	public static ClassBalance of(final Dataset dataset) {
		final int[] counts = dataset.countsPerClass();
		final int total = dataset.images().size();
		final List<Row> rows = new ArrayList<>();
		for (int c = 0; c < counts.length; c++) {
			rows.add(new Row(dataset.classNames().get(c), counts[c], total == 0 ? 0 : (double) counts[c] / total));
		}
		return new ClassBalance(List.copyOf(rows));
	}

	public CsvTable table() {
		final CsvTable table = new CsvTable(List.of("class", "count", "fraction"));
		for (final Row r : rows) table.add(r.className, r.count, r.fraction);
		return table;
	}

	/** The class with the fewest images (the first of equals), or null with no class. */
	public Row smallest() {
		return rows.stream().min((a, b) -> Integer.compare(a.count, b.count)).orElse(null);
	}

	/** The class with the most images (the first of equals), or null with no class. */
	public Row largest() {
		return rows.stream().max((a, b) -> Integer.compare(a.count, b.count)).orElse(null);
	}

	public Optional<String> warning() {
		final Row smallest = smallest();
		final Row largest = largest();
		if (smallest == null || largest.count <= IMBALANCE_RATIO * smallest.count) return Optional.empty();
		return Optional.of(String.format(Locale.ROOT,
			"Classes are imbalanced: '%s' has %d images, '%s' only %d; the model will favour the larger classes",
			largest.className, largest.count, smallest.className, smallest.count));
	}
}
