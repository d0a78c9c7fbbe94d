package io.github.digitclassifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;

import io.github.digitclassifier.TinyModel;
import io.github.digitclassifier.HeadlessContext;

class MainTest {

	private static final Context context = HeadlessContext.get();

	@TempDir
	Path dir;

	@Test
	void trainsAndClassifiesWithTheMacroKeys() throws Exception {
		final Path model = dir.resolve("model.zip");
		assertEquals(0, Main.run(context, new String[] { "train", "train_folder=" + TinyModel.train(),
			"test_folder=[" + TinyModel.test() + "]", "model_file=" + model, "network=lenet", "epochs=1", "augment=false" }));
		assertTrue(Files.size(model) > 0);
		final Path out = dir.resolve("out.csv");
		assertEquals(0, Main.run(context, new String[] { "classify", "folder=" + TinyModel.test(), "model_file=" + model,
			"output_file=" + out }));
		assertEquals(61, Files.readAllLines(out).size());
	}

	@Test
	void badWordsFailWithTheirKeyNamedAndWithoutOutput() {
		assertTrue(failure(2, "fly").contains("unknown verb 'fly'; the verbs are import, train, evaluate, classify, classify-image,"));
		final Path model = dir.resolve("model.zip");
		final String train = "train_folder=" + TinyModel.train(), out = "model_file=" + model;
		assertTrue(failure(1, "train", train, out, "epochs=three").endsWith("Digit Classifier error: epochs must be a whole number, not 'three'\n"));
		assertTrue(failure(1, "train", train, out, "augment=yes").endsWith("Digit Classifier error: augment must be true or false, not 'yes'\n"));
		assertTrue(failure(1, "train", train, out, "epoch=3").contains("Digit Classifier error: Unknown key epoch for Train Digit Classifier: its keys are "));
		assertTrue(failure(1, "train", train, out, "epochs=3", "epochs=4").contains("The key epochs is given twice"));
		assertTrue(failure(1, "classify-image", "image=" + dir.resolve("missing.tif")).contains("image: no image file " + dir.resolve("missing.tif")));
		assertTrue(failure(1, "classify-image", "image=README.md").contains("image: cannot open README.md as an image: the formats read are PNG, TIFF"));
		assertFalse(Files.exists(model));
	}

	@Test
	void helpListsEveryKeyWithItsDefaultAndMeaning() {
		final java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
		final java.io.PrintStream out = System.out;
		System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
		try {
			assertEquals(0, Main.run(context, new String[] { "help", "train" }));
			assertEquals(0, Main.run(context, new String[] { "--help" }));
		}
		finally {
			System.setOut(out);
		}
		final String help = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
		assertTrue(help.contains("  batch_size=64 ") && help.contains("Batch size"), help);
		assertTrue(help.contains("  network=cnn ") && help.contains("(lenet, cnn)"), help);
		for (final String verb : Main.VERBS.keySet()) assertTrue(help.contains("\n  " + verb + " "), verb + " not in " + help);
	}

	/** Runs the command line, which must end with this status, and returns what it printed on standard error. */
	private static String failure(final int status, final String... args) {
		final java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
		final java.io.PrintStream err = System.err;
		System.setErr(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
		try {
			assertEquals(status, Main.run(context, args), String.join(" ", args));
		}
		finally {
			System.setErr(err);
		}
		final String said = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
		assertFalse(said.contains("\tat "), said);
		return said;
	}

	@Test
	void readsNumbersInAnImageAndAFolderWithLeadingZerosKept() throws Exception {
		final io.github.digitclassifier.NumberImages.Digits digits = io.github.digitclassifier.NumberImages.Digits.load(Path.of("sample-data/test"));
		final java.util.Random random = new java.util.Random(4);
		io.github.digitclassifier.NumberImages.Sample sample;
		do sample = io.github.digitclassifier.NumberImages.draw(digits, 5, io.github.digitclassifier.NumberImages.Condition.SPACED, 36, true, random);
		while (sample.text().charAt(0) != '0');
		// Paths with spaces and letters beyond ASCII, as users name their folders.
		final Path folder = Files.createDirectories(dir.resolve("Zahlen für Jänner/batch 1"));
		javax.imageio.ImageIO.write(sample.image(), "png", folder.resolve("code.png").toFile());
		final Path image = dir.resolve("image.csv"), all = dir.resolve("folder.csv");
		assertEquals(0, Main.run(context, new String[] { "read", "image=" + folder.resolve("code.png"), "digits=5", "output_file=" + image }));
		assertEquals(0, Main.run(context, new String[] { "read-folder", "folder=" + dir.resolve("Zahlen für Jänner"), "output_file=" + all }));
		final String[] row = Files.readAllLines(image).get(1).split(",");
		assertEquals("1", row[0]);
		assertEquals(sample.text(), row[2], Files.readAllLines(image).toString());
		assertTrue(Files.readAllLines(all).get(1).startsWith("batch 1/code.png," + sample.text() + ","), Files.readAllLines(all).toString());
		// A folder without an image is an error, not an empty table.
		Files.createDirectories(dir.resolve("empty"));
		assertEquals(1, Main.run(context, new String[] { "read-folder", "folder=" + dir.resolve("empty"), "output_file=" + dir.resolve("none.csv") }));
		assertFalse(Files.exists(dir.resolve("none.csv")));
	}

	@Test
	void anImageTooLargeToOpenIsRefusedFromItsHeader() throws Exception {
		// A PNG's signature and header alone, of 100000x100000 px: what ImageJ would decode whole.
		final ByteArrayOutputStream header = new ByteArrayOutputStream();
		final DataOutputStream png = new DataOutputStream(header);
		png.writeLong(0x89504E470D0A1A0AL);
		final byte[] chunk = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(100_000).putInt(100_000)
			.put(new byte[] { 8, 0, 0, 0, 0 }).array();
		final CRC32 crc = new CRC32();
		crc.update(chunk);
		png.writeInt(13);
		png.write(chunk);
		png.writeInt((int) crc.getValue());
		final Path huge = Files.write(dir.resolve("huge.png"), header.toByteArray());
		final ByteArrayOutputStream said = new ByteArrayOutputStream();
		final PrintStream err = System.err;
		System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
		try {
			assertEquals(1, Main.run(context, new String[] { "classify-image", "image=" + huge }));
		}
		finally {
			System.setErr(err);
		}
		final String line = said.toString(StandardCharsets.UTF_8);
		assertTrue(line.contains("image: " + huge + " is 100000x100000 px, too large to open") && !line.contains("\tat "), line);
	}

	/** Evaluate Number Reader measures what Read Numbers in Folder reads, against the labels. */
	@Test
	void evaluatesTheReaderOnLabelledNumbersAsReadNumbersInFolderReadsThem() throws Exception {
		final io.github.digitclassifier.NumberImages.Digits digits = io.github.digitclassifier.NumberImages.Digits.load(Path.of("sample-data/test"));
		final java.util.Random random = new java.util.Random(11);
		final Path folder = Files.createDirectories(dir.resolve("fields/a"));
		final List<String> labels = new java.util.ArrayList<>(List.of("file,label"));
		for (int i = 0; i < 20; i++) {
			final io.github.digitclassifier.NumberImages.Sample sample = io.github.digitclassifier.NumberImages.draw(digits, 4,
				i % 2 == 0 ? io.github.digitclassifier.NumberImages.Condition.SPACED : io.github.digitclassifier.NumberImages.Condition.TOUCHING, 36,
				true, random);
			javax.imageio.ImageIO.write(sample.image(), "png", folder.resolve(i + ".png").toFile());
			labels.add("a/" + i + ".png," + sample.text());
		}
		Files.write(dir.resolve("fields/labels.csv"), labels);
		final Path readings = dir.resolve("readings.csv"), report = dir.resolve("report.csv");
		assertEquals(0, Main.run(context, new String[] { "read-folder", "folder=" + dir.resolve("fields"), "output_file=" + readings }));
		assertEquals(0, Main.run(context, new String[] { "evaluate-reader", "test_folder=" + dir.resolve("fields"), "report_file=" + report }));
		final java.util.Map<String, String> truth = new java.util.HashMap<>();
		for (final String line : labels.subList(1, labels.size())) truth.put(line.split(",")[0], line.split(",")[1]);
		final long right = Files.readAllLines(readings).stream().skip(1).filter(r -> r.split(",")[1].equals(truth.get(r.split(",")[0]))).count();
		final List<String> rows = Files.readAllLines(report);
		assertEquals(List.of("metric", "whole_number_accuracy", "digit_accuracy", "mean_confidence", "accuracy_at_90", "threshold_at_90", "accuracy_at_80",
			"threshold_at_80", "count,20"), rows.stream().map(r -> r.startsWith("count") ? r : r.split(",")[0]).toList());
		assertEquals(right / 20.0, Double.parseDouble(rows.get(1).split(",")[1]), 1e-6, rows.toString());
		assertTrue(right >= 14, right + " of 20 read whole");
		assertTrue(Double.parseDouble(rows.get(4).split(",")[1]) >= Double.parseDouble(rows.get(1).split(",")[1]) - 1e-9, rows.toString());
	}

	@Test
	void exportsTheBundledModelAsOnnxThatClassifiesAsTheBundleDoes() throws Exception {
		final Path onnx = dir.resolve("exported digits.onnx");
		assertEquals(0, Main.run(context, new String[] { "export", "output_file=[" + onnx + "]" }));
		assertTrue(Files.size(onnx) > 100_000 && Files.exists(dir.resolve("exported digits.onnx.json")));
		final Path bundle = dir.resolve("bundle.csv"), exported = dir.resolve("onnx.csv");
		assertEquals(0, Main.run(context, new String[] { "classify", "folder=sample-data/test", "output_file=" + bundle }));
		assertEquals(0, Main.run(context, new String[] { "classify", "folder=sample-data/test", "model_file=[" + onnx + "]", "output_file=" + exported }));
		final List<String> expected = Files.readAllLines(bundle), actual = Files.readAllLines(exported);
		assertEquals(201, actual.size());
		for (int i = 0; i < expected.size(); i++) {
			// file, predicted class: the same; probabilities printed to 6 digits may differ in the last
			final String[] e = expected.get(i).split(","), a = actual.get(i).split(",");
			assertEquals(e[0] + "," + e[1], a[0] + "," + a[1]);
			if (i > 0) for (int c = 2; c < e.length; c++) assertEquals(Double.parseDouble(e[c]), Double.parseDouble(a[c]), 1e-5, expected.get(i));
		}
		// Bad keys fail and write nothing; the model stays as it was.
		final Path own = Files.copy(Path.of("models/digit-classifier-mnist.zip"), dir.resolve("own.zip"));
		for (final String[] args : List.of(new String[] { "export", "output_file=" + dir.resolve("model.zip") },
			new String[] { "export", "format=keras", "output_file=" + dir.resolve("k.onnx") },
			new String[] { "export", "model_file=" + onnx, "output_file=" + dir.resolve("again.onnx") },
			new String[] { "export", "format=bioimageio", "model_file=" + onnx, "output_file=" + dir.resolve("again.zip") },
			new String[] { "export", "format=bioimageio", "output_file=" + dir.resolve("package.onnx") },
			new String[] { "export", "format=bioimageio", "model_file=" + own, "output_file=" + own }))
		{
			assertEquals(1, Main.run(context, args), String.join(" ", args));
		}
		assertFalse(Files.exists(dir.resolve("model.zip")) || Files.exists(dir.resolve("k.onnx")) || Files.exists(dir.resolve("again.onnx")) ||
			Files.exists(dir.resolve("again.zip")) || Files.exists(dir.resolve("package.onnx")));
		assertEquals(-1, Files.mismatch(own, Path.of("models/digit-classifier-mnist.zip")));
	}
}
