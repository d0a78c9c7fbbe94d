package io.github.digitclassifier.ui;

import org.scijava.service.SciJavaService;

import io.github.digitclassifier.train.TrainingProgress;

/**
 * What the user interface running a training adds to its progress beyond SciJava's status bar:
 * in ImageJ 1 and Fiji the ij1 layer's live curves and Esc to cancel; headless, nothing. In ui,
 * below the commands that ask for it, so that ij1 implements it without depending on them.
 */
public interface TrainingWatchService extends SciJavaService {

	/** The progress of a run that starts now, as the user follows it; a cancel asked for before it does not count. */
	TrainingProgress watch(TrainingProgress progress);
}
