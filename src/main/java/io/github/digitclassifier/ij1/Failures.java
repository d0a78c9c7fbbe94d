package io.github.digitclassifier.ij1;

import ij.IJ;
import ij.Macro;
import ij.macro.Interpreter;

/**
 * Reports a failed command the way its caller can see it: in a macro, a line in the Log and the
 * macro aborted (never a modal dialog); interactively, an error dialog; with no display, standard
 * error. The message names the file or key at fault; no stack trace is the only word.
 */
public final class Failures {

	public static final String TITLE = "Digit Classifier";

	/** An exception whose message has been shown to the user already. */
	public static final class Reported extends RuntimeException {
		private static final long serialVersionUID = 1L;

		Reported(final String message, final Throwable cause) {
			super(message, cause);
		}
	}

	private Failures() {}

	/** Shows the failure and returns an exception for the caller to throw. */
	public static RuntimeException report(final Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof Reported reported) return reported;
		}
		final String message = messageOf(failure);
		if (macroRunning()) {
			IJ.log(TITLE + " error: " + message);
			System.err.println(TITLE + " error: " + message);
			Interpreter.abort();
		}
		else if (failure instanceof java.util.concurrent.CancellationException) {
			IJ.showStatus(TITLE + ": " + message + "; nothing was saved"); // the user asked for it: no error dialog
		}
		else if (Displays.available()) {
			IJ.error(TITLE, message);
		}
		else {
			System.err.println(TITLE + " error: " + message);
		}
		return new Reported(message, failure);
	}

	/**
	 * What to tell the user: the message of a failure already reported, else advice for an Error
	 * of the Java machine, else the outermost message that is not a wrapper's (SciJava's,
	 * concurrency's, unchecked I/O's).
	 */
	public static String messageOf(final Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof Reported) return t.getMessage();
		}
		for (Throwable t = failure; t != null; t = t.getCause()) {
			final String advice = adviceFor(t);
			if (advice != null) return advice;
		}
		for (Throwable t = failure; t != null; t = t.getCause()) {
			final boolean wrapper = t instanceof java.util.concurrent.ExecutionException ||
				t instanceof java.io.UncheckedIOException || t.getClass().getName().startsWith("org.scijava.");
			if (!wrapper && t.getMessage() != null) return t.getMessage();
		}
		Throwable innermost = failure;
		while (innermost.getCause() != null) innermost = innermost.getCause();
		return innermost.getClass().getSimpleName();
	}

	/**
	 * What a user can do about an Error from the Java machine, which by itself says nothing a user
	 * can act on (a class name, a library path, "Java heap space"); null for other failures.
	 */
	private static String adviceFor(final Throwable t) {
		if (t instanceof OutOfMemoryError) {
			return "Out of memory (" + t.getMessage() + ", " + Runtime.getRuntime().maxMemory() / (1 << 20) +
				" MB for Java): give ImageJ more memory (Edit > Options > Memory & Threads) and restart it, or use a smaller batch_size";
		}
		if (t instanceof UnsatisfiedLinkError) {
			return "A native library of ND4J could not be loaded (" + t.getMessage() + "): reinstall Digit Classifier " +
				"with the files for this platform, and see that no other plugin brings another version of ND4J or JavaCPP";
		}
		if (t instanceof LinkageError && !(t instanceof ExceptionInInitializerError)) {
			return "A library of the plugin is missing or clashes with another version (" + t.getClass().getSimpleName() + ": " +
				t.getMessage() + "): reinstall Digit Classifier, and see that no other plugin brings another version of that library";
		}
		return null;
	}

	private static boolean macroRunning() {
		return Interpreter.getInstance() != null || Macro.getOptions() != null || Interpreter.isBatchMode();
	}
}
