package io.github.digitclassifier.train;

import io.github.digitclassifier.model.EpochRecord;

/** What a user interface hears of a training run, and how it cancels one. */
public interface TrainingProgress {

	/** Heard by nobody. */
	TrainingProgress NONE = new TrainingProgress() {};

	/** A status line: images being prepared, stopping early. */
	default void status(final String message) {}

	/** Something the user should know: a skipped file, imbalanced classes. */
	default void warning(final String message) {}

	/** After each update; {@code batch} counts from 1 to {@code batches} within the epoch. */
	default void batchDone(final int epoch, final int batch, final int batches, final double loss) {}

	/** After each epoch's validation. */
	default void epochDone(final EpochRecord record) {}

	/** Asked between updates; once true the run stops and nothing is kept. */
	default boolean isCancelled() {
		return false;
	}
}
