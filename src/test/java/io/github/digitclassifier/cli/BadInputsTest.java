package io.github.digitclassifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;

import io.github.digitclassifier.BadInputs;
import io.github.digitclassifier.HeadlessContext;

/** Every bad input the command line can be given: exit 1, one line naming the file or key, nothing written. */
class BadInputsTest {

	private static final Context context = HeadlessContext.get();

	@TempDir
	Path dir;

	@Test
	void everyMistakeIsOneLineAndWritesNothing() throws Exception {
		final Map<Class<?>, String> verbs = new HashMap<>();
		Main.VERBS.forEach((verb, command) -> verbs.put(command, verb));
		int run = 0;
		for (final BadInputs.Case c : BadInputs.cases(dir)) {
			if (!c.onCommandLine()) continue;
			final Map<Path, byte[]> before = new HashMap<>();
			for (final Path file : c.unchanged()) before.put(file, Files.readAllBytes(file));
			final PrintStream err = System.err;
			final ByteArrayOutputStream captured = new ByteArrayOutputStream();
			System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
			final int status;
			try {
				status = Main.run(context, BadInputs.commandLine(verbs.get(c.command()), c));
			}
			finally {
				System.setErr(err);
			}
			final String said = captured.toString(StandardCharsets.UTF_8);
			assertEquals(1, status, c.name() + ": " + said);
			final String[] lines = said.strip().split("\n");
			final String line = lines[lines.length - 1];
			assertTrue(line.startsWith("Digit Classifier error: ") && line.contains(c.message()), c.name() + ": '" + c.message() + "' not in " + said);
			assertFalse(said.contains("\tat ") || said.contains("This is a bug"), c.name() + ": " + said);
			for (final Path file : c.absent()) assertFalse(Files.exists(file), c.name() + ": " + file + " was written");
			for (final Path file : c.unchanged()) assertEquals(-1, java.util.Arrays.mismatch(before.get(file), Files.readAllBytes(file)), c.name() + ": " + file + " changed");
			System.out.println("bad input, as expected: " + c.name() + " -> " + line);
			run++;
		}
		assertTrue(run >= 3, run + " cases");
	}
}
