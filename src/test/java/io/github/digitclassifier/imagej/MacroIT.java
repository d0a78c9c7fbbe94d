package io.github.digitclassifier.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.digitclassifier.SyntheticImages;

/** The macro contract in a real ImageJ 1.54p with the packaged plugin installed. */
class MacroIT {

	@TempDir
	Path dir;

	@Test
	void macrosTrainEvaluateImportAndClassify() throws Exception {
		SyntheticImages.writeShapes(dir.resolve("train"), 30, 1);
		SyntheticImages.writeShapes(dir.resolve("test"), 10, 2);
		final String macro = String.join("\n",
			"run(\"Train Digit Classifier...\", \"train_folder=[" + dir.resolve("train") + "] test_folder=[" + dir.resolve("test") +
				"] model_file=[" + dir.resolve("model.zip") + "] network=lenet epochs=2 batch_size=16 augment=false history_file=[" +
				dir.resolve("history.csv") + "]\");",
			"run(\"Evaluate Digit Classifier...\", \"model_file=[" + dir.resolve("model.zip") + "] test_folder=[" + dir.resolve("test") +
				"] report_file=[" + dir.resolve("report.csv") + "] show_mistakes=true\");",
			"print(\"report rows: \" + Table.size(\"Classification Report\"));",
			"print(\"mistakes: \" + Table.size(\"Mistakes\"));",
			"run(\"Classify Folder...\", \"folder=[" + dir.resolve("test") + "] model_file=[" + dir.resolve("model.zip") +
				"] output_file=[" + dir.resolve("folder.csv") + "]\");",
			"run(\"Import Class Folders...\", \"folder=[" + dir.resolve("test") + "] size=28\");",
			"print(\"stack: \" + nSlices + \" \" + getInfo(\"slice.label\"));",
			"run(\"Classify Current Image\", \"model_file=[" + dir.resolve("model.zip") + "] output_file=[" + dir.resolve("slices.csv") + "]\");",
			"setSlice(1);",
			"print(\"label: \" + getInfo(\"slice.label\"));");
		final ImageJRunner.Run run = ImageJRunner.run(macro, dir, 600);
		assertTrue(run.completed(), run.describe());
		assertEquals(3, Files.readAllLines(dir.resolve("history.csv")).size(), run.describe());
		final List<String> report = Files.readAllLines(dir.resolve("report.csv"));
		assertEquals("class,precision,recall,f1,support", report.get(0));
		assertTrue(report.get(7).startsWith("weighted avg,") && report.get(7).endsWith(",40"), report.toString());
		assertTrue(run.stdout().contains("report rows: 7"), run.describe());
		final List<String> folder = Files.readAllLines(dir.resolve("folder.csv"));
		assertEquals(41, folder.size());
		// Show mistakes lists as many images as Classify Folder gets wrong.
		final long wrong = folder.stream().skip(1).filter(row -> !row.startsWith(row.split(",")[1] + "/")).count();
		assertTrue(run.stdout().contains("mistakes: " + wrong + "\n"), wrong + " wrong: " + run.describe());
		// getInfo("slice.label") shows the label without its file extension.
		assertTrue(run.stdout().contains("stack: 40 circle/circle0\n"), run.describe());
		final List<String> slices = Files.readAllLines(dir.resolve("slices.csv"));
		assertEquals("slice,label,predicted,confidence,p_circle,p_cross,p_square,p_triangle", slices.get(0));
		assertEquals(41, slices.size());
		assertTrue(run.stdout().contains("label: circle/circle0.png => "), run.describe());
	}

	@Test
	void colourTrainsImportsAsAnRgbStackAndClassifiesRgbAndCompositeImagesAlike() throws Exception {
		SyntheticImages.writeColourTextures(dir.resolve("train"), 30, 1);
		SyntheticImages.writeColourTextures(dir.resolve("test"), 10, 2);
		final String model = dir.resolve("model.zip").toString();
		final String macro = String.join("\n",
			"run(\"Train Digit Classifier...\", \"train_folder=[" + dir.resolve("train") + "] test_folder=[" + dir.resolve("test") +
				"] model_file=[" + model + "] network=lenet preprocessing=auto channels=auto size=0 epochs=2 batch_size=16\");",
			"print(\"choices: \" + Table.getString(\"value\", 0, \"Training Choices\") + \" \" + Table.getString(\"value\", 2, \"Training Choices\"));",
			"run(\"Import Class Folders...\", \"folder=[" + dir.resolve("test") + "] size=0\");",
			"print(\"imported: \" + bitDepth() + \" bit, \" + nSlices + \" slices\");",
			"run(\"Classify Current Image\", \"model_file=[" + model + "] output_file=[" + dir.resolve("rgb.csv") + "]\");",
			"run(\"Make Composite\");",
			"getDimensions(w, h, channels, slices, frames);",
			"print(\"composite: \" + channels + \" channels, \" + slices + \" slices\");",
			"run(\"Classify Current Image\", \"model_file=[" + model + "] output_file=[" + dir.resolve("composite.csv") + "]\");",
			"setSlice(2);",
			"print(\"label: \" + getInfo(\"slice.label\"));");
		final ImageJRunner.Run run = ImageJRunner.run(macro, dir, 600);
		assertTrue(run.completed(), run.describe());
		assertTrue(run.stdout().contains("choices: resize rgb"), run.describe());
		assertTrue(run.stdout().contains("imported: 24 bit, 40 slices"), run.describe());
		assertTrue(run.stdout().contains("composite: 3 channels, 40 slices"), run.describe());
		final List<String> rgb = Files.readAllLines(dir.resolve("rgb.csv"));
		final List<String> composite = Files.readAllLines(dir.resolve("composite.csv"));
		assertEquals("slice,label,predicted,confidence,p_blue,p_green,p_red,p_yellow", rgb.get(0));
		assertEquals(41, rgb.size());
		assertEquals(41, composite.size());
		// One row per hyperstack position, the same pixels: the same predictions.
		for (int i = 1; i < rgb.size(); i++) {
			final List<String> a = List.of(rgb.get(i).split(",")), b = List.of(composite.get(i).split(","));
			assertEquals(a.get(0), b.get(0));
			assertEquals(a.subList(2, a.size()), b.subList(2, b.size()), "row " + i);
		}
		final long right = rgb.stream().skip(1).filter(row -> row.split(",")[1].startsWith(row.split(",")[2] + "/")).count();
		assertTrue(right >= 36, right + " of 40 right: " + rgb);
		// Every channel of a position carries its prediction: slice 2 is the first image's green channel.
		assertTrue(run.stdout().matches("(?s).*label: [^\n]* => blue \\(\\d+%\\)\n.*"), run.describe());
	}

	/**
	 * The keys no other macro test sets, each to a value that is not its default, through a real
	 * macro: each takes effect (what the model records, what the files hold), and none is read as
	 * another (batch_size beside size).
	 */
	@Test
	void everyKeyTakesEffectThroughARealMacro() throws Exception {
		SyntheticImages.writeShapes(dir.resolve("train"), 12, 1);
		// Two touching digits each, which digits=2 cuts apart.
		final Path numbers = Files.createDirectories(dir.resolve("numbers"));
		final io.github.digitclassifier.NumberImages.Digits digits = io.github.digitclassifier.NumberImages.Digits.load(Path.of("sample-data/test"));
		final java.util.Random random = new java.util.Random(3);
		for (int i = 0; i < 8; i++) {
			javax.imageio.ImageIO.write(io.github.digitclassifier.NumberImages.draw(digits, 2, io.github.digitclassifier.NumberImages.Condition.TOUCHING,
				40, true, random).image(), "png", numbers.resolve(i + ".png").toFile());
		}
		final Path model = dir.resolve("model.zip"), onnx = dir.resolve("model.onnx"), readings = dir.resolve("readings.csv");
		final String macro = String.join("\n",
			"run(\"Train Digit Classifier...\", \"batch_size=8 train_folder=[" + dir.resolve("train") + "] model_file=[" + model +
				"] network=lenet epochs=1 augment=false preprocessing=resize channels=grey size=20 balance=weights seed=7" +
				" validation_fraction=0.25 learning_rate=0.01\");",
			"run(\"Export Model...\", \"format=onnx model_file=[" + model + "] output_file=[" + onnx + "]\");",
			"run(\"Read Numbers in Folder...\", \"digits=2 min_confidence=0.99 folder=[" + numbers +
				"] model_file= output_file=[" + readings + "]\");");
		final ImageJRunner.Run run = ImageJRunner.run(macro, dir, 600);
		assertTrue(run.completed(), run.describe());
		final io.github.digitclassifier.model.BundleMetadata metadata = io.github.digitclassifier.model.ModelBundles.load(model).metadata();
		final io.github.digitclassifier.model.Recipe recipe = metadata.recipe();
		assertEquals(List.of(8, 7L, 0.25, 0.01, io.github.digitclassifier.model.Balance.WEIGHTS, 1),
			List.of(recipe.batchSize(), recipe.seed(), recipe.validationFraction(), recipe.learningRate(), recipe.balance(), recipe.epochs()));
		assertEquals(List.of(20, 20, 1), List.of(metadata.preprocessing().width(), metadata.preprocessing().height(),
			metadata.preprocessing().channels()));
		assertTrue(metadata.preprocessing().fit() != io.github.digitclassifier.preprocess.Preprocessing.Fit.CENTER_OF_MASS, metadata.toString());
		assertTrue(Files.size(onnx) > 0 && Files.exists(dir.resolve("model.onnx.json")));
		// Two digits asked: every reading has two digits; every digit under 0.99 is flagged.
		final List<String> rows = Files.readAllLines(readings);
		assertEquals(9, rows.size(), rows.toString());
		for (final String row : rows.subList(1, rows.size())) {
			final String[] cells = row.split(",");
			assertEquals("2", cells[3], row);
			final long under = java.util.stream.IntStream.of(6, 8).filter(c -> Double.parseDouble(cells[c]) < 0.99).count();
			assertEquals(String.valueOf(under), cells[4], row);
		}
	}

	@Test
	void aBadKeyAbortsTheMacroWithItsNameAndNoDialog() throws Exception {
		SyntheticImages.writeShapes(dir.resolve("train"), 3, 1);
		final Path model = dir.resolve("model.zip");
		Files.writeString(model, "an earlier model");
		final ImageJRunner.Run run = ImageJRunner.run("run(\"Train Digit Classifier...\", \"train_folder=[" + dir.resolve("train") +
			"] model_file=[" + model + "] epochs=-1\");\nprint(\"after the failure\");", dir, 300);
		assertFalse(run.hung(), run.describe());
		assertEquals(1, run.exitCode(), run.describe());
		assertFalse(run.stdout().contains("after the failure"), run.describe());
		assertTrue((run.stdout() + run.stderr()).contains("epochs must be at least 1, not -1"), run.describe());
		assertEquals("an earlier model", Files.readString(model));
	}

	@Test
	void badValuesOfEveryKindAbortWithTheirKey() throws Exception {
		SyntheticImages.writeShapes(dir.resolve("train"), 3, 1);
		final String train = "train_folder=[" + dir.resolve("train") + "] model_file=[" + dir.resolve("m.zip") + "] ";
		final java.util.Map<String, String> cases = java.util.Map.of(
			"batch_size=0", "batch_size must be at least 1",
			"learning_rate=NaN", "learning_rate must be a number above 0",
			"learning_rate=fast", "learning_rate must be a number, not 'fast'",
			"network=resnet", "network must be one of lenet, cnn, not 'resnet'",
			"epochs=2.5", "epochs must be a whole number");
		for (final java.util.Map.Entry<String, String> c : cases.entrySet()) {
			final ImageJRunner.Run run = ImageJRunner.run("run(\"Train Digit Classifier...\", \"" + train + c.getKey() + "\");", dir, 300);
			assertFalse(run.hung(), c.getKey() + ": " + run.describe());
			assertEquals(1, run.exitCode(), c.getKey() + ": " + run.describe());
			assertTrue((run.stdout() + run.stderr()).contains(c.getValue()), c.getKey() + ": " + run.describe());
		}
		assertFalse(Files.exists(dir.resolve("m.zip")));
	}

	@Test
	void classifyingWithNoImageOpenFailsInsteadOfWaitingOnADialog() throws Exception {
		final ImageJRunner.Run run = ImageJRunner.run("run(\"Classify Current Image\");", dir, 300);
		assertFalse(run.hung(), run.describe());
		assertEquals(1, run.exitCode(), run.describe());
		assertTrue((run.stdout() + run.stderr()).contains("No image open"), run.describe());
	}
}
