package io.github.digitclassifier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Subprocesses of the tests with a time limit that holds: output is read on threads of its own
 * while the test waits, a process past its limit is killed with its children, and the output is
 * whole (its readers joined) before anyone reads it.
 */
public final class Processes {

	/** What came of a process: its exit code (-1 when killed), whether it outlived its limit, what it printed. */
	public record Result(int exitCode, boolean timedOut, String stdout, String stderr) {

		public String describe() {
			return (timedOut ? "TIMED OUT" : "exit " + exitCode) + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
		}
	}

	private Processes() {}

	public static Result run(final ProcessBuilder builder, final int timeoutSeconds) throws IOException, InterruptedException {
		final Process process = builder.start();
		final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		final Thread outReader = drain(process.getInputStream(), out), errReader = drain(process.getErrorStream(), err);
		final boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
		if (!finished) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly().waitFor();
		}
		outReader.join();
		errReader.join();
		return new Result(finished ? process.exitValue() : -1, !finished, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private static Thread drain(final InputStream in, final ByteArrayOutputStream buffer) {
		final Thread thread = new Thread(() -> {
			try (in) {
				in.transferTo(buffer);
			}
			catch (final IOException e) {
				throw new UncheckedIOException(e);
			}
		});
		thread.setDaemon(true);
		thread.start();
		return thread;
	}
}
