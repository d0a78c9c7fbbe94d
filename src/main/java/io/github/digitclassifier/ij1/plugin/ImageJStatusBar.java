package io.github.digitclassifier.ij1.plugin;

import org.scijava.app.event.StatusEvent;
import org.scijava.event.EventHandler;

import ij.IJ;

/**
 * Shows the commands' SciJava status in ImageJ 1's status and progress bars. Fiji's Context does
 * so itself; the one made in plain ImageJ has no user interface to show it.
 */
final class ImageJStatusBar {

	@EventHandler
	void onEvent(final StatusEvent event) {
		if (event.getStatusMessage() != null) IJ.showStatus(event.getStatusMessage());
		if (event.getProgressValue() >= 0 && event.getProgressMaximum() >= 0) IJ.showProgress(event.getProgressValue(), event.getProgressMaximum());
	}
}
