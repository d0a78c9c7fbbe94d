package io.github.digitclassifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.scijava.command.Command;

import io.github.digitclassifier.command.ClassifyFolderCommand;
import io.github.digitclassifier.command.TrainCommand;

/**
 * The user's mistakes every entry must meet with one line naming the file or key, an aborted
 * macro and no partial output: the same cases for the command line (in process) and for real
 * ImageJ 1 and Fiji installations (a fresh JVM each).
 */
public final class BadInputs {

	/**
	 * One mistake: the command and its macro options; ImageJ macro code run before it (an image to
	 * open, a selection; empty when none: then the command line runs the case too); a fragment the
	 * error line must hold; files that must not exist afterwards; files that must stay byte for byte.
	 */
	public record Case(String name, Class<? extends Command> command, String macroBefore, String options, String message,
		List<Path> absent, List<Path> unchanged)
	{
		public boolean onCommandLine() {
			return macroBefore.isEmpty();
		}
	}

	private BadInputs() {}

	/** The cases, their files made under {@code dir}. */
	public static List<Case> cases(final Path dir) throws IOException {
		final Path train = SyntheticImages.writeShapes(dir.resolve("train"), 3, 1);
		final List<Case> cases = new ArrayList<>();
		cases.add(new Case("missing training folder", TrainCommand.class, "",
			"train_folder=[" + dir.resolve("no such folder") + "] model_file=[" + dir.resolve("m1.zip") + "]",
			"Folder not found: " + dir.resolve("no such folder"), List.of(dir.resolve("m1.zip")), List.of()));
		final Path earlier = Files.writeString(dir.resolve("earlier.zip"), "an earlier model");
		cases.add(new Case("epochs=0", TrainCommand.class, "", "train_folder=[" + train + "] model_file=[" + earlier + "] epochs=0",
			"epochs must be at least 1, not 0", List.of(), List.of(earlier)));
		cases.add(new Case("unknown key", ClassifyFolderCommand.class, "", "folder=[" + train + "] modelfile=[" + earlier + "]",
			"Unknown key modelfile for Classify Folder: its keys are folder, model_file, output_file", List.of(), List.of(earlier)));
		return cases;
	}

	/** The case's options as command-line words (key=value). */
	public static String[] commandLine(final String verb, final Case c) {
		final List<String> words = new ArrayList<>(List.of(verb));
		io.github.digitclassifier.command.Keys.parse(c.options()).forEach((key, value) -> words.add(value == null ? key : key + "=" + value));
		return words.toArray(String[]::new);
	}
}
