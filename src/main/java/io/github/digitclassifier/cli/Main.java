package io.github.digitclassifier.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

import ij.ImagePlus;
import io.github.digitclassifier.command.ClassifyFolderCommand;
import io.github.digitclassifier.command.ClassifyImageCommand;
import io.github.digitclassifier.command.Commands;
import io.github.digitclassifier.command.EvaluateCommand;
import io.github.digitclassifier.command.EvaluateReaderCommand;
import io.github.digitclassifier.command.ExplainCommand;
import io.github.digitclassifier.command.ExportModelCommand;
import io.github.digitclassifier.command.HeadlessTrainingWatch;
import io.github.digitclassifier.command.ImportClassFoldersCommand;
import io.github.digitclassifier.command.Keys;
import io.github.digitclassifier.command.ReadNumberCommand;
import io.github.digitclassifier.command.ReadNumbersInFolderCommand;
import io.github.digitclassifier.command.TrainCommand;
import io.github.digitclassifier.command.TrainReaderCommand;
import io.github.digitclassifier.ui.Failures;

/**
 * The headless command line: {@code digit-classifier <verb> key=value ...} runs the same SciJava
 * commands as the menus, with the macro keys. Tables are printed as CSV; exit status 1 on failure.
 */
public final class Main {

	static final Map<String, Class<? extends Command>> VERBS = new LinkedHashMap<>();

	static {
		VERBS.put("import", ImportClassFoldersCommand.class);
		VERBS.put("train", TrainCommand.class);
		VERBS.put("evaluate", EvaluateCommand.class);
		VERBS.put("classify", ClassifyFolderCommand.class);
		VERBS.put("classify-image", ClassifyImageCommand.class);
		VERBS.put("explain", ExplainCommand.class);
		VERBS.put("read", ReadNumberCommand.class);
		VERBS.put("read-folder", ReadNumbersInFolderCommand.class);
		VERBS.put("evaluate-reader", EvaluateReaderCommand.class);
		VERBS.put("train-reader", TrainReaderCommand.class);
		VERBS.put("export", ExportModelCommand.class);
	}

	private Main() {}

	public static void main(final String[] args) {
		System.setProperty("java.awt.headless", "true");
		// A failed command has said why; SciJava's stack trace of it would bury that line.
		System.setProperty("scijava.log.level:org.scijava.module", "none");
		final Context context = Commands.context(HeadlessTrainingWatch.class);
		final int status = run(context, args);
		context.dispose();
		System.exit(status);
	}

	static int run(final Context context, final String[] args) {
		final CommandService commands = context.service(CommandService.class);
		if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help") && args.length == 1) {
			System.out.println(usage(commands));
			return args.length == 0 ? 2 : 0;
		}
		if (args[0].equals("help") || args.length > 1 && (args[1].equals("--help") || args[1].equals("-h"))) {
			final String verb = args[0].equals("help") ? args[1] : args[0];
			if (!VERBS.containsKey(verb)) return unknownVerb(verb);
			System.out.println(help(commands, verb));
			return 0;
		}
		if (!VERBS.containsKey(args[0])) return unknownVerb(args[0]);
		try {
			final CommandInfo info = commands.getCommand(VERBS.get(args[0]));
			Commands.run(context, info, inputs(info, args));
			return 0;
		}
		catch (final Exception | Error e) { // an Error too: a missing class or native library, memory
			System.err.println(Failures.text(e));
			return 1;
		}
	}

	private static int unknownVerb(final String verb) {
		System.err.println("digit-classifier: unknown verb '" + verb + "'; the verbs are " + String.join(", ", VERBS.keySet()) +
			" (digit-classifier --help lists them with their keys)");
		return 2;
	}

	/** The inputs named by {@code key=value} words, read as the macros read their keys. */
	static Map<String, Object> inputs(final CommandInfo info, final String[] args) throws IOException {
		final Map<String, String> given = new LinkedHashMap<>();
		for (int i = 1; i < args.length; i++) {
			final int eq = args[i].indexOf('=');
			if (eq <= 0) throw new IllegalArgumentException("Expected key=value, got '" + args[i] + "'");
			final String key = args[i].substring(0, eq);
			String value = args[i].substring(eq + 1);
			if (value.startsWith("[") && value.endsWith("]")) value = value.substring(1, value.length() - 1);
			if (given.containsKey(key)) throw new IllegalArgumentException("The key " + key + " is given twice: give it once");
			given.put(key, value);
		}
		final Set<String> imageKeys = new HashSet<>();
		for (final ModuleItem<?> item : Keys.of(info)) {
			if (item.getType() == ImagePlus.class) imageKeys.add(item.getName());
		}
		final Map<String, Object> inputs = new LinkedHashMap<>(Keys.inputs(info, without(given, imageKeys), imageKeys));
		for (final String key : imageKeys) {
			final String path = given.get(key);
			if (path == null) throw new IllegalArgumentException("Missing " + key + "=<file>: the image to work on");
			inputs.put(key, Images.open(key, Path.of(path)));
		}
		return inputs;
	}

	private static Map<String, String> without(final Map<String, String> given, final Set<String> keys) {
		final Map<String, String> rest = new LinkedHashMap<>(given);
		rest.keySet().removeAll(keys);
		return rest;
	}

	private static String usage(final CommandService commands) {
		final StringBuilder text = new StringBuilder("usage: digit-classifier <verb> key=value ...  (digit-classifier help <verb>: its keys, defaults and meanings)\n");
		for (final Map.Entry<String, Class<? extends Command>> verb : VERBS.entrySet()) {
			final CommandInfo info = commands.getCommand(verb.getValue());
			text.append(String.format("  %-15s %s: %s%n", verb.getKey(), info.getTitle(),
				String.join(" ", Keys.of(info).stream().map(ModuleItem::getName).toList())));
		}
		return text.toString();
	}

	private static String help(final CommandService commands, final String verb) {
		final CommandInfo info = commands.getCommand(VERBS.get(verb));
		return "digit-classifier " + verb + " key=value ...  (" + info.getTitle() + "; key=default, then what it is)\n" +
			String.join("\n", Keys.help(info));
	}
}
