package io.github.digitclassifier.ij1.plugin;

import org.scijava.Context;
import org.scijava.event.EventService;

import ij.IJ;
import io.github.digitclassifier.command.Commands;
import io.github.digitclassifier.ij1.ImageJTrainingWatch;

/** The SciJava Context that runs the commands: Fiji's own when there is one, else one made once. */
public final class Contexts {

	private static Context own;
	private static ImageJStatusBar statusBar; // held: SciJava's events keep only weak references to subscribers

	private Contexts() {}

	public static synchronized Context get() {
		final Context fiji = fijiContext();
		if (fiji != null) return fiji;
		if (own == null) {
			own = Commands.context(ImageJTrainingWatch.class);
			statusBar = new ImageJStatusBar();
			own.service(EventService.class).subscribe(statusBar);
		}
		return own;
	}

	/** Fiji's Context, which ImageJ Legacy hands out through IJ.runPlugIn; null in plain ImageJ. */
	private static Context fijiContext() {
		try {
			Class.forName("net.imagej.legacy.LegacyService", false, Contexts.class.getClassLoader());
		}
		catch (final ClassNotFoundException e) {
			return null;
		}
		final Object context = IJ.runPlugIn("org.scijava.Context", "");
		return context instanceof Context c ? c : null;
	}
}
