package io.github.digitclassifier.ij1;

import java.awt.GraphicsEnvironment;

import ij.macro.Interpreter;

/** Whether windows can be shown, and whether they should be. */
public final class Displays {

	private Displays() {}

	/** A display exists: tables can be shown (batch-mode macros see them too). */
	public static boolean available() {
		return !GraphicsEnvironment.isHeadless();
	}

	/** A person may be watching: a display, and no batch-mode macro running. */
	public static boolean interactive() {
		return available() && !Interpreter.isBatchMode();
	}
}
