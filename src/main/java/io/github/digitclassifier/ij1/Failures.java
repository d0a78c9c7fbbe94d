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
	 * What to tell the user: the message of a failure already reported, else the outermost
	 * message that is not a wrapper's (SciJava's, concurrency's, unchecked I/O's).
	 */
	public static String messageOf(final Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof Reported) return t.getMessage();
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

	private static boolean macroRunning() {
		return Interpreter.getInstance() != null || Macro.getOptions() != null || Interpreter.isBatchMode();
	}
}
