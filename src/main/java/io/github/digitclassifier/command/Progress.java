package io.github.digitclassifier.command;

import java.util.Locale;

import org.scijava.app.StatusService;
import org.scijava.log.LogService;

import io.github.digitclassifier.model.EpochRecord;
import io.github.digitclassifier.train.TrainingProgress;
import io.github.digitclassifier.ui.TrainingWatchService;

/**
 * How a training command shows its progress: the log and the status bar; what the user interface
 * adds (live curves, Esc to cancel) comes from its {@link TrainingWatchService}.
 */
final class Progress {

	private Progress() {}

	static TrainingProgress of(final LogService log, final StatusService status, final TrainingWatchService watch, final int epochs) {
		return watch.watch(new TrainingProgress() {
			@Override
			public void status(final String message) {
				log.info(message);
				status.showStatus(message);
			}

			@Override
			public void warning(final String message) {
				log.warn(message);
			}

			@Override
			public void batchDone(final int epoch, final int batch, final int batches, final double loss) {
				final int done = (epoch - 1) * batches + batch;
				status.showStatus(done, epochs * batches, String.format(Locale.ROOT, "Epoch %d/%d, loss %.4f (Esc cancels)", epoch, epochs, loss));
			}

			@Override
			public void epochDone(final EpochRecord r) {
				log.info(String.format(Locale.ROOT,
					"Epoch %d: train_loss %.4f train_accuracy %.4f validation_loss %.4f validation_accuracy %.4f (%.1f s)",
					r.epoch(), r.trainLoss(), r.trainAccuracy(), r.validationLoss(), r.validationAccuracy(), r.seconds()));
			}

			@Override
			public boolean isCancelled() {
				return Thread.currentThread().isInterrupted();
			}
		});
	}
}
