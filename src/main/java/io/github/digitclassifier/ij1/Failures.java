package io.github.digitclassifier.ij1;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;

import ij.IJ;
import ij.Macro;
import ij.macro.Interpreter;

/**
 * Reports a failed command the way its caller can see it: in a macro, one line in the Log and
 * the macro aborted (never a modal dialog); interactively, an error dialog; with no display,
 * standard error. A user's mistake (a bad key, path, value or file) is told in one line naming
 * the file or key; only a bug brings its stack trace, with a request to report it.
 */
public final class Failures {

	public static final String TITLE = "Digit Classifier";

	private Failures() {}

	/** Tells the user of the failure. */
	public static void report(final Throwable failure) {
		final String line = TITLE + " error: " + messageOf(failure);
		final String bug = bugReport(failure);
		if (macroRunning()) {
			IJ.log(bug == null ? line : line + "\n" + bug);
			abortMacro(line);
		}
		else if (failure instanceof CancellationException) {
			IJ.showStatus(TITLE + ": " + messageOf(failure) + "; nothing was saved"); // the user asked for it: no error dialog
		}
		else if (Displays.available()) {
			if (bug != null) IJ.log(line + "\n" + bug);
			IJ.error(TITLE, messageOf(failure));
		}
		else {
			System.err.println(bug == null ? line : line + "\n" + bug);
		}
	}

	/** For a bug, the request to report it and the stack trace; null for a user's mistake. */
	public static String bugReport(final Throwable failure) {
		if (!isBug(failure)) return null;
		final StringWriter trace = new StringWriter();
		failure.printStackTrace(new PrintWriter(trace));
		return "This is a bug of Digit Classifier: please report it with what you ran and these lines:\n" + trace;
	}

	/**
	 * Whether the failure is a bug rather than the user's mistake: nothing in it says what was wrong
	 * with a key, a file or the machine (an IllegalArgumentException, an I/O failure, a
	 * cancellation, an Error of the Java machine with advice).
	 */
	public static boolean isBug(final Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof IllegalArgumentException || t instanceof IOException || t instanceof UncheckedIOException ||
				t instanceof CancellationException || adviceFor(t) != null) return false;
		}
		return true;
	}

	/** ImageJ's own ending of a macro (Esc, an abort), which is no failure and must pass through untouched. */
	public static boolean isMacroAbort(final Throwable failure) {
		return failure instanceof ThreadDeath || failure instanceof RuntimeException && Macro.MACRO_CANCELED.equals(failure.getMessage());
	}

	/**
	 * What to tell the user: advice for an Error of the Java machine, else the outermost message
	 * that is not a wrapper's (SciJava's, concurrency's, unchecked I/O's).
	 */
	public static String messageOf(final Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			final String advice = adviceFor(t);
			if (advice != null) return advice;
		}
		for (Throwable t = failure; t != null; t = t.getCause()) {
			final boolean wrapper = t instanceof java.util.concurrent.ExecutionException ||
				t instanceof java.util.concurrent.CompletionException || t instanceof UncheckedIOException ||
				t.getClass().getName().startsWith("org.scijava.");
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

	/** A macro runs on this thread, or ImageJ runs one in batch mode. */
	static boolean macroRunning() {
		return Interpreter.getInstance() != null || Macro.getOptions() != null || Interpreter.isBatchMode();
	}

	/**
	 * Stops the macro after the command that failed, with no dialog and no wait: as an error that
	 * ImageJ has been told to ignore, which ends the macro. (Interpreter.abort() would wait two
	 * seconds for the macro to end and then stop every macro thread, so that the command's own
	 * thread died of a ThreadDeath.)
	 */
	private static void abortMacro(final String message) {
		final Interpreter macro = Interpreter.getInstance();
		if (macro == null) return;
		macro.setIgnoreErrors(true);
		macro.abort(message);
	}
}
