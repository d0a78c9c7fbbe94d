package io.github.digitclassifier.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandService;

import io.github.digitclassifier.HeadlessContext;
import io.github.digitclassifier.command.ClassifyFolderCommand;
import io.github.digitclassifier.command.Commands;
import io.github.digitclassifier.command.ExportModelCommand;
import io.github.digitclassifier.exchange.ExportFormat;
import io.github.digitclassifier.command.ReadNumbersInFolderCommand;
import io.github.digitclassifier.io.CsvTable;

/**
 * The Spark job in local[2] on a few dozen of the sample digits, a corrupt, an empty and a text
 * file among them, in partitions of 8: its parts hold what Classify Folder and Read Numbers in
 * Folder give on the same folder, and a rerun after a lost job ends as a clean run does. Run in a
 * JVM of its own with a 2 GB heap (the pom's spark-test execution).
 */
@Tag("spark")
class SparkJobTest {

	private static JavaSparkContext spark;
	private static Path folder;

	@TempDir
	static Path dir;

	@TempDir
	Path out;

	@BeforeAll
	static void start() throws IOException {
		assertTrue(Runtime.getRuntime().maxMemory() <= 2L << 30, "a heap of at most 2 GB, not " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
		folder = dir.resolve("images");
		int n = 0;
		try (Stream<Path> files = Files.walk(Path.of("sample-data/test"))) {
			for (final Path file : files.filter(f -> f.toString().endsWith(".png")).sorted().toList()) {
				if (n++ % 6 != 0) continue; // 34 of the 200: every class, every sub-folder
				final Path copy = folder.resolve(Path.of("sample-data/test").relativize(file));
				Files.createDirectories(copy.getParent());
				Files.copy(file, copy);
			}
		}
		Files.write(folder.resolve("0/corrupt.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
		Files.write(folder.resolve("1/empty.png"), new byte[0]);
		Files.writeString(folder.resolve("notes.txt"), "not an image");
		// Spark's INFO lines (a dozen per task) would bury the test's own output.
		for (final String log : List.of("org.apache.spark", "org.apache.hadoop", "org.sparkproject")) {
			System.setProperty("org.slf4j.simpleLogger.log." + log, "warn");
		}
		final long start = System.nanoTime();
		spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("SparkJobTest").set("spark.ui.enabled", "false"));
		System.out.printf("Spark local[2] started in %.1f s%n", (System.nanoTime() - start) / 1e9);
	}

	@AfterAll
	static void stop() {
		if (spark != null) spark.close();
	}

	private static SparkJob.Result run(final String... words) throws IOException {
		return SparkJob.run(spark, JobOptions.parse(List.of(words)));
	}

	@Test
	void classifyGivesWhatClassifyFolderGivesAndListsTheUnreadable() throws Exception {
		final Path expected = out.resolve("classify-folder.csv");
		command(ClassifyFolderCommand.class, Map.of("folder", folder.toFile(), "output_file", expected.toFile()));
		final SparkJob.Result result = run("input=" + folder, "output=" + out.resolve("job"), "files_per_partition=8");
		assertEquals(36, result.images());
		assertEquals(5, result.partitions());
		final CsvTable command = CsvTable.read(expected);
		final List<List<String>> rows = new ArrayList<>();
		for (final Path part : parts(out.resolve("job"), ".csv")) {
			final CsvTable table = CsvTable.read(part);
			assertEquals(command.columns(), table.columns(), part.toString());
			rows.addAll(table.rows());
		}
		assertEquals(command.rows(), rows);
		assertEquals(34, result.rows());
		// the corrupt and the empty file with their reasons, the text file as not an image; the job went on
		final Map<String, String> skipped = skipped(out.resolve("job"));
		assertEquals(List.of("0/corrupt.png", "1/empty.png", "notes.txt"), List.copyOf(skipped.keySet()), skipped.toString());
		assertTrue(skipped.get("1/empty.png").contains("empty"), skipped.toString());
		assertTrue(skipped.get("notes.txt").contains("not an image"), skipped.toString());
		assertEquals(3, result.skipped());
		assertTrue(Files.exists(out.resolve("job/_SUCCESS")));
	}

	/** A bundle, an .onnx with its description and a bioimage.io package, each as Classify Folder runs it. */
	@Test
	void everyKindOfModelFileGivesWhatClassifyFolderGives() throws Exception {
		final Path bundle = out.resolve("bundle.zip");
		Files.copy(Path.of("models/digit-classifier-mnist.zip"), bundle);
		final Path onnx = out.resolve("model.onnx");
		command(ExportModelCommand.class, Map.of("model_file", bundle.toFile(), "format", ExportFormat.ONNX, "output_file", onnx.toFile()));
		final Path bioimageio = out.resolve("model-bioimageio.zip");
		command(ExportModelCommand.class, Map.of("model_file", bundle.toFile(), "format", ExportFormat.BIOIMAGEIO, "output_file", bioimageio.toFile()));
		for (final Path model : List.of(bundle, onnx, bioimageio)) {
			final Path expected = out.resolve(model.getFileName() + ".csv");
			command(ClassifyFolderCommand.class, Map.of("folder", folder.toFile(), "model_file", model.toFile(), "output_file", expected.toFile()));
			final Path job = out.resolve(model.getFileName() + "-job");
			run("input=" + folder, "output=" + job, "model_file=" + model, "files_per_partition=16");
			final List<List<String>> rows = new ArrayList<>();
			for (final Path part : parts(job, ".csv")) rows.addAll(CsvTable.read(part).rows());
			assertEquals(CsvTable.read(expected).rows(), rows, model.toString());
		}
	}

	/**
	 * The folder with a three-digit number in its last partition: every part has the digit columns
	 * of that longest number, as Read Numbers in Folder's table, in CSV and Parquet; a rerun after a
	 * part is lost ends as the first run did.
	 */
	@Test
	void readGivesWhatReadNumbersInFolderGives() throws Exception {
		final Path images = out.resolve("numbers");
		try (Stream<Path> files = Files.walk(folder)) {
			for (final Path file : files.filter(Files::isRegularFile).toList()) {
				final Path copy = images.resolve(folder.relativize(file));
				Files.createDirectories(copy.getParent());
				Files.copy(file, copy);
			}
		}
		Files.createDirectories(images.resolve("number"));
		ImageIO.write(sideBySide(first(folder.resolve("3")), first(folder.resolve("0")), first(folder.resolve("7"))), "png",
			images.resolve("number/307.png").toFile());
		final Path expected = out.resolve("read-folder.csv");
		command(ReadNumbersInFolderCommand.class, Map.of("folder", images.toFile(), "output_file", expected.toFile(), "digits", 0));
		final CsvTable command = CsvTable.read(expected);
		assertTrue(PartFiles.digitColumns(command.columns()) > 1, command.columns().toString());
		final Path job = out.resolve("job");
		run("input=" + images, "output=" + job, "mode=read", "files_per_partition=8");
		final List<List<String>> rows = new ArrayList<>();
		for (final Path part : parts(job, ".csv")) {
			final CsvTable table = CsvTable.read(part);
			assertEquals(command.columns(), table.columns(), part.toString());
			rows.addAll(table.rows());
		}
		assertEquals(command.rows(), rows);
		assertEquals(List.of("0/corrupt.png", "1/empty.png", "notes.txt"), List.copyOf(skipped(job).keySet()));

		final Map<String, String> before = files(job);
		Files.delete(job.resolve("part-00001.csv"));
		Files.delete(job.resolve("_SUCCESS"));
		assertEquals(1, run("input=" + images, "output=" + job, "mode=read", "files_per_partition=8").partitionsWritten());
		assertEquals(before, files(job));

		final Path parquet = out.resolve("parquet");
		run("input=" + images, "output=" + parquet, "mode=read", "files_per_partition=8", "format=parquet");
		final SparkSession session = SparkSession.builder().sparkContext(spark.sc()).getOrCreate();
		for (final Path part : parts(parquet, ".parquet")) {
			assertEquals(command.columns(), List.of(session.read().parquet(part.toString()).columns()), part.toString());
		}
		final List<Row> typed = session.read().parquet(parquet.toString()).orderBy("file").collectAsList();
		final List<List<String>> sorted = new ArrayList<>(command.rows());
		sorted.sort((x, y) -> x.get(0).compareTo(y.get(0)));
		assertEquals(sorted.size(), typed.size());
		for (int r = 0; r < sorted.size(); r++) {
			for (int c = 0; c < command.columns().size(); c++) {
				final String cell = sorted.get(r).get(c), column = command.columns().get(c);
				final Object value = typed.get(r).get(c);
				if (value instanceof Double d) assertEquals(Double.parseDouble(cell), d, column);
				else assertEquals(cell, value == null ? "" : value.toString(), column);
			}
		}
	}

	/** Digit images side by side: a number. */
	private static BufferedImage sideBySide(final Path... digits) throws IOException {
		final List<BufferedImage> images = new ArrayList<>();
		for (final Path digit : digits) images.add(ImageIO.read(digit.toFile()));
		final int height = images.get(0).getHeight();
		final BufferedImage number = new BufferedImage(images.stream().mapToInt(BufferedImage::getWidth).sum(), height, BufferedImage.TYPE_BYTE_GRAY);
		int x = 0;
		for (final BufferedImage image : images) {
			number.getGraphics().drawImage(image, x, 0, null);
			x += image.getWidth();
		}
		return number;
	}

	@Test
	void parquetHoldsTheSameRowsTyped() throws Exception {
		run("input=" + folder, "output=" + out.resolve("csv"), "files_per_partition=8");
		run("input=" + folder, "output=" + out.resolve("parquet"), "files_per_partition=8", "format=parquet");
		assertEquals(5, parts(out.resolve("parquet"), ".parquet").size());
		final List<List<String>> csv = new ArrayList<>();
		for (final Path part : parts(out.resolve("csv"), ".csv")) csv.addAll(CsvTable.read(part).rows());
		final SparkSession session = SparkSession.builder().sparkContext(spark.sc()).getOrCreate();
		final List<Row> rows = session.read().parquet(out.resolve("parquet").toString()).orderBy("file").collectAsList();
		assertEquals(csv.size(), rows.size());
		final Map<String, List<String>> byFile = new TreeMap<>();
		for (final List<String> row : csv) byFile.put(row.get(0), row);
		int i = 0;
		for (final List<String> row : byFile.values()) {
			final Row parquet = rows.get(i++);
			assertEquals(row.get(0), parquet.getString(0));
			assertEquals(row.get(1), parquet.getString(1));
			assertEquals(Double.parseDouble(row.get(2)), parquet.getDouble(2));
		}
	}

	/**
	 * A job lost half-way leaves some parts written, a part half-written under its temporary name,
	 * and no _SUCCESS: the rerun writes only the missing parts, leaves the others as they are, and
	 * ends with what a clean run writes. A rerun with other settings is refused.
	 */
	@Test
	void aRerunAfterALostJobResumesAndEndsAsACleanRun() throws Exception {
		final Path clean = out.resolve("clean");
		final Path lost = out.resolve("lost");
		run("input=" + folder, "output=" + clean, "files_per_partition=8");
		run("input=" + folder, "output=" + lost, "files_per_partition=8");
		Files.delete(lost.resolve("part-00001.csv"));
		Files.delete(lost.resolve("part-00003.csv"));
		Files.delete(lost.resolve("_SUCCESS"));
		Files.writeString(lost.resolve("_tmp-part-00003.csv-lost"), "file,predicted\nhalf");
		final Map<Path, Long> kept = new TreeMap<>();
		for (final Path part : parts(lost, ".csv")) kept.put(part, Files.getLastModifiedTime(part).toMillis());
		for (final Path part : kept.keySet()) Files.setLastModifiedTime(part, java.nio.file.attribute.FileTime.fromMillis(1_000_000));

		final SparkJob.Result resumed = run("input=" + folder, "output=" + lost, "files_per_partition=8");
		assertEquals(2, resumed.partitionsWritten());
		for (final Path part : kept.keySet()) assertEquals(1_000_000, Files.getLastModifiedTime(part).toMillis(), part + " was written again");
		assertEquals(files(clean), files(lost));

		final IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
			() -> run("input=" + folder, "output=" + lost, "files_per_partition=4"));
		assertTrue(other.getMessage().contains("holds the parts of another job (files_per_partition differs, partitions differs)"), other.getMessage());
		final IllegalArgumentException inside = assertThrows(IllegalArgumentException.class,
			() -> run("input=" + folder, "output=" + folder.resolve("results")));
		assertTrue(inside.getMessage().contains("is inside input"), inside.getMessage());
		assertFalse(Files.exists(folder.resolve("results")));
	}

	/**
	 * A job in a JVM of its own, killed (SIGKILL) once some of its 150 parts are written, then run
	 * again here: the rerun writes only what is missing and ends as a clean run.
	 */
	@Test
	void aRerunAfterAKilledJobResumesAndEndsAsACleanRun() throws Exception {
		final Path list = out.resolve("many.txt");
		final List<String> lines = new ArrayList<>();
		for (int copy = 0; copy < 10; copy++) {
			try (Stream<Path> files = Files.walk(folder)) {
				for (final Path file : files.filter(f -> f.getFileName().toString().startsWith("test-")).sorted().toList()) lines.add(file.toString());
			}
		}
		Files.write(list, lines); // 340 images: each of the 34 ten times
		final Path killed = out.resolve("killed");
		final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
		command.addAll(List.of(System.getProperty("spark.opens", "").split(" ")));
		command.removeIf(String::isBlank);
		command.addAll(List.of("-Dspark.ui.enabled=false", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
			SparkJob.class.getName(), "input=" + list, "output=" + killed, "files_per_partition=2", "master=local[1]"));
		final Process job = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.resolve("killed.log").toFile()).start();
		try {
			final long limit = System.nanoTime() + 120_000_000_000L;
			while (job.isAlive() && System.nanoTime() < limit && (!Files.isDirectory(killed) || parts(killed, ".csv").size() < 5)) Thread.sleep(5);
		}
		finally {
			job.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no cleaning up
		}
		final int before = parts(killed, ".csv").size();
		assertTrue(before >= 5 && before < 170, before + " parts when killed; " + Files.readString(out.resolve("killed.log")));
		assertFalse(Files.exists(killed.resolve("_SUCCESS")));
		System.out.println("Killed with " + before + " of 170 parts written");

		final SparkJob.Result resumed = run("input=" + list, "output=" + killed, "files_per_partition=2");
		assertEquals(170 - before, resumed.partitionsWritten());
		final Path clean = out.resolve("clean");
		run("input=" + list, "output=" + clean, "files_per_partition=2");
		assertEquals(files(clean), files(killed));
	}

	@Test
	void aTextFileOfPathsNamesTheImagesAsWritten() throws Exception {
		final Path list = dir.resolve("list.txt");
		final String relative = "images/" + folder.relativize(first(folder.resolve("0"))).toString();
		final String absolute = first(folder.resolve("1")).toString();
		Files.writeString(list, "# two digits and a missing file\n" + relative + "\n" + absolute + "\n\nimages/missing.png\n");
		final SparkJob.Result result = run("input=" + list, "output=" + out.resolve("job"));
		assertEquals(3, result.images());
		final CsvTable table = CsvTable.read(out.resolve("job/part-00000.csv"));
		assertEquals(List.of(relative, absolute), table.rows().stream().map(r -> r.get(0)).toList());
		assertTrue(skipped(out.resolve("job")).get("images/missing.png").contains("no such file"));
	}

	@Test
	void badKeysStopTheJobWithOneLineNamingThem() {
		assertEquals("Unknown key 'epochs': the keys are input, output, model_file, mode, format, master, files_per_partition, min_confidence, digits",
			assertThrows(IllegalArgumentException.class, () -> JobOptions.parse(List.of("input=a", "output=b", "epochs=3"))).getMessage());
		assertEquals("The key input is given twice: give it once",
			assertThrows(IllegalArgumentException.class, () -> JobOptions.parse(List.of("input=a", "input=b"))).getMessage());
		assertEquals("Missing output=<...>: the folder for the part files",
			assertThrows(IllegalArgumentException.class, () -> JobOptions.parse(List.of("input=a"))).getMessage());
		assertEquals("mode must be one of classify, read, not 'train'",
			assertThrows(IllegalArgumentException.class, () -> JobOptions.parse(List.of("input=a", "output=b", "mode=train"))).getMessage());
		final JobOptions options = JobOptions.parse(List.of("input=[my scans]", "output=out", "model_file=", "format=Parquet"));
		assertEquals("my scans", options.input());
		assertEquals(null, options.modelFile());
		assertEquals(JobOptions.Format.PARQUET, options.format());
		assertEquals(JobOptions.Mode.CLASSIFY, options.mode());
	}

	private static Path first(final Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> f.getFileName().toString().startsWith("test-")).sorted().findFirst().orElseThrow();
		}
	}

	private static void command(final Class<? extends Command> command, final Map<String, Object> inputs) {
		final Context context = HeadlessContext.get();
		Commands.run(context, context.service(CommandService.class).getCommand(command), inputs);
	}

	private static List<Path> parts(final Path output, final String extension) throws IOException {
		try (Stream<Path> files = Files.list(output)) {
			return files.filter(f -> f.getFileName().toString().matches("part-\\d{5}\\" + extension)).sorted().toList();
		}
	}

	/** The skipped files of an output, by name, with their reasons. */
	private static Map<String, String> skipped(final Path output) throws IOException {
		final Map<String, String> skipped = new TreeMap<>();
		try (Stream<Path> files = Files.list(output.resolve("skipped"))) {
			for (final Path file : files.sorted().toList()) for (final List<String> row : CsvTable.read(file).rows()) skipped.put(row.get(0), row.get(1));
		}
		return skipped;
	}

	/** Every file below a folder with its content, by relative path. */
	private static Map<String, String> files(final Path root) throws IOException {
		final Map<String, String> all = new TreeMap<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (final Path file : files.filter(Files::isRegularFile).toList()) all.put(root.relativize(file).toString(), Files.readString(file));
		}
		assertFalse(all.keySet().stream().anyMatch(name -> name.contains(Storage.TEMPORARY)), all.keySet().toString());
		return all;
	}
}
