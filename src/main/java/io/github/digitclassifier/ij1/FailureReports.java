package io.github.digitclassifier.ij1;

import java.util.concurrent.CancellationException;

import ij.IJ;
import ij.Macro;
import ij.macro.Interpreter;
import io.github.digitclassifier.ui.Failures;

/**
 * Reports a failed command the way its caller in ImageJ can see it: in a macro, one line in the
 * Log and the macro aborted (never a modal dialog); interactively, an error dialog; with no
 * display, standard error. What is said is {@link Failures}'.
 */
public final class FailureReports {

	private FailureReports() {}

	/** Tells the user of the failure. */
	public static void report(final Throwable failure) {
		if (macroRunning()) {
			IJ.log(Failures.text(failure));
			abortMacro(Failures.line(failure));
		}
		else if (failure instanceof CancellationException) {
			IJ.showStatus(Failures.TITLE + ": " + Failures.messageOf(failure) + "; nothing was saved"); // the user asked for it: no error dialog
		}
		else if (Displays.available()) {
			if (Failures.isBug(failure)) IJ.log(Failures.text(failure));
			IJ.error(Failures.TITLE, Failures.messageOf(failure));
		}
		else {
			System.err.println(Failures.text(failure));
		}
	}

	/** ImageJ's own ending of a macro (Esc, an abort), which is no failure and must pass through untouched. */
	public static boolean isMacroAbort(final Throwable failure) {
		return failure instanceof ThreadDeath || failure instanceof RuntimeException && Macro.MACRO_CANCELED.equals(failure.getMessage());
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
