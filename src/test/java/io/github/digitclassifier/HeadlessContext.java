package io.github.digitclassifier;

import org.scijava.Context;

import io.github.digitclassifier.command.Commands;
import io.github.digitclassifier.command.HeadlessTrainingWatch;

/** One headless SciJava Context with the plugin's services, shared by the tests of a run. */
public final class HeadlessContext {

	private static Context context;

	private HeadlessContext() {}

	public static synchronized Context get() {
		if (context == null) {
			System.setProperty("java.awt.headless", "true");
			context = Commands.context(HeadlessTrainingWatch.class);
		}
		return context;
	}
}
