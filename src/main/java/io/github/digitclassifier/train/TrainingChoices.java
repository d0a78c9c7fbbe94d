package io.github.digitclassifier.train;

import java.util.List;

import io.github.digitclassifier.io.CsvTable;
import io.github.digitclassifier.model.TrainingChoice;

/** How a training's settings were decided, as a table. */
public final class TrainingChoices {

	public static final List<String> COLUMNS = List.of("setting", "value", "why");

	private TrainingChoices() {}

	public static CsvTable table(final List<TrainingChoice> choices) {
		final CsvTable table = new CsvTable(COLUMNS);
		for (final TrainingChoice c : choices) table.add(c.setting(), c.value(), c.why());
		return table;
	}
}
