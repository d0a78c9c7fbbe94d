package io.github.digitclassifier.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.digitclassifier.TinyModel;
import io.github.digitclassifier.exchange.ExportFormat;
import io.github.digitclassifier.exchange.Exports;
import io.github.digitclassifier.exchange.OnnxFiles;

/**
 * Every command as the first Digit Classifier command of a fresh JVM, installed as users install
 * it (ImageJ 1's plugins folder, Fiji on Jaunch's flat class path, Fiji through the older
 * launcher's class loader), with every kind of model_file: ND4J, ONNX Runtime and ImageIO must
 * find their backends whichever command starts them, on whichever thread. A command that
 * succeeds says nothing of ND4J's start-up and prints no stack trace.
 */
class FirstCommandIT {

	@TempDir
	Path dir;

	/** One macro, and the CSV (or file) it must leave: {@code rows} lines, or just the file when -1. */
	private record Case(String name, String macro, String output, int rows) {}

	@Test
	void everyCommandWorksFirstInEveryLayoutWithEveryKindOfModel() throws Exception {
		final Path bundle = dir.resolve("models/shapes model.zip");
		Files.createDirectories(bundle.getParent());
		OnnxFiles.saveBundle(TinyModel.result().bundle(), bundle);
		final Path onnx = dir.resolve("models/shapes.onnx"), bioimageio = dir.resolve("models/shapes-bioimageio.zip");
		Exports.export(bundle, ExportFormat.ONNX, onnx);
		Exports.export(bundle, ExportFormat.BIOIMAGEIO, bioimageio);
		final Path digits = Path.of("sample-data/test").toAbsolutePath(), stack = Path.of("sample-data/digits-stack.tif").toAbsolutePath();
		final Map<String, String> models = new LinkedHashMap<>();
		models.put("bundled", "");
		models.put("bundle", bundle.toString());
		models.put("onnx", onnx.toString());
		models.put("bioimageio", bioimageio.toString());
		final int stackSlices = ij.IJ.openImage(stack.toString()).getStackSize();
		// A number reader model, briefly trained: it reads numbers, and only reading commands take it.
		final Path fields = dir.resolve("fields");
		io.github.digitclassifier.read.train.ReaderTrainingTest.writeFields(fields, 30, 3);
		final Path reader = dir.resolve("models/reader.zip");
		try (io.github.digitclassifier.read.train.ReaderModel trained = io.github.digitclassifier.read.train.ReaderTraining.train(fields, null,
			null, null, new io.github.digitclassifier.read.train.ReaderTraining.Recipe(1, 16, 3e-3, 0.1, 7),
			io.github.digitclassifier.train.TrainingProgress.NONE).model())
		{
			io.github.digitclassifier.read.train.ReaderModels.save(trained, reader);
		}

		final List<Case> cases = new ArrayList<>();
		cases.add(new Case("import", "run(\"Import Class Folders...\", \"folder=[" + digits + "]\");\n" +
			"saveAs(\"Tiff\", \"OUT/stack.tif\");", "stack.tif", -1));
		cases.add(new Case("train", "run(\"Train Digit Classifier...\", \"train_folder=[" + TinyModel.train() + "] test_folder=[" +
			TinyModel.test() + "] model_file=[OUT/model.zip] network=lenet epochs=1 history_file=[OUT/history.csv]\");", "history.csv", 2));
		cases.add(new Case("train reader", "run(\"Train Number Reader...\", \"train_folder=[" + fields + "] model_file=[OUT/reader.zip] epochs=1\");",
			"reader.zip", -1));
		final String readerKey = "model_file=[" + reader + "]";
		cases.add(new Case("read number reader", "open(\"" + stack + "\");\nrun(\"Read Number\", \"" + readerKey +
			" output_file=[OUT/readings.csv]\");", "readings.csv", stackSlices + 1));
		cases.add(new Case("read folder reader", "run(\"Read Numbers in Folder...\", \"folder=[" + fields + "] " + readerKey +
			" output_file=[OUT/readings.csv]\");", "readings.csv", 31));
		cases.add(new Case("evaluate reader reader", "run(\"Evaluate Number Reader...\", \"" + readerKey + " test_folder=[" + fields +
			"] report_file=[OUT/reading.csv]\");", "reading.csv", 9));
		for (final Map.Entry<String, String> model : models.entrySet()) {
			final String kind = model.getKey(), key = "model_file=[" + model.getValue() + "]";
			final Path test = kind.equals("bundled") ? digits : TinyModel.test();
			final int classes = kind.equals("bundled") ? 10 : 4, images = count(test);
			cases.add(new Case("evaluate " + kind, "run(\"Evaluate Digit Classifier...\", \"" + key + " test_folder=[" + test +
				"] report_file=[OUT/report.csv]\");", "report.csv", classes + 4));
			cases.add(new Case("classify folder " + kind, "run(\"Classify Folder...\", \"folder=[" + test + "] " + key +
				" output_file=[OUT/folder.csv]\");", "folder.csv", images + 1));
			cases.add(new Case("classify image " + kind, "open(\"" + stack + "\");\nrun(\"Classify Current Image\", \"" + key +
				" output_file=[OUT/slices.csv]\");", "slices.csv", stackSlices + 1));
			cases.add(new Case("explain " + kind, "open(\"" + stack + "\");\nrun(\"Explain Prediction\", \"" + key +
				" output_file=[OUT/heat.tif]\");", "heat.tif", -1));
			cases.add(new Case("read number " + kind, "open(\"" + stack + "\");\nrun(\"Read Number\", \"" + key +
				" output_file=[OUT/readings.csv]\");", "readings.csv", stackSlices + 1));
			cases.add(new Case("read folder " + kind, "run(\"Read Numbers in Folder...\", \"folder=[" + test + "] " + key +
				" output_file=[OUT/readings.csv]\");", "readings.csv", images + 1));
			cases.add(new Case("evaluate reader " + kind, "run(\"Evaluate Number Reader...\", \"" + key + " test_folder=[" + test +
				"] labels_file=[" + labels(test, dir.resolve("models/" + kind + "-labels.csv")) + "] report_file=[OUT/reading.csv]\");",
				"reading.csv", 9));
			if (kind.equals("bundled") || kind.equals("bundle")) {
				cases.add(new Case("export " + kind, "run(\"Export Model...\", \"" + key + " format=bioimageio output_file=[OUT/package.zip]\");",
					"package.zip", -1));
			}
			if (!kind.equals("bioimageio")) {
				// The bundled network has nine layers; the layer table has a header and a row for each.
				cases.add(new Case("show network " + kind, "open(\"" + stack + "\");\nrun(\"Show Network\", \"" + key +
					" output_file=[OUT/layers.csv]\");", "layers.csv", kind.equals("bundled") ? 10 : -1));
			}
		}

		final Installations.Fiji fiji = Installations.fiji(dir);
		final Map<String, Callable<String>> runs = new LinkedHashMap<>();
		for (final Installations.Layout layout : Installations.Layout.values()) {
			for (final Case c : cases) {
				final Path work = Files.createDirectories(dir.resolve("runs/" + runs.size()));
				runs.put(layout + ": " + c.name(), () -> failureOf(layout, fiji, c, work));
			}
		}
		assertEquals(3 * 39, runs.size());
		final List<String> failures = Installations.failures(runs);
		assertEquals(List.of(), failures, failures.size() + " of " + runs.size() + " runs failed");
	}

	/** Null when the case ran as it must, else what went wrong. */
	private static String failureOf(final Installations.Layout layout, final Installations.Fiji fiji, final Case c, final Path work)
		throws Exception
	{
		final ImageJRunner.Run run = Installations.run(layout, fiji, c.macro().replace("OUT", work.toString()), work, 300);
		if (!run.completed()) return run.describe();
		final String said = run.stdout() + run.stderr();
		if (said.contains("\tat ") || said.contains("Exception")) return "a stack trace or exception:\n" + run.describe();
		if (said.contains("INFO org.nd4j") || said.contains("Loaded [CpuBackend]")) return "ND4J's start-up chatter:\n" + run.describe();
		final Path output = work.resolve(c.output());
		if (!Files.isRegularFile(output)) return "no " + c.output() + "\n" + run.describe();
		if (c.rows() >= 0 && Files.readAllLines(output).size() != c.rows()) {
			return c.output() + " has " + Files.readAllLines(output).size() + " lines, not " + c.rows() + "\n" + run.describe();
		}
		return null;
	}

	/** A labels file for every image of the class folders: its class folder's position as its number. */
	private static Path labels(final Path folder, final Path csv) throws java.io.IOException {
		final List<String> lines = new ArrayList<>(List.of("file,label"));
		try (Stream<Path> files = Files.walk(folder)) {
			final List<Path> images = files.filter(Files::isRegularFile).sorted().toList();
			final List<String> classes = images.stream().map(f -> folder.relativize(f).getName(0).toString()).distinct().toList();
			for (final Path image : images) {
				final String relative = folder.relativize(image).toString().replace('\\', '/');
				lines.add(relative + "," + classes.indexOf(relative.substring(0, relative.indexOf('/'))));
			}
		}
		return Files.write(csv, lines);
	}

	private static int count(final Path folder) throws java.io.IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			return (int) files.filter(Files::isRegularFile).count();
		}
	}
}
