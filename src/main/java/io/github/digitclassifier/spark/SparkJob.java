package io.github.digitclassifier.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import io.github.digitclassifier.data.ImageFiles;
import io.github.digitclassifier.io.CsvTable;
import io.github.digitclassifier.predict.FilePrediction;
import io.github.digitclassifier.predict.Prediction;
import io.github.digitclassifier.predict.PredictionTables;
import io.github.digitclassifier.predict.Predictor;
import io.github.digitclassifier.read.FileReading;
import io.github.digitclassifier.read.NumberReading;
import io.github.digitclassifier.read.ReadingTables;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Classifies (or reads the numbers in) many images on Apache Spark, with any model the plugin
 * accepts, run by ONNX Runtime on the executors.
 *
 * <p>The driver lists the images and reads the model file once; the model's bytes are broadcast
 * and each executor JVM opens them once ({@link ExecutorModels}). The images' paths are spread
 * over partitions of {@code files_per_partition}; each task reads its images' bytes from their
 * paths, classifies them in batches, and writes its rows itself as {@code part-NNNNN.csv} (or
 * {@code .parquet}), its unreadable files with their reasons as {@code skipped/part-NNNNN.csv},
 * each written whole to a temporary name, then renamed. Spark's DataFrame writer is not used: it
 * commits a job's output all at once, so a lost job would leave nothing to resume from, whereas
 * a part file here is final as soon as its task ends, and a rerun into the same output skips the
 * partitions whose part file is there ({@code _job} records what the parts were made of, and a
 * rerun that differs is refused).
 */
public final class SparkJob {

	/** What a job did: images listed, rows written and files skipped now, parts in all and written now. */
	public record Result(int images, long rows, long skipped, int partitions, int partitionsWritten, double seconds) {}

	/** A task's account of its partition; digits: how many digits its part has columns for (mode=read). */
	record PartSummary(int index, long rows, long skipped, boolean written, int digits) implements Serializable {}

	private SparkJob() {}

	public static void main(final String[] args) {
		if (args.length == 1 && Arrays.asList("--help", "-h", "help").contains(args[0])) {
			System.out.print(JobOptions.help());
			return;
		}
		int status = 0;
		try {
			final JobOptions options = JobOptions.parse(Arrays.asList(args));
			final SparkConf conf = new SparkConf().setAppName("digit-classifier " + options.mode().name().toLowerCase(Locale.ROOT));
			if (options.master() != null) conf.setMaster(options.master());
			else if (!conf.contains("spark.master")) conf.setMaster("local[*]");
			try (JavaSparkContext spark = new JavaSparkContext(conf)) {
				final Result result = run(spark, options);
				System.out.println(summary(options, result));
			}
		}
		catch (final Exception | Error e) { // an Error too: a missing class or native library, memory
			System.err.println("digit-classifier-spark: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
			if (System.getenv("DIGIT_CLASSIFIER_TRACE") != null) e.printStackTrace();
			status = 1;
		}
		System.exit(status);
	}

	static String summary(final JobOptions options, final Result r) {
		return String.format(Locale.ROOT, "%s %d images into %s: %d rows, %d skipped, %d of %d parts written now (%d there before), %.1f s, %.0f images/s",
			options.mode() == JobOptions.Mode.CLASSIFY ? "Classified" : "Read", r.images(), options.output(), r.rows(), r.skipped(),
			r.partitionsWritten(), r.partitions(), r.partitions() - r.partitionsWritten(), r.seconds(), r.images() / r.seconds());
	}

	/** Runs the job on a running Spark context. */
	public static Result run(final JavaSparkContext spark, final JobOptions options) throws IOException {
		final long start = System.nanoTime();
		final Storage storage = new Storage(spark.hadoopConfiguration());
		requireOutsideInput(options);
		final Inputs.Listing listing = Inputs.list(options.input(), storage);
		final ModelSource model = ModelSource.read(options.modelFile(), storage);
		// Opened here first, so that a model that cannot be opened stops the job before any task;
		// in local mode the tasks then share this very session.
		ExecutorModels.get(model, options.mode(), options.readOptions());
		final List<Inputs.Image> images = listing.images();
		final int partitions = (images.size() + options.filesPerPartition() - 1) / options.filesPerPartition();
		final String output = options.output();
		final String manifest = manifest(options, model, images, partitions);
		final String job = output + "/_job";
		if (storage.exists(job)) {
			final String before = new String(storage.read(job), StandardCharsets.UTF_8);
			if (!before.equals(manifest)) {
				throw new IllegalArgumentException("output " + output + " holds the parts of another job (" + differences(before, manifest) +
					"): give another output folder, or remove this one");
			}
		}
		storage.removeTemporary(output);
		storage.removeTemporary(output + "/skipped");
		storage.writeAtomically(output, "_job", out -> out.write(manifest.getBytes(StandardCharsets.UTF_8)));
		if (!listing.skipped().isEmpty()) {
			final CsvTable notImages = new CsvTable(List.of("file", "reason"));
			for (final String[] file : listing.skipped()) notImages.add((Object[]) file);
			storage.writeAtomically(output + "/skipped", "listing.csv", PartFiles.writer(notImages, JobOptions.Format.CSV));
		}
		final Broadcast<ModelSource> broadcast = spark.broadcast(model);
		final List<PartSummary> parts = spark.parallelize(images, partitions)
			.mapPartitionsWithIndex((index, files) -> List.of(runPart(index, files, broadcast.value(), options, storage)).iterator(), false)
			.collect();
		if (options.mode() == JobOptions.Mode.READ) widenParts(spark, parts, options, storage);
		storage.writeAtomically(output, "_SUCCESS", out -> {});
		long rows = 0, skipped = listing.skipped().size();
		int written = 0;
		for (final PartSummary part : parts) {
			rows += part.rows();
			skipped += part.skipped();
			if (part.written()) written++;
		}
		return new Result(images.size(), rows, skipped, partitions, written, (System.nanoTime() - start) / 1e9);
	}

	/**
	 * An output inside the input folder would be listed with it on a rerun (its part files as files
	 * that are not images), and the rerun refused as another job's.
	 */
	private static void requireOutsideInput(final JobOptions options) {
		if (options.input().contains(",") || !Storage.isLocal(options.input()) || !Storage.isLocal(options.output())) return;
		final java.nio.file.Path input = java.nio.file.Path.of(options.input()).toAbsolutePath().normalize();
		final java.nio.file.Path output = java.nio.file.Path.of(options.output()).toAbsolutePath().normalize();
		if (java.nio.file.Files.isDirectory(input) && output.startsWith(input)) {
			throw new IllegalArgumentException("output " + options.output() + " is inside input " + options.input() +
				": its part files would be read as input; give an output outside it");
		}
	}

	/**
	 * Gives every reading part the digit columns of the longest number of all, as Read Numbers in
	 * Folder's table has them: each task knew only its own numbers. A part is written once by its
	 * task, so that a lost job resumes from it, and widened here after all are there.
	 */
	private static void widenParts(final JavaSparkContext spark, final List<PartSummary> parts, final JobOptions options,
		final Storage storage)
	{
		final int digits = parts.stream().mapToInt(PartSummary::digits).max().orElse(0);
		final List<Integer> narrow = parts.stream().filter(part -> part.digits() < digits).map(PartSummary::index).toList();
		if (narrow.isEmpty()) return;
		spark.parallelize(narrow, narrow.size()).foreach(index -> {
			final String name = partName(index) + PartFiles.extension(options.format());
			storage.replace(options.output(), name, PartFiles.widened(storage, options.output() + "/" + name, options.format(), digits));
		});
	}

	static String partName(final int index) {
		return String.format(Locale.ROOT, "part-%05d", index);
	}

	/** One partition: skipped when its part file is there, else its images classified or read and its files written. */
	static PartSummary runPart(final int index, final Iterator<Inputs.Image> files, final ModelSource model, final JobOptions options,
		final Storage storage) throws IOException
	{
		final String name = partName(index) + PartFiles.extension(options.format());
		final String location = options.output() + "/" + name;
		if (storage.exists(location)) {
			final boolean read = options.mode() == JobOptions.Mode.READ;
			return new PartSummary(index, 0, 0, false, read ? PartFiles.digitColumns(PartFiles.columns(storage, location, options.format())) : 0);
		}
		final List<Inputs.Image> images = new ArrayList<>();
		files.forEachRemaining(images::add);
		final ExecutorModels.Loaded loaded = ExecutorModels.get(model, options.mode(), options.readOptions());
		final String[] failures = new String[images.size()];
		final CsvTable table = onTaskCores(() -> table(images, loaded, options, storage, failures));
		final CsvTable skipped = new CsvTable(List.of("file", "reason"));
		for (int i = 0; i < images.size(); i++) if (failures[i] != null) skipped.add(images.get(i).name(), failures[i]);
		// The skipped files first: the part file is what marks the partition done.
		if (!skipped.rows().isEmpty()) {
			storage.writeAtomically(options.output() + "/skipped", partName(index) + ".csv", PartFiles.writer(skipped, JobOptions.Format.CSV));
		}
		storage.writeAtomically(options.output(), name, PartFiles.writer(table, options.format()));
		return new PartSummary(index, table.rows().size(), skipped.rows().size(), true, PartFiles.digitColumns(table.columns()));
	}

	/**
	 * Runs a task's work on as many threads as the task has cores ({@code spark.task.cpus}, 1
	 * unless set): the parallel streams with which the commands decode and prepare images run in
	 * the pool of the thread that starts them. On the common pool instead, every task of an
	 * executor would spread over all its cores, and concurrent tasks would crowd each other out.
	 */
	private static <T> T onTaskCores(final Callable<T> work) throws IOException {
		final TaskContext task = TaskContext.get();
		final ForkJoinPool pool = new ForkJoinPool(task != null ? task.cpus() : Runtime.getRuntime().availableProcessors());
		try {
			return pool.submit(work).get();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted", e);
		}
		catch (final ExecutionException e) {
			if (e.getCause() instanceof IOException io) throw io;
			if (e.getCause() instanceof RuntimeException r) throw r;
			if (e.getCause() instanceof Error error) throw error;
			throw new IOException(e.getCause());
		}
		finally {
			pool.shutdown();
		}
	}

	/**
	 * A partition's rows. Images go to the model a forward pass's batch ({@link Predictor#BATCH}) at
	 * a time, each chunk decoded and prepared before it runs, so that a task stays on its own threads (a larger call would prepare
	 * its next batch on the common pool while the model runs).
	 */
	private static CsvTable table(final List<Inputs.Image> images, final ExecutorModels.Loaded loaded, final JobOptions options,
		final Storage storage, final String[] failures)
	{
		if (options.mode() == JobOptions.Mode.CLASSIFY) {
			final int channels = loaded.predictor().channels();
			final List<FilePrediction> predictions = new ArrayList<>();
			for (int from = 0; from < images.size(); from += Predictor.BATCH) {
				final int first = from, n = Math.min(Predictor.BATCH, images.size() - from);
				final String[] chunk = new String[n];
				final List<Prediction> all = loaded.predictor().predictAll(n, i -> decode(images.get(first + i), channels, storage), chunk);
				System.arraycopy(chunk, 0, failures, first, n);
				for (int i = 0; i < n; i++) if (chunk[i] == null) predictions.add(new FilePrediction(images.get(first + i).name(), all.get(i)));
			}
			return PredictionTables.forFiles(predictions, loaded.classNames());
		}
		final List<NumberReading> all = loaded.reader().readAll(images.size(), i -> decode(images.get(i), 1, storage), failures);
		final List<FileReading> readings = new ArrayList<>();
		for (int i = 0; i < images.size(); i++) if (failures[i] == null) readings.add(new FileReading(images.get(i).name(), all.get(i)));
		return ReadingTables.forFiles(readings);
	}

	/**
	 * An image read from its path on the executor: local files as the commands read them (same
	 * messages for the ones that cannot be read), others through Spark's file systems.
	 */
	private static RandomAccessibleInterval<? extends RealType<?>> decode(final Inputs.Image image, final int channels, final Storage storage) {
		try {
			final String location = image.location();
			if (Storage.isLocal(location)) {
				return ImageFiles.read(java.nio.file.Path.of(location.startsWith("file:") ? java.net.URI.create(location).getPath() : location), channels);
			}
			final byte[] bytes = storage.read(location);
			if (bytes.length == 0) throw new IOException(location + " is empty (0 bytes)");
			return ImageFiles.read(java.nio.file.Path.of(image.name()), bytes, channels);
		}
		catch (final NoSuchFileException | FileNotFoundException e) {
			throw new UncheckedIOException(new IOException(image.location() + ": no such file"));
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** What the parts of an output are made of; a rerun must match it to add to them. */
	private static String manifest(final JobOptions options, final ModelSource model, final List<Inputs.Image> images, final int partitions) {
		final Map<String, String> lines = new LinkedHashMap<>();
		lines.put("mode", options.mode().name().toLowerCase(Locale.ROOT));
		lines.put("format", options.format().name().toLowerCase(Locale.ROOT));
		lines.put("model", model.hash);
		if (options.mode() == JobOptions.Mode.READ) {
			lines.put("min_confidence", Double.toString(options.minConfidence()));
			lines.put("digits", Integer.toString(options.digits()));
		}
		lines.put("images", Integer.toString(images.size()));
		lines.put("files_per_partition", Integer.toString(options.filesPerPartition()));
		lines.put("partitions", Integer.toString(partitions));
		lines.put("input", inputHash(images));
		final StringBuilder text = new StringBuilder();
		lines.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
		return text.toString();
	}

	private static String inputHash(final List<Inputs.Image> images) {
		try {
			final MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (final Inputs.Image image : images) digest.update((image.name() + "\t" + image.location() + "\n").getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String differences(final String before, final String now) {
		final List<String> was = Arrays.asList(before.split("\n"));
		final List<String> differ = new ArrayList<>();
		for (final String line : now.split("\n")) {
			if (!was.contains(line)) differ.add(line.substring(0, line.indexOf('=')) + " differs");
		}
		return differ.isEmpty() ? "its _job file differs" : String.join(", ", differ);
	}
}
