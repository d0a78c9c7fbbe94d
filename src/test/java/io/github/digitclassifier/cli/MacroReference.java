package io.github.digitclassifier.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;

import ij.ImagePlus;
import io.github.digitclassifier.HeadlessContext;
import io.github.digitclassifier.command.Keys;

/**
 * Writes docs/macro-reference.md from the commands' own parameters (the source of the dialogs,
 * the macro keys and the command line's help), so that the reference cannot drift from them;
 * MacroReferenceTest checks that the committed file is what this writes.
 * Argument: the file to write.
 */
public final class MacroReference {

	static final Path FILE = Path.of("docs/macro-reference.md");

	private MacroReference() {}

	public static void main(final String[] args) throws IOException {
		Files.writeString(Path.of(args[0]), text());
	}

	/** The reference, entry by entry in the menu's order. */
	static String text() throws IOException {
		final CommandService commands = HeadlessContext.get().service(CommandService.class);
		final Map<String, String> verbs = new LinkedHashMap<>();
		Main.VERBS.forEach((verb, command) -> verbs.put(command.getName(), verb));
		final StringBuilder text = new StringBuilder("""
			# Macro reference

			Made from the commands' own parameters by `MacroReference` (a test checks that this file is
			current: run `scripts/macro-reference.sh` after changing a parameter). Every key is read exactly
			(`key=value`, a value with spaces in `[...]`); a key left out takes its default; an unknown or
			repeated key stops the macro, naming it. The command line takes the same keys
			(`bin/digit-classifier <verb> key=value ...`).

			""");
		final Matcher entry = Pattern.compile("Plugins>Digit Classifier, \"([^\"]+)\", io\\.github\\.digitclassifier\\.ij1\\.plugin\\.CommandPlugIn\\(\"([\\w.]+)\"\\)")
			.matcher(Files.readString(Path.of("plugins.config")));
		while (entry.find()) {
			final CommandInfo info = commands.getCommand(entry.group(2));
			final List<ModuleItem<?>> keys = Keys.of(info);
			text.append("## ").append(entry.group(1)).append("\n\n");
			final String verb = verbs.get(entry.group(2));
			text.append("Command line: ").append(verb == null ? "none (it needs ImageJ's windows)" : "`" + verb + "`");
			if (keys.stream().anyMatch(k -> k.getType() == ImagePlus.class)) {
				text.append("; in ImageJ it works on the current image (the command line takes `image=<file>`)");
			}
			text.append(".\n\n| key | default | what it is |\n| --- | --- | --- |\n");
			final Module defaults = Keys.defaults(info);
			for (final ModuleItem<?> item : keys) {
				if (item.getType() == ImagePlus.class) continue;
				final Object value = defaults.getInput(item.getName());
				String meaning = item.getLabel();
				if (!Keys.choices(item).isEmpty()) meaning += ": " + String.join(", ", Keys.choices(item));
				if (item.getDescription() != null && !item.getDescription().isBlank()) meaning += ". " + item.getDescription();
				final String shown = Keys.text(value).isEmpty() ? "(empty)" : "`" + Keys.text(value) + "`";
				text.append("| `").append(item.getName()).append("` | ").append(item.isRequired() && value == null ? "(required)" : shown)
					.append(" | ").append(meaning.replace("|", "\\|")).append(" |\n");
			}
			text.append('\n');
		}
		return text.toString();
	}
}
