package io.github.digitclassifier.cli;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;

import ij.IJ;
import ij.ImagePlus;
import io.github.digitclassifier.command.ClassifyFolderCommand;
import io.github.digitclassifier.command.ClassifyImageCommand;
import io.github.digitclassifier.command.EvaluateCommand;
import io.github.digitclassifier.command.ExportModelCommand;
import io.github.digitclassifier.command.ImportClassFoldersCommand;
import io.github.digitclassifier.command.ReadNumberCommand;
import io.github.digitclassifier.command.ReadNumbersInFolderCommand;
import io.github.digitclassifier.command.TrainCommand;
import io.github.digitclassifier.ij1.Contexts;
import io.github.digitclassifier.ij1.Failures;

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
		VERBS.put("read", ReadNumberCommand.class);
		VERBS.put("read-folder", ReadNumbersInFolderCommand.class);
		VERBS.put("export", ExportModelCommand.class);
	}

	private Main() {}

	public static void main(final String[] args) {
		System.setProperty("java.awt.headless", "true");
		// A failed command has said why; SciJava's stack trace of it would bury that line.
		System.setProperty("scijava.log.level:org.scijava.module", "none");
		final Context context = Contexts.create();
		final int status = run(context, args);
		context.dispose();
		System.exit(status);
	}

	static int run(final Context context, final String[] args) {
		final CommandService commands = context.service(CommandService.class);
		if (args.length == 0 || !VERBS.containsKey(args[0])) {
			System.err.println(usage(commands));
			return 2;
		}
		try {
			final CommandInfo info = commands.getCommand(VERBS.get(args[0]));
			final CommandModule module = commands.run(info, true, inputs(info, args)).get();
			if (module.isCanceled()) throw new IllegalStateException(String.valueOf(module.getCancelReason()));
			return 0;
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			return 1;
		}
		catch (final Exception e) {
			Failures.report(e);
			return 1;
		}
	}

	/** The inputs named by {@code key=value} words, converted to the parameters' types. */
	static Map<String, Object> inputs(final CommandInfo info, final String[] args) {
		final Map<String, ModuleItem<?>> items = new LinkedHashMap<>();
		for (final ModuleItem<?> item : info.inputs()) {
			if (!Service.class.isAssignableFrom(item.getType())) items.put(item.getName(), item);
		}
		final Map<String, Object> inputs = new LinkedHashMap<>();
		for (int i = 1; i < args.length; i++) {
			final int eq = args[i].indexOf('=');
			if (eq <= 0) throw new IllegalArgumentException("Expected key=value, got '" + args[i] + "'");
			final String key = args[i].substring(0, eq);
			String value = args[i].substring(eq + 1);
			if (value.startsWith("[") && value.endsWith("]")) value = value.substring(1, value.length() - 1);
			final ModuleItem<?> item = items.get(key);
			if (item == null) throw new IllegalArgumentException("Unknown key '" + key + "' for " + args[0] + ": known keys are " + items.keySet());
			inputs.put(key, convert(key, value, item.getType()));
		}
		return inputs;
	}

	private static Object convert(final String key, final String value, final Class<?> type) {
		try {
			if (type == File.class) return new File(value);
			if (type == int.class) return Integer.valueOf(value.trim());
			if (type == long.class) return Long.valueOf(value.trim());
			if (type == double.class) return Double.valueOf(value.trim());
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException(key + " must be a number, not '" + value + "'");
		}
		if (type == boolean.class) {
			if (value.equals("true") || value.equals("false")) return Boolean.valueOf(value);
			throw new IllegalArgumentException(key + " must be true or false, not '" + value + "'");
		}
		if (type == ImagePlus.class) {
			final ImagePlus image = IJ.openImage(value);
			if (image == null) throw new IllegalArgumentException(key + ": cannot open image " + value);
			return image;
		}
		return value;
	}

	private static String usage(final CommandService commands) {
		final StringBuilder text = new StringBuilder("usage: digit-classifier <verb> key=value ...\n");
		for (final Map.Entry<String, Class<? extends Command>> verb : VERBS.entrySet()) {
			final List<String> keys = new ArrayList<>();
			for (final ModuleItem<?> item : commands.getCommand(verb.getValue()).inputs()) {
				if (!Service.class.isAssignableFrom(item.getType())) keys.add(item.getName());
			}
			text.append(String.format("  %-15s %s%n", verb.getKey(), String.join(" ", keys)));
		}
		return text.toString();
	}
}
