package io.github.digitclassifier.train;

import java.util.List;

import io.github.digitclassifier.io.CsvTable;
import io.github.digitclassifier.model.EpochRecord;

/** Training histories as tables. */
public final class Histories {

	public static final List<String> COLUMNS =
		List.of("epoch", "train_loss", "train_accuracy", "validation_loss", "validation_accuracy", "seconds");

	private Histories() {}

	public static CsvTable table(final List<EpochRecord> history) {
		final CsvTable table = new CsvTable(COLUMNS);
		for (final EpochRecord r : history) {
			table.add(r.epoch(), r.trainLoss(), r.trainAccuracy(), r.validationLoss(), r.validationAccuracy(), r.seconds());
		}
		return table;
	}
}
