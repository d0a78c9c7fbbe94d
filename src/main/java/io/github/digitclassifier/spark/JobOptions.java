package io.github.digitclassifier.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.digitclassifier.read.ReadOptions;

/**
 * The Spark job's keys, given as {@code key=value} words as the command line's verbs take them:
 * read exactly, each once, a path perhaps in {@code [...]}; a key the job does not have is an error
 * that lists the keys.
 */
public record JobOptions(String modelFile, String input, String output, Mode mode, Format format, String master,
	int filesPerPartition, double minConfidence, int digits) implements Serializable
{
	public enum Mode { CLASSIFY, READ }

	public enum Format { CSV, PARQUET }

	/**
	 * Images per partition (and per part file) when not given: enough that a task's start is small
	 * beside its work, few enough that a lost task costs little and memory stays a batch's.
	 */
	public static final int FILES_PER_PARTITION = 4096;

	/** The keys with their defaults and meanings, in the order {@code --help} lists them. */
	static final Map<String, String> KEYS = new LinkedHashMap<>();

	static {
		KEYS.put("input", "(required) a folder (every image in it and its sub-folders), a text file of image paths (one a line; "
			+ "relative ones from the file's folder), or image paths separated by commas; local, hdfs://, s3a://...");
		KEYS.put("output", "(required) the folder for the part files: part-NNNNN.csv (or .parquet), skipped/ for the files "
			+ "that could not be read; a rerun into it skips the parts already written");
		KEYS.put("model_file", "(empty = the bundled model) a model bundle .zip, an .onnx (with its .onnx.json), a bioimage.io "
			+ "package, or for mode=read a number reader model; local, hdfs://, s3a://...");
		KEYS.put("mode", "classify (columns as Classify Folder) or read (columns as Read Numbers in Folder); default classify");
		KEYS.put("format", "csv or parquet; default csv");
		KEYS.put("master", "Spark master; default local[*], or spark-submit's --master");
		KEYS.put("files_per_partition", "images per task and part file; default " + FILES_PER_PARTITION);
		KEYS.put("min_confidence", "mode=read: flag digits under this confidence; default " + ReadOptions.defaults().minConfidence());
		KEYS.put("digits", "mode=read: digits per number (0 = any); default 0");
	}

	public ReadOptions readOptions() {
		return new ReadOptions(minConfidence, digits);
	}

	/** Reads {@code key=value} words; a master given by spark-submit is kept when no master key is given (null). */
	public static JobOptions parse(final List<String> words) {
		final Map<String, String> given = new LinkedHashMap<>();
		for (final String word : words) {
			final int eq = word.indexOf('=');
			if (eq <= 0) throw new IllegalArgumentException("Expected key=value, got '" + word + "'");
			final String key = word.substring(0, eq);
			String value = word.substring(eq + 1);
			if (value.startsWith("[") && value.endsWith("]")) value = value.substring(1, value.length() - 1);
			if (!KEYS.containsKey(key)) {
				throw new IllegalArgumentException("Unknown key '" + key + "': the keys are " + String.join(", ", KEYS.keySet()));
			}
			if (given.put(key, value) != null) throw new IllegalArgumentException("The key " + key + " is given twice: give it once");
		}
		final String input = required(given, "input", "the folder, list file or paths of the images");
		final String output = required(given, "output", "the folder for the part files");
		final ReadOptions defaults = ReadOptions.defaults();
		final ReadOptions read = new ReadOptions(number(given, "min_confidence", defaults.minConfidence()),
			(int) number(given, "digits", defaults.digits()));
		final int perPartition = (int) number(given, "files_per_partition", FILES_PER_PARTITION);
		if (perPartition < 1) throw new IllegalArgumentException("files_per_partition must be 1 or more, not " + perPartition);
		final String model = given.getOrDefault("model_file", "").strip();
		return new JobOptions(model.isEmpty() ? null : model, input, output, choice(given, "mode", Mode.class, Mode.CLASSIFY),
			choice(given, "format", Format.class, Format.CSV), given.get("master"), perPartition, read.minConfidence(), read.digits());
	}

	private static String required(final Map<String, String> given, final String key, final String what) {
		final String value = given.get(key);
		if (value == null || value.isBlank()) throw new IllegalArgumentException("Missing " + key + "=<...>: " + what);
		return value.strip();
	}

	private static double number(final Map<String, String> given, final String key, final double otherwise) {
		final String value = given.get(key);
		if (value == null || value.isBlank()) return otherwise;
		try {
			return Double.parseDouble(value.strip());
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException(key + " must be a number, not '" + value + "'");
		}
	}

	private static <E extends Enum<E>> E choice(final Map<String, String> given, final String key, final Class<E> type, final E otherwise) {
		final String value = given.get(key);
		if (value == null || value.isBlank()) return otherwise;
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (final IllegalArgumentException e) {
			final List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
			throw new IllegalArgumentException(key + " must be one of " + String.join(", ", names) + ", not '" + value + "'");
		}
	}

	/** {@code --help}: the keys, their defaults and meanings. */
	static String help() {
		final StringBuilder text = new StringBuilder("usage: digit-classifier-spark key=value ...\n");
		for (final Map.Entry<String, String> key : KEYS.entrySet()) text.append(String.format("  %-20s %s%n", key.getKey(), key.getValue()));
		return text.toString();
	}
}
