package io.github.digitclassifier.command;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.module.Module;
import org.scijava.module.ModuleException;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;

import io.github.digitclassifier.model.MacroValue;

/**
 * The keys of a command, the one reading of {@code key=value} text that the macros, the dialogs
 * and the command line share: a key is a parameter's name, read exactly (never found inside a
 * longer key), given at most once; a value converts to the parameter's type with a message naming
 * the key when it cannot.
 */
public final class Keys {

	private Keys() {}

	/** The inputs a person gives: every parameter but the services and the Context. */
	public static List<ModuleItem<?>> of(final CommandInfo info) {
		final List<ModuleItem<?>> keys = new ArrayList<>();
		for (final ModuleItem<?> item : info.inputs()) {
			final Class<?> type = item.getType();
			if (!Service.class.isAssignableFrom(type) && !Context.class.isAssignableFrom(type)) keys.add(item);
		}
		return keys;
	}

	/**
	 * Splits macro options ({@code key=value key=[a value with spaces] flag}) into keys and their
	 * texts, in order, as ImageJ writes them: a value in {@code [...]} (brackets may nest) or
	 * {@code '...'}, else up to the next space; a word without {@code =} has a null text. A key
	 * given twice is an error.
	 */
	public static Map<String, String> parse(final String options) {
		final Map<String, String> given = new LinkedHashMap<>();
		final String text = options == null ? "" : options;
		int i = 0;
		while (i < text.length()) {
			if (Character.isWhitespace(text.charAt(i))) {
				i++;
				continue;
			}
			int end = i;
			while (end < text.length() && text.charAt(end) != '=' && !Character.isWhitespace(text.charAt(end))) end++;
			final String key = text.substring(i, end);
			String value = null;
			i = end;
			if (i < text.length() && text.charAt(i) == '=') {
				i++;
				final int valueEnd = valueEnd(text, i, key);
				final boolean quoted = i < text.length() && (text.charAt(i) == '[' || text.charAt(i) == '\'');
				value = quoted ? text.substring(i + 1, valueEnd - 1) : text.substring(i, valueEnd);
				i = valueEnd;
			}
			if (given.containsKey(key)) throw new IllegalArgumentException("The key " + key + " is given twice: give it once");
			given.put(key, value);
		}
		return given;
	}

	/** Where the value starting at {@code from} ends: after its closing bracket or quote, else at a space. */
	private static int valueEnd(final String text, final int from, final String key) {
		if (from < text.length() && text.charAt(from) == '[') {
			int depth = 0;
			for (int i = from; i < text.length(); i++) {
				if (text.charAt(i) == '[') depth++;
				else if (text.charAt(i) == ']' && --depth == 0) return i + 1;
			}
			throw new IllegalArgumentException("The value of " + key + " opens a [ that is never closed");
		}
		if (from < text.length() && text.charAt(from) == '\'') {
			final int close = text.indexOf('\'', from + 1);
			if (close < 0) throw new IllegalArgumentException("The value of " + key + " opens a ' that is never closed");
			return close + 1;
		}
		int end = from;
		while (end < text.length() && !Character.isWhitespace(text.charAt(end))) end++;
		return end;
	}

	/**
	 * The inputs named by {@code given}, converted to their parameters' types. A key the command
	 * does not have is an error that lists the keys it has.
	 */
	public static Map<String, Object> inputs(final CommandInfo info, final Map<String, String> given) {
		return inputs(info, given, Set.of());
	}

	/** As {@link #inputs(CommandInfo, Map)}, without the keys the host gives itself (the current image). */
	public static Map<String, Object> inputs(final CommandInfo info, final Map<String, String> given, final Set<String> hostKeys) {
		final Map<String, ModuleItem<?>> items = new LinkedHashMap<>();
		for (final ModuleItem<?> item : of(info)) {
			if (!hostKeys.contains(item.getName())) items.put(item.getName(), item);
		}
		final Map<String, Object> inputs = new LinkedHashMap<>();
		for (final Map.Entry<String, String> entry : given.entrySet()) {
			final ModuleItem<?> item = items.get(entry.getKey());
			if (item == null) {
				throw new IllegalArgumentException("Unknown key " + entry.getKey() + " for " + info.getTitle() + ": its keys are " +
					String.join(", ", items.keySet()));
			}
			inputs.put(entry.getKey(), value(item, entry.getValue()));
		}
		return inputs;
	}

	/** The value of a key from its text (null: the key alone, a flag). */
	public static Object value(final ModuleItem<?> item, final String text) {
		final String key = item.getName();
		final Class<?> type = item.getType();
		if (type == boolean.class || type == Boolean.class) {
			if (text == null || text.equals("true")) return true;
			if (text.equals("false")) return false;
			throw new IllegalArgumentException(key + " must be true or false, not '" + text + "'");
		}
		if (text == null) throw new IllegalArgumentException(key + " needs a value: " + key + "=...");
		if (type == File.class) return new File(text.trim());
		if (type == int.class || type == Integer.class) return (int) whole(key, text, Integer.MIN_VALUE, Integer.MAX_VALUE);
		if (type == long.class || type == Long.class) return whole(key, text, Long.MIN_VALUE, Long.MAX_VALUE);
		if (type == double.class || type == Double.class) {
			try {
				return Double.valueOf(text.trim());
			}
			catch (final NumberFormatException e) {
				throw new IllegalArgumentException(key + " must be a number, not '" + text + "'");
			}
		}
		final List<String> choices = choices(item);
		if (!choices.isEmpty() && !choices.contains(text.trim())) {
			throw new IllegalArgumentException(key + " must be one of " + String.join(", ", choices) + ", not '" + text + "'");
		}
		if (type.isEnum()) return item.getChoices().get(choices.indexOf(text.trim()));
		if (type == String.class) return choices.isEmpty() ? text : text.trim();
		throw new IllegalArgumentException(key + " cannot be given as text");
	}

	/** A value as a macro writes it: an enum of macro values by its id, anything else as its text; null as empty. */
	public static String text(final Object value) {
		if (value == null) return "";
		return value instanceof MacroValue m ? m.id() : value.toString();
	}

	/** The texts a key may take, in order; empty when any text goes. */
	public static List<String> choices(final ModuleItem<?> item) {
		final List<?> choices = item.getChoices();
		return choices == null ? List.of() : choices.stream().map(Keys::text).toList();
	}

	private static long whole(final String key, final String text, final long min, final long max) {
		final String trimmed = text.trim();
		double number;
		try {
			// A number written with a fraction or an exponent may still be whole: 4.0, 1e3.
			number = Long.parseLong(trimmed);
		}
		catch (final NumberFormatException notALong) {
			try {
				number = Double.parseDouble(trimmed);
			}
			catch (final NumberFormatException notANumber) {
				number = Double.NaN;
			}
		}
		if (number != Math.rint(number)) throw new IllegalArgumentException(key + " must be a whole number, not '" + text + "'");
		if (number < min || number > max) throw new IllegalArgumentException(key + " must be at most " + max + ", not " + trimmed);
		return trimmed.matches("[+-]?\\d+") ? Long.parseLong(trimmed) : (long) number;
	}

	/** A new instance of the command, whose inputs hold the keys' defaults (the values its fields start with). */
	public static Module defaults(final CommandInfo info) {
		try {
			return info.createModule();
		}
		catch (final ModuleException e) {
			throw new IllegalStateException("Cannot create " + info.getTitle() + ": " + e.getMessage(), e);
		}
	}

	/** One line per key: name and default, then what it means (its label, choices and description). */
	public static List<String> help(final CommandInfo info) {
		final Module defaults = defaults(info);
		final List<String> lines = new ArrayList<>();
		for (final ModuleItem<?> item : of(info)) {
			final String shown = text(defaults.getInput(item.getName()));
			final StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-22s %s", item.getName() + "=" + shown,
				item.getLabel() == null ? item.getName() : item.getLabel()));
			if (!choices(item).isEmpty()) line.append(" (").append(String.join(", ", choices(item))).append(')');
			if (item.getDescription() != null && !item.getDescription().isBlank()) line.append(". ").append(item.getDescription());
			lines.add(line.toString());
		}
		return lines;
	}
}
