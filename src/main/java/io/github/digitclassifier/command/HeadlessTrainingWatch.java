package io.github.digitclassifier.command;

import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

import io.github.digitclassifier.train.TrainingProgress;
import io.github.digitclassifier.ui.TrainingWatchService;

/** Headless (the command line, the tests): no curves to draw and no key to press, so nothing is added. */
@Plugin(type = Service.class)
public final class HeadlessTrainingWatch extends AbstractService implements TrainingWatchService {

	@Override
	public TrainingProgress watch(final TrainingProgress progress) {
		return progress;
	}
}
