package io.github.digitclassifier;

import org.scijava.Context;

import io.github.digitclassifier.ij1.Contexts;

/** One headless SciJava Context with the plugin's services, shared by the tests of a run. */
public final class HeadlessContext {

	private static Context context;

	private HeadlessContext() {}

	public static synchronized Context get() {
		if (context == null) {
			System.setProperty("java.awt.headless", "true");
			context = Contexts.create();
		}
		return context;
	}
}
