package io.github.digitclassifier.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

/** Errors of the Java machine reach the user as words to act on, like any other failure. */
class FailuresTest {

	@Test
	void aMissingClassNamesItAndSaysWhatToDo() {
		// What a command said when Fiji's installer had skipped ND4J's shaded guava.
		final String message = Failures.messageOf(new ExecutionException(
			new NoClassDefFoundError("org/nd4j/shade/guava/util/concurrent/AtomicDouble")));
		assertTrue(message.contains("org/nd4j/shade/guava/util/concurrent/AtomicDouble") && message.contains("reinstall Digit Classifier"), message);
	}

	@Test
	void aNativeLibraryThatCannotLoadIsNamed() {
		final String message = Failures.messageOf(new UnsatisfiedLinkError("no jnind4jcpu in java.library.path"));
		assertTrue(message.contains("native library") && message.contains("jnind4jcpu"), message);
	}

	@Test
	void outOfMemorySaysWhereToGiveMore() {
		final String message = Failures.messageOf(new RuntimeException("wrapped", new OutOfMemoryError("Java heap space")));
		assertTrue(message.contains("Out of memory") && message.contains("Edit > Options > Memory & Threads"), message);
	}

	@Test
	void aFailedStaticInitialiserGivesItsCausesMessage() {
		final String message = Failures.messageOf(new ExceptionInInitializerError(new IllegalStateException("ND4J backend not found")));
		assertTrue(message.equals("ND4J backend not found"), message);
	}
}
