package io.github.digitclassifier.ij1;

import org.scijava.Priority;
import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

import ij.IJ;
import io.github.digitclassifier.model.EpochRecord;
import io.github.digitclassifier.train.TrainingProgress;
import io.github.digitclassifier.ui.TrainingWatchService;

/**
 * In ImageJ 1 and Fiji: the curves redrawn after every epoch when a person may be watching, and
 * Esc cancels. Ahead of the headless service wherever both are found (Fiji's Context).
 */
@Plugin(type = Service.class, priority = Priority.HIGH)
public final class ImageJTrainingWatch extends AbstractService implements TrainingWatchService {

	@Override
	public TrainingProgress watch(final TrainingProgress progress) {
		IJ.resetEscape(); // an Esc pressed before this run must not cancel it
		final TrainingPlot plot = Displays.interactive() ? new TrainingPlot() : null;
		return new TrainingProgress() {
			@Override
			public void status(final String message) {
				progress.status(message);
			}

			@Override
			public void warning(final String message) {
				progress.warning(message);
			}

			@Override
			public void batchDone(final int epoch, final int batch, final int batches, final double loss) {
				progress.batchDone(epoch, batch, batches, loss);
			}

			@Override
			public void epochDone(final EpochRecord record) {
				progress.epochDone(record);
				if (plot != null) plot.add(record);
			}

			@Override
			public boolean isCancelled() {
				return IJ.escapePressed() || progress.isCancelled();
			}
		};
	}
}
