package io.github.digitclassifier.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
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
		final List<String> wrong = new ArrayList<>();
		int run = 0;
		for (final BadInputs.Case c : BadInputs.cases(dir)) {
			if (!c.onCommandLine()) continue;
			final String problem = problem(c, verbs.get(c.command()));
			if (problem != null) wrong.add(c.name() + ": " + problem);
			run++;
		}
		// Every case is looked at before failing, so that one run tells all that is wrong.
		assertTrue(wrong.isEmpty(), wrong.size() + " of " + run + " cases went wrong:\n" + String.join("\n", wrong));
		assertTrue(run >= 30, run + " cases");
	}

	/** What is wrong with how the command line met the case; null when nothing is. */
	private static String problem(final BadInputs.Case c, final String verb) throws Exception {
		final Map<Path, byte[]> before = new HashMap<>();
		for (final Path file : c.unchanged()) before.put(file, Files.readAllBytes(file));
		final PrintStream err = System.err;
		final ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
		final int status;
		try {
			status = Main.run(context, BadInputs.commandLine(verb, c));
		}
		finally {
			System.setErr(err);
		}
		final String said = captured.toString(StandardCharsets.UTF_8);
		final String[] lines = said.strip().split("\n");
		final String line = lines[lines.length - 1];
		System.out.println("bad input: " + c.name() + " -> " + line);
		if (status != 1) return "exit status " + status + ", not 1: " + said;
		if (!line.startsWith("Digit Classifier error: ") || !line.contains(c.message())) return "'" + c.message() + "' not in " + said;
		if (said.contains("\tat ") || said.contains("This is a bug")) return "a stack trace: " + said;
		for (final Path file : c.absent()) if (Files.exists(file)) return file + " was written";
		for (final Path file : c.unchanged()) if (!Arrays.equals(before.get(file), Files.readAllBytes(file))) return file + " changed";
		return null;
	}
}
