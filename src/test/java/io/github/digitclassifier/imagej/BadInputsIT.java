package io.github.digitclassifier.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.digitclassifier.BadInputs;

/**
 * Every bad input in a fresh ImageJ 1 and a fresh Fiji, installed as users install them: the macro
 * stops at the command (ImageJ exits 1), the Log holds one line naming the file or key and no
 * stack trace, no partial file is written and the user's files stay as they were.
 */
class BadInputsIT {

	@TempDir
	Path dir;

	@Test
	void everyMistakeAbortsTheMacroWithOneLineInImageJAndFiji() throws Exception {
		final List<BadInputs.Case> cases = BadInputs.cases(Files.createDirectories(dir.resolve("inputs")));
		final Map<String, String> labels = menuLabels();
		final Installations.Fiji fiji = Installations.fiji(dir);
		final Map<String, Callable<String>> runs = new LinkedHashMap<>();
		for (final Installations.Layout layout : List.of(Installations.Layout.IMAGEJ, Installations.Layout.FIJI)) {
			for (final BadInputs.Case c : cases) {
				final Path work = Files.createDirectories(dir.resolve("runs/" + runs.size()));
				final String macro = c.macroBefore() + "\nrun(\"" + labels.get(c.command().getName()) + "\", \"" + c.options().replace("\"", "\\\"") +
					"\");\nprint(\"after the failure\");";
				runs.put(layout + ": " + c.name(), () -> failureOf(layout, fiji, c, macro, work));
			}
		}
		final List<String> failures = Installations.failures(runs);
		assertEquals(List.of(), failures, failures.size() + " of " + runs.size() + " runs went wrong");
	}

	/** Null when the case failed as it must, else what went wrong. */
	private static String failureOf(final Installations.Layout layout, final Installations.Fiji fiji, final BadInputs.Case c,
		final String macro, final Path work) throws Exception
	{
		final Map<Path, byte[]> before = new HashMap<>();
		for (final Path file : c.unchanged()) before.put(file, Files.readAllBytes(file));
		final ImageJRunner.Run run = Installations.run(layout, fiji, macro, work, 300);
		if (run.hung() || run.exitCode() != 1 || run.stdout().contains("after the failure")) return "did not abort\n" + run.describe();
		final String said = run.stdout() + run.stderr();
		final List<String> errors = said.lines().filter(l -> l.startsWith("Digit Classifier error: ")).toList();
		if (errors.size() != 1 || !errors.get(0).contains(c.message())) return "'" + c.message() + "' not the one error line\n" + run.describe();
		if (said.contains("\tat ") || said.contains("This is a bug")) return "a stack trace\n" + run.describe();
		for (final Path file : c.absent()) {
			if (Files.exists(file)) return file + " was written";
		}
		for (final Path file : c.unchanged()) {
			if (java.util.Arrays.mismatch(before.get(file), Files.readAllBytes(file)) != -1) return file + " changed";
		}
		return null;
	}

	/** Each command's menu label, from plugins.config. */
	private static Map<String, String> menuLabels() throws java.io.IOException {
		final Map<String, String> labels = new HashMap<>();
		final Matcher entry = Pattern.compile("Plugins>Digit Classifier, \"([^\"]+)\", io\\.github\\.digitclassifier\\.ij1\\.plugin\\.CommandPlugIn\\(\"([\\w.]+)\"\\)")
			.matcher(Files.readString(Path.of("plugins.config")));
		while (entry.find()) labels.put(entry.group(2), entry.group(1));
		return labels;
	}
}
