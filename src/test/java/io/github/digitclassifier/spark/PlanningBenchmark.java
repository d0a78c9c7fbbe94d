package io.github.digitclassifier.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * What Spark costs before and around the work, for scripts/bench-spark.sh: the planning of a
 * folder of small files through {@code binaryFiles} against the job's listing and
 * {@code parallelize(paths)} (seconds to plan, partitions, seconds to read every file's bytes),
 * and the cost of a task that does nothing. Prints Markdown lines.
 *   PlanningBenchmark folder master
 */
public final class PlanningBenchmark {

	/** Tasks of the empty job: enough that a task's cost stands out of the job's start. */
	private static final int TASKS = 2000;

	private PlanningBenchmark() {}

	public static void main(final String[] args) throws IOException {
		final String folder = args[0];
		try (JavaSparkContext spark = new JavaSparkContext(new SparkConf().setAppName("planning").setMaster(args[1]))) {
			// binaryFiles lists sub-folders too, as the job does
			spark.hadoopConfiguration().setBoolean("mapreduce.input.fileinputformat.input.dir.recursive", true);
			final Storage storage = new Storage(spark.hadoopConfiguration());
			spark.parallelize(List.of(1, 2, 3, 4), 4).map(x -> x).collect(); // the first job's class loading, apart
			final List<String> lines = new ArrayList<>();
			lines.add(parallelize(spark, storage, folder, JobOptions.FILES_PER_PARTITION));
			lines.add(parallelize(spark, storage, folder, 250));
			lines.add(binaryFiles(spark, folder, 0));
			lines.add(binaryFiles(spark, folder, 16));
			lines.forEach(System.out::println);
			System.out.println();
			System.out.println(tasks(spark));
		}
	}

	private static String binaryFiles(final JavaSparkContext spark, final String folder, final int minPartitions) {
		final long start = System.nanoTime();
		final var files = minPartitions > 0 ? spark.binaryFiles(folder, minPartitions) : spark.binaryFiles(folder);
		final int partitions = files.getNumPartitions();
		final double plan = seconds(start);
		final long bytes = files.map(file -> (long) file._2().toArray().length).reduce(Long::sum);
		return row("`binaryFiles(folder" + (minPartitions > 0 ? ", " + minPartitions : "") + ")`", plan, partitions, seconds(start) - plan, bytes);
	}

	private static String parallelize(final JavaSparkContext spark, final Storage storage, final String folder, final int perPartition)
		throws IOException
	{
		final long start = System.nanoTime();
		final List<Inputs.Image> images = Inputs.list(folder, storage).images();
		final JavaRDD<Inputs.Image> files = spark.parallelize(images, (images.size() + perPartition - 1) / perPartition);
		final int partitions = files.getNumPartitions();
		final double plan = seconds(start);
		final long bytes = files.map(image -> (long) storage.read(image.location()).length).reduce(Long::sum);
		return row("the job's listing, `parallelize(paths)`, " + perPartition + " files a partition", plan, partitions, seconds(start) - plan, bytes);
	}

	/** The cost of a task: an empty job of {@link #TASKS} tasks, per task, in seconds of the job's time and of a core's. */
	private static String tasks(final JavaSparkContext spark) {
		final List<Integer> numbers = IntStream.range(0, TASKS).boxed().toList();
		double best = Double.MAX_VALUE;
		for (int round = 0; round < 3; round++) {
			final long start = System.nanoTime();
			spark.parallelize(numbers, TASKS).foreach(x -> {});
			best = Math.min(best, seconds(start));
		}
		final int slots = spark.defaultParallelism();
		return String.format(Locale.ROOT, "Empty tasks: %d in %.2f s on %d task slots, so %.2f ms of the job per task (%.2f ms of a slot).",
			TASKS, best, slots, best / TASKS * 1e3, best / TASKS * slots * 1e3);
	}

	private static String row(final String what, final double plan, final int partitions, final double read, final long bytes) {
		return String.format(Locale.ROOT, "| %s | %.2f | %d | %.2f | %d |", what, plan, partitions, read, bytes);
	}

	private static double seconds(final long start) {
		return (System.nanoTime() - start) / 1e9;
	}
}
