package io.github.digitclassifier.backend;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * How long libnd4j's idle OpenMP threads spin before they sleep. GNU OpenMP (libgomp, on which the
 * Linux builds of libnd4j and its OneDNN run) spins 300,000 rounds after each parallel region
 * unless told otherwise: with Intel's PAUSE instruction at about 140 cycles, milliseconds, longer
 * than the gaps between a training step's native operations. So while the plugin's own layers run
 * in Java on every core, ND4J's idle OpenMP threads spin on those cores and take their CPU time;
 * with {@value #ROUNDS} rounds they sleep soon enough to leave the cores to Java. libgomp reads
 * {@code GOMP_SPINCOUNT} once, when it loads, so it is set in the process's environment before
 * ND4J starts, through JNA (which Fiji ships); a spin count or wait policy the user set stands.
 */
final class OpenMpSpin {

	static final String SPIN_COUNT = "GOMP_SPINCOUNT";
	static final String WAIT_POLICY = "OMP_WAIT_POLICY";
	static final String ROUNDS = "10000";

	private OpenMpSpin() {}

	/** The C library's environment, which libgomp reads (the JVM's {@link System#getenv()} is a copy taken at its start). */
	interface CLibrary extends Library {
		int setenv(String name, String value, int overwrite);

		String getenv(String name);
	}

	/**
	 * The spin count to set for a process started with {@code environment} on {@code osName}:
	 * {@value #ROUNDS} on Linux (the only platform whose libnd4j uses libgomp) unless the user chose
	 * how OpenMP waits.
	 */
	static Optional<String> spinCount(final Map<String, String> environment, final String osName) {
		final boolean chosen = environment.containsKey(SPIN_COUNT) || environment.containsKey(WAIT_POLICY);
		return chosen || !osName.toLowerCase(Locale.ROOT).startsWith("linux") ? Optional.empty() : Optional.of(ROUNDS);
	}

	/** Call before ND4J's natives load. Without JNA the spinning stays: slower, not wrong. */
	static void limit() {
		spinCount(System.getenv(), System.getProperty("os.name", "")).ifPresent(rounds -> {
			try {
				cLibrary().setenv(SPIN_COUNT, rounds, 0);
			}
			catch (final LinkageError | RuntimeException noJna) {
				System.getLogger(OpenMpSpin.class.getName()).log(System.Logger.Level.DEBUG, "GOMP_SPINCOUNT not set", noJna);
			}
		});
	}

	static CLibrary cLibrary() {
		return Native.load("c", CLibrary.class);
	}
}
