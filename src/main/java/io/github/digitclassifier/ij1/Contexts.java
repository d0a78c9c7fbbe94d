package io.github.digitclassifier.ij1;

import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;

import ij.IJ;

/** The SciJava Context that runs the commands: Fiji's own when there is one, else one made once. */
public final class Contexts {

	private static Context own;

	private Contexts() {}

	public static synchronized Context get() {
		final Context fiji = fijiContext();
		if (fiji != null) return fiji;
		if (own == null) own = create();
		return own;
	}

	/**
	 * A new Context with the services the commands need. SciJava finds plugins through the
	 * thread's context class loader, which inside ImageJ 1 is not the one that loaded this plugin.
	 */
	public static Context create() {
		final Thread thread = Thread.currentThread();
		final ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(Contexts.class.getClassLoader());
		try {
			return new Context(CommandService.class, StatusService.class, LogService.class);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
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
