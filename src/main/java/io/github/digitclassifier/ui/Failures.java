package io.github.digitclassifier.ui;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;

/**
 * What to tell the user of a failed command, wherever it ran: a user's mistake (a bad key, path,
 * value or file) in one line naming the file or key; only a bug brings its stack trace, with a
 * request to report it. In ui, below the commands, so that ij1 words failures as cli does
 * without depending on the commands.
 */
public final class Failures {

	public static final String TITLE = "Digit Classifier";

	private Failures() {}

	/** The one line that tells the failure. */
	public static String line(final Throwable failure) {
		return TITLE + " error: " + messageOf(failure);
	}

	/** The line, with the bug report under it when it is a bug. */
	public static String text(final Throwable failure) {
		final String bug = bugReport(failure);
		return bug == null ? line(failure) : line(failure) + "\n" + bug;
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
}
