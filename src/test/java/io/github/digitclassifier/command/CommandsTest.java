package io.github.digitclassifier.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandService;
import org.scijava.module.Module;

import ij.ImagePlus;
import ij.process.ByteProcessor;
import io.github.digitclassifier.HeadlessContext;
import io.github.digitclassifier.SyntheticImages;
import io.github.digitclassifier.TinyModel;
import io.github.digitclassifier.exchange.OnnxFiles;
import io.github.digitclassifier.model.ModelBundles;
import io.github.digitclassifier.runtime.ModelKind;
import io.github.digitclassifier.ui.Failures;

/** Runs every command through SciJava's CommandService in a minimal headless Context. */
class CommandsTest {

	private static final Context context = HeadlessContext.get();
	private static final CommandService commands = context.service(CommandService.class);

	@TempDir
	Path dir;

	/**
	 * The menu entries are plugins.config's, each naming a command; no command has a menu path of its
	 * own, which in Fiji would take the entry over and ask in a dialog for every key a macro leaves
	 * out. Keys are the field names in lower case; labels are words.
	 */
	@Test
	void theMenuEntriesAreThePluginsConfigOnesAndRunTheCommands() throws Exception {
		final java.util.Map<String, String> entries = new java.util.TreeMap<>();
		final java.util.regex.Matcher entry = java.util.regex.Pattern
			.compile("Plugins>Digit Classifier, \"([^\"]+)\", io\\.github\\.digitclassifier\\.ij1\\.plugin\\.CommandPlugIn\\(\"([\\w.]+)\"\\)")
			.matcher(Files.readString(Path.of("plugins.config")));
		while (entry.find()) entries.put(entry.group(1), entry.group(2));
		assertEquals(List.of("Classify Current Image", "Classify Folder...", "Draw Digit...", "Evaluate Digit Classifier...", "Evaluate Number Reader...",
			"Explain Prediction", "Export Model...", "Import Class Folders...", "Read Number", "Read Numbers in Folder...", "Show Network",
			"Train Digit Classifier...", "Train Number Reader..."),
			List.copyOf(entries.keySet()));
		for (final Map.Entry<String, String> e : entries.entrySet()) {
			final org.scijava.command.CommandInfo info = commands.getCommand(e.getValue());
			assertTrue(info != null, e.getValue());
			assertEquals(e.getKey().replace("...", ""), info.getTitle());
			assertTrue(info.getMenuPath() == null || info.getMenuPath().isEmpty(), e.getValue() + " has a menu path");
			for (final org.scijava.module.ModuleItem<?> item : info.inputs()) {
				if (org.scijava.service.Service.class.isAssignableFrom(item.getType())) continue;
				assertEquals(item.getName().toLowerCase(java.util.Locale.ROOT), item.getName());
				assertFalse(item.getLabel().contains("_"), item.getName() + " is labelled " + item.getLabel());
			}
		}
		assertEquals(13, commands.getCommands().stream().filter(c -> c.getClassName().startsWith("io.github.digitclassifier.")).count());
	}

	/** Show Network writes its layer table and gives the filters and feature maps as images; Draw Digit needs a display. */
	@Test
	void showNetworkGivesTheLayersFiltersAndFeatureMapsAndDrawDigitNeedsADisplay() throws Exception {
		final ImagePlus stack = ij.IJ.openImage(Path.of("sample-data/digits-stack.tif").toString());
		stack.setSlice(2);
		final Path layers = dir.resolve("layers.csv");
		final Module shown = run(ShowNetworkCommand.class, Map.of("image", stack, "output_file", layers.toFile()));
		final List<String> rows = Files.readAllLines(layers);
		assertEquals("layer,name,kind,output_shape,parameters", rows.get(0));
		assertTrue(rows.get(1).startsWith("1,"), rows.get(1));
		final ImagePlus filters = (ImagePlus) shown.getOutput("filters"), maps = (ImagePlus) shown.getOutput("feature_maps");
		assertTrue(filters.getWidth() > 100, "filters " + filters);
		assertTrue(maps.getStackSize() > 32, "feature maps " + maps);
		assertTrue(maps.getStack().getSliceLabel(1).startsWith("layer 1 "), maps.getStack().getSliceLabel(1));
		// An ONNX file: its graph's nodes as the table, no images.
		final Path onnx = dir.resolve("model.onnx"), nodes = dir.resolve("nodes.csv");
		io.github.digitclassifier.exchange.Exports.export(null, io.github.digitclassifier.exchange.ExportFormat.ONNX, onnx);
		final Module onnxShown = run(ShowNetworkCommand.class, Map.of("image", stack, "model_file", onnx.toFile(), "output_file", nodes.toFile()));
		final List<String> nodeRows = Files.readAllLines(nodes);
		assertEquals("layer,name,kind,output_shape,parameters", nodeRows.get(0));
		assertTrue(nodeRows.stream().anyMatch(r -> r.split(",")[2].equals("Conv")), nodeRows.toString());
		assertTrue(nodeRows.get(nodeRows.size() - 1).contains(",10,"), nodeRows.toString());
		assertEquals(null, onnxShown.getOutput("feature_maps"));
		final Path bioimageio = dir.resolve("model-bioimageio.zip");
		io.github.digitclassifier.exchange.Exports.export(null, io.github.digitclassifier.exchange.ExportFormat.BIOIMAGEIO, bioimageio);
		assertFailure("is not a model bundle", ShowNetworkCommand.class, Map.of("image", stack, "model_file", bioimageio.toFile()));
		if (java.awt.GraphicsEnvironment.isHeadless()) assertFailure("Draw Digit needs a display", DrawDigitCommand.class, Map.of());
	}

	@Test
	void trainEvaluateAndClassifyWriteTheContractFiles() throws Exception {
		final Path model = dir.resolve("model.zip");
		final Path history = dir.resolve("history.csv");
		final Module trained = run(TrainCommand.class, Map.of("train_folder", TinyModel.train().toFile(),
			"test_folder", TinyModel.test().toFile(), "model_file", model.toFile(), "network", io.github.digitclassifier.model.Architecture.LENET, "epochs", 2,
			"batch_size", 16, "learning_rate", 0.002, "augment", false, "history_file", history.toFile()));
		assertTrue((double) trained.getOutput("validation_accuracy") > 0.5);
		assertEquals("lenet", ModelBundles.load(model).metadata().recipe().network().id());
		final List<String> historyLines = Files.readAllLines(history);
		assertEquals("epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,seconds", historyLines.get(0));
		assertEquals(3, historyLines.size());

		final Path report = dir.resolve("report.csv");
		final Module evaluated = run(EvaluateCommand.class, Map.of("model_file", model.toFile(),
			"test_folder", TinyModel.test().toFile(), "report_file", report.toFile()));
		final List<String> reportLines = Files.readAllLines(report);
		assertEquals("class,precision,recall,f1,support", reportLines.get(0));
		assertTrue(reportLines.get(1).startsWith("circle,"));
		assertTrue(reportLines.get(5).startsWith("accuracy,,,"), reportLines.get(5));
		assertTrue(reportLines.get(6).startsWith("macro avg,"));
		assertTrue(reportLines.get(7).startsWith("weighted avg,") && reportLines.get(7).endsWith(",60"));
		assertEquals(Double.parseDouble(reportLines.get(5).split(",")[3]), (double) evaluated.getOutput("accuracy"), 1e-5);

		final Path predictions = dir.resolve("predictions.csv");
		run(ClassifyFolderCommand.class, Map.of("folder", TinyModel.test().toFile(), "model_file", model.toFile(),
			"output_file", predictions.toFile()));
		final List<String> rows = Files.readAllLines(predictions);
		assertEquals("file,predicted,confidence,p_circle,p_cross,p_square,p_triangle", rows.get(0));
		assertEquals(61, rows.size());
		assertTrue(rows.get(1).startsWith("circle/circle0.png,"), rows.get(1));
	}

	@Test
	void classifiesEverySliceOfAStackAndLabelsIt() throws Exception {
		final Module imported = run(ImportClassFoldersCommand.class, Map.of("folder", TinyModel.test().toFile(), "size", 28));
		final ImagePlus stack = (ImagePlus) imported.getOutput("stack");
		assertEquals(60, stack.getStackSize());
		assertEquals("circle/circle0.png", stack.getStack().getSliceLabel(1));
		final Path model = dir.resolve("model.zip");
		OnnxFiles.saveBundle(TinyModel.result().bundle(), model);
		final Path out = dir.resolve("slices.csv");
		run(ClassifyImageCommand.class, Map.of("image", stack, "model_file", model.toFile(), "output_file", out.toFile()));
		final List<String> rows = Files.readAllLines(out);
		assertEquals("slice,label,predicted,confidence,p_circle,p_cross,p_square,p_triangle", rows.get(0));
		assertEquals(61, rows.size());
		assertTrue(rows.get(1).startsWith("1,circle/circle0.png,"), rows.get(1));
		long right = 0;
		for (final String row : rows.subList(1, rows.size())) {
			final String[] cells = row.split(",");
			if (cells[1].startsWith(cells[2] + "/")) right++;
		}
		assertTrue(right > 45, right + " of 60 right");
		final String label = stack.getStack().getSliceLabel(1);
		assertTrue(label.startsWith("circle/circle0.png => "), label);
		// Classifying again replaces the prediction instead of stacking another onto the label.
		run(ClassifyImageCommand.class, Map.of("image", stack, "model_file", model.toFile()));
		assertEquals(label, stack.getStack().getSliceLabel(1));
	}

	@Test
	void badInputStopsWithAMessageNamingItAndWritesNothing() throws Exception {
		final Path model = dir.resolve("model.zip");
		Files.writeString(model, "earlier model");
		assertFailure("epochs", TrainCommand.class, Map.of("train_folder", TinyModel.train().toFile(), "model_file",
			model.toFile(), "epochs", -1));
		assertFailure("batch_size", TrainCommand.class, Map.of("train_folder", TinyModel.train().toFile(), "model_file",
			model.toFile(), "batch_size", 0));
		assertFailure("learning_rate", TrainCommand.class, Map.of("train_folder", TinyModel.train().toFile(), "model_file",
			model.toFile(), "learning_rate", Double.NaN));
		final Path missing = dir.resolve("missing");
		assertFailure(missing.toString(), TrainCommand.class, Map.of("train_folder", missing.toFile(), "model_file", model.toFile()));
		assertFailure("history_file", TrainCommand.class, Map.of("train_folder", TinyModel.train().toFile(),
			"model_file", model.toFile(), "history_file", dir.resolve("no/such/folder.csv").toFile()));
		assertEquals("earlier model", Files.readString(model));
		assertFailure(model.toString(), EvaluateCommand.class, Map.of("model_file", model.toFile(), "test_folder",
			TinyModel.test().toFile()));
		// Without an image, or with an empty one (what a converter may make), the command says so.
		assertFailure("No image open", ClassifyImageCommand.class, Map.of("model_file", model.toFile()));
		assertFailure("No image open", ClassifyImageCommand.class, Map.of("image", new ImagePlus(), "model_file", model.toFile()));
		try (var files = Files.list(dir)) {
			assertEquals(List.of(model), files.toList());
		}
		assertFalse(Files.exists(TinyModel.train().resolveSibling("digit-classifier.zip")));
	}

	@Test
	void anImageOrSelectionTooSmallOrTooLargeToReadIsRefusedNamingIt() {
		assertFailure("Image dot is 1x1 px: too small to hold a digit or picture", ClassifyImageCommand.class,
			Map.of("image", new ImagePlus("dot", new ByteProcessor(1, 1))));
		final ImagePlus form = new ImagePlus("form", new ByteProcessor(200, 60));
		form.setRoi(10, 0, 1, 20);
		assertFailure("The selection on form is 1x20 px: too small", ReadNumberCommand.class, Map.of("image", form));
		final ImagePlus scan = new ImagePlus("scan", new ByteProcessor(5000, 4000));
		assertFailure("Image scan is 5000x4000 px: numbers are read in at most 16 megapixels at a time; select the area",
			ReadNumberCommand.class, Map.of("image", scan));
		// Within a selection, the image is read.
		scan.setRoi(100, 100, 400, 200);
		run(ReadNumberCommand.class, Map.of("image", scan));
	}

	@Test
	void brokenFilesAreSkippedByNameAndNoInputIsChanged() throws Exception {
		final Path train = SyntheticImages.writeShapes(dir.resolve("train"), 8, 3);
		final Path test = SyntheticImages.writeShapes(dir.resolve("test"), 4, 4);
		final byte[] tiff = tiffBytes();
		final List<Path> broken = List.of(
			Files.write(train.resolve("circle/corrupt.png"), new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 1, 2 }),
			Files.write(train.resolve("cross/truncated.tif"), java.util.Arrays.copyOf(tiff, tiff.length / 3)),
			Files.write(train.resolve("square/empty.png"), new byte[0]),
			Files.writeString(train.resolve("triangle/text.png"), "not a picture"),
			Files.writeString(train.resolve("circle/notes.txt"), "labels checked by hand"));
		final Map<Path, String> before = snapshot(dir);
		final List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
		final org.scijava.log.LogListener listener = message -> {
			if (message.level() == org.scijava.log.LogLevel.WARN) warnings.add(message.text());
		};
		context.service(org.scijava.log.LogService.class).addLogListener(listener);
		try {
			run(TrainCommand.class, Map.of("train_folder", train.toFile(), "test_folder", test.toFile(), "model_file",
				dir.resolve("model.zip").toFile(), "network", io.github.digitclassifier.model.Architecture.LENET, "epochs", 1, "batch_size", 8));
		}
		finally {
			context.service(org.scijava.log.LogService.class).removeLogListener(listener);
		}
		for (final Path file : broken) {
			assertTrue(warnings.stream().anyMatch(w -> w.contains(file.toString())), file + " not named in " + warnings);
		}
		assertTrue(warnings.contains("5 files skipped"), warnings.toString());
		assertTrue(Files.size(dir.resolve("model.zip")) > 0);

		// A class left with no decodable image stops the command, naming its folder.
		try (var files = Files.list(train.resolve("square"))) {
			for (final Path file : files.toList()) Files.write(file, new byte[0]);
		}
		final Map<Path, String> emptied = snapshot(dir);
		assertFailure(train.resolve("square").toString(), TrainCommand.class, Map.of("train_folder", train.toFile(),
			"model_file", dir.resolve("second.zip").toFile(), "epochs", 1));
		assertFalse(Files.exists(dir.resolve("second.zip")));
		assertEquals(emptied, snapshot(dir));
		before.keySet().removeIf(p -> p.startsWith(train.resolve("square")));
		emptied.keySet().removeIf(p -> p.startsWith(train.resolve("square")) || p.endsWith("model.zip"));
		assertEquals(before, emptied, "inputs changed by training");
	}

	/** Every file below a folder with its size and content hash. */
	private static Map<Path, String> snapshot(final Path folder) throws Exception {
		final Map<Path, String> files = new java.util.TreeMap<>();
		try (var walk = Files.walk(folder)) {
			for (final Path file : walk.filter(Files::isRegularFile).toList()) {
				files.put(file, Files.size(file) + ":" + java.util.Arrays.hashCode(Files.readAllBytes(file)));
			}
		}
		return files;
	}

	private static byte[] tiffBytes() throws Exception {
		final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(40, 40, java.awt.image.BufferedImage.TYPE_BYTE_GRAY), "tif", out);
		return out.toByteArray();
	}

	/** Runs the command as the menus, macros and the command line do. */
	/** Train Number Reader's model file is one Read Numbers in Folder and Evaluate Number Reader read with; digit commands refuse it. */
	@Test
	void aTrainedNumberReaderReadsAFolderAndIsEvaluated() throws Exception {
		final Path fields = dir.resolve("fields");
		io.github.digitclassifier.read.train.ReaderTrainingTest.writeFields(fields, 30, 11);
		final Path reader = dir.resolve("reader.zip"), history = dir.resolve("reader history.csv");
		final Module trained = run(TrainReaderCommand.class, Map.of("train_folder", fields.toFile(), "model_file", reader.toFile(),
			"epochs", 2, "history_file", history.toFile()));
		final double validation = (Double) trained.getOutput("validation_accuracy");
		assertTrue(validation >= 0 && validation <= 1, "validation accuracy " + validation);
		assertEquals(3, Files.readAllLines(history).size());
		assertEquals(ModelKind.NUMBER_READER, ModelKind.of(reader));
		final Path readings = dir.resolve("readings.csv");
		run(ReadNumbersInFolderCommand.class, Map.of("folder", fields.toFile(), "model_file", reader.toFile(), "output_file", readings.toFile()));
		assertEquals(31, Files.readAllLines(readings).size());
		final Module evaluated = run(EvaluateReaderCommand.class, Map.of("test_folder", fields.toFile(), "model_file", reader.toFile()));
		final double whole = (Double) evaluated.getOutput("whole_number_accuracy");
		assertTrue(whole >= 0 && whole <= 1, "whole-number accuracy " + whole);
		assertFailure("is a number reader model", ClassifyFolderCommand.class, Map.of("folder", fields.toFile(), "model_file", reader.toFile()));
	}

	private static Module run(final Class<? extends org.scijava.command.Command> command, final Map<String, Object> inputs) {
		return Commands.run(context, commands.getCommand(command), inputs);
	}

	private static void assertFailure(final String expected, final Class<? extends org.scijava.command.Command> command,
		final Map<String, Object> inputs)
	{
		final RuntimeException e = assertThrows(RuntimeException.class, () -> run(command, inputs));
		assertFalse(Failures.isBug(e), () -> Failures.bugReport(e));
		final String message = Failures.messageOf(e);
		assertTrue(message.contains(expected), "'" + expected + "' not in: " + message);
	}

}
