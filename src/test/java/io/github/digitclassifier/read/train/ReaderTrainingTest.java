package io.github.digitclassifier.read.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.digitclassifier.NumberImages;
import io.github.digitclassifier.data.ImageFiles;
import io.github.digitclassifier.read.Calibration;
import io.github.digitclassifier.read.FileReading;
import io.github.digitclassifier.read.FolderReadings;
import io.github.digitclassifier.read.ReadOptions;
import io.github.digitclassifier.read.evaluate.NumberLabels;
import io.github.digitclassifier.read.evaluate.ReaderEvaluation;
import io.github.digitclassifier.read.sequence.Strip;
import io.github.digitclassifier.read.sequence.StripReader;
import io.github.digitclassifier.runtime.ModelKind;
import io.github.digitclassifier.runtime.load.ModelFiles;
import io.github.digitclassifier.train.TrainingProgress;

/**
 * A number reader trained briefly on small synthetic fields (sample digits, spaced and touching)
 * saves, loads and reads them back through the folder and evaluation paths the commands use.
 */
public class ReaderTrainingTest {

	static final int FIELDS = 150;

	/** Few: the reader starts from the bundled one, which reads such numbers already. */
	static final int EPOCHS = 4;

	@TempDir
	static Path dir;

	static Path folder, modelFile;
	static Map<String, String> labels;
	static ReaderTraining.Result result;

	@BeforeAll
	static void trainBriefly() throws IOException {
		folder = dir.resolve("fields");
		labels = writeFields(folder, FIELDS, 5);
		final List<Integer> epochs = new ArrayList<>();
		result = ReaderTraining.train(folder, null, null, null, new ReaderTraining.Recipe(EPOCHS, 16, 3e-3, 0.1, 7), new TrainingProgress() {
			@Override
			public void epochDone(final io.github.digitclassifier.model.EpochRecord r) {
				epochs.add(r.epoch());
			}
		});
		assertEquals(EPOCHS, epochs.size());
		modelFile = dir.resolve("reader.zip");
		ReaderModels.save(result.model(), modelFile);
	}

	/** Fields of 1 to 4 sample training digits, 24 to 40 px tall, and their labels.csv. */
	public static Map<String, String> writeFields(final Path folder, final int count, final long seed) throws IOException {
		final NumberImages.Digits digits = NumberImages.Digits.load(Path.of("sample-data/train"));
		final Random random = new Random(seed);
		Files.createDirectories(folder.resolve("sub"));
		final StringBuilder csv = new StringBuilder("file,label\n");
		final Map<String, String> labels = new java.util.LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			final NumberImages.Sample sample = NumberImages.draw(digits, 1 + random.nextInt(4),
				random.nextInt(3) == 0 ? NumberImages.Condition.TOUCHING : NumberImages.Condition.SPACED, 24 + random.nextInt(17),
				random.nextBoolean(), random);
			final String name = (i % 5 == 0 ? "sub/" : "") + "field-" + i + ".png";
			ImageIO.write(sample.image(), "png", folder.resolve(name).toFile());
			csv.append(name).append(',').append(sample.text()).append('\n');
			labels.put(name, sample.text());
		}
		Files.writeString(folder.resolve(NumberLabels.DEFAULT_FILE), csv);
		return labels;
	}

	@Test
	void theModelFileRoundTripsAndIsToldFromADigitModel() throws IOException {
		assertEquals(ModelKind.NUMBER_READER, ModelKind.of(modelFile));
		assertEquals(ModelKind.BUNDLE, ModelKind.of(Path.of("models/digit-classifier-mnist.zip")));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFiles.load(modelFile));
		assertTrue(e.getMessage().contains("number reader model"), e.getMessage());
		final ReaderModel loaded = ReaderModels.load(modelFile);
		assertEquals(Alphabet.DIGITS, loaded.alphabet(), "the alphabet comes from the labels: digits only");
		assertNull(loaded.network(), "read in ONNX Runtime");
		final ReaderInfo info = loaded.info();
		assertEquals(FIELDS - info.validationImages(), info.trainingImages() + result.skipped().size());
		assertEquals(EPOCHS, info.history().size());
		assertEquals(info.history().get(info.bestEpoch() - 1).validationAccuracy(), info.validationAccuracy());
		assertEquals(ReaderModels.BUNDLED, info.startedFrom(), "fine-tuned from the bundled reader");
		assertTrue(loaded.calibration().scale() > 0, "calibrated on the validation images: " + loaded.calibration());
		assertEquals(Calibration.NONE, loaded.digitCalibration(), "a user's reader reads alone: no digit model's readings were calibrated");
		// The bundled reader's second calibration, of the digit model's readings beside it, survives saving.
		final Calibration digits = new Calibration(0.6, -1.5);
		final Path again = dir.resolve("again.zip");
		ReaderModels.save(ReaderModels.loadForTraining(modelFile).calibrated(loaded.calibration(), digits), again);
		assertEquals(digits, ReaderModels.load(again).digitCalibration());
		assertNotEquals(Calibration.NONE, ReaderModels.bundled().orElseThrow().digitCalibration(), "the bundled reader weighs the digits' readings");
	}

	@Test
	void aReaderOfFormatOneIsRefusedWithWhatToDo() throws IOException {
		// Format 1's readers saw the pieces of ink found, not the field: they cannot read today's strips.
		final Path old = dir.resolve("old-reader.zip");
		try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(old))) {
			out.putNextEntry(new java.util.zip.ZipEntry(ReaderModels.METADATA_ENTRY));
			out.write(("{\"format\":\"" + ReaderModels.FORMAT + "\",\"formatVersion\":1,\"alphabet\":\"0123456789\"," +
				"\"strip\":{\"height\":32,\"writing\":20,\"margin\":8,\"frame\":4}}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
			out.closeEntry();
		}
		assertEquals(ModelKind.NUMBER_READER, ModelKind.of(old));
		final IOException e = assertThrows(IOException.class, () -> Readers.open(old, ReadOptions.defaults()));
		assertTrue(e.getMessage().startsWith(old + " is a number reader of format version 1") && e.getMessage().endsWith("train the reader again"),
			e.getMessage());
	}

	@Test
	void readsTheFieldsBackAsReadNumbersInFolderAndEvaluateNumberReaderDo() throws IOException {
		final WholeStripReader reader = new WholeStripReader(ReaderModels.load(modelFile), ReadOptions.defaults());
		final FolderReadings read = reader.readFolder(folder);
		assertEquals(FIELDS, read.readings().size());
		int whole = 0;
		for (final FileReading r : read.readings()) {
			assertTrue(r.reading().text().chars().allMatch(c -> c >= '0' && c <= '9'), r.reading().text());
			if (r.reading().text().equals(labels.get(r.file()))) whole++;
			if (!r.reading().text().isEmpty()) assertEquals(r.reading().text().length(), r.reading().digits().size());
		}
		final ReaderEvaluation evaluation = ReaderEvaluation.of(reader, folder, null);
		assertEquals(FIELDS, evaluation.report().count());
		assertEquals((double) whole / FIELDS, evaluation.report().wholeNumberAccuracy(), 1e-9);
		// Chance reads almost no whole number of up to four digits; a brief training reads a good share.
		assertTrue(evaluation.report().wholeNumberAccuracy() > 0.8, "whole-number accuracy " + evaluation.report().wholeNumberAccuracy());
	}

	@Test
	void onnxRuntimeScoresTheFramesAsDl4jDoes() throws IOException {
		final StripReader onnx = ReaderModels.load(modelFile).strips(), dl4j = ReaderModels.loadForTraining(modelFile).strips();
		final List<Strip> strips = new ArrayList<>();
		for (final String name : List.copyOf(labels.keySet()).subList(0, 20)) {
			strips.add(WholeStripReader.fields(ImageFiles.read(folder.resolve(name), 1), 1).get(0).strip());
		}
		final List<StripReader.Frames> a = onnx.read(strips), b = dl4j.read(strips);
		for (int i = 0; i < strips.size(); i++) {
			assertEquals(a.get(i).frames(), b.get(i).frames());
			assertEquals(11, a.get(i).symbols());
			final float[] x = a.get(i).logits(), y = b.get(i).logits();
			for (int k = 0; k < x.length; k++) assertEquals(x[k], y[k], 1e-4 * Math.max(1, Math.abs(x[k])), "strip " + i + ", logit " + k);
		}
	}

	/** Another alphabet keeps all the bundled reader's layers but the one that scores the symbols. */
	@Test
	void aReaderOfAnotherAlphabetStartsFromTheBundledOne() throws IOException {
		final Path plates = dir.resolve("plates");
		final StringBuilder csv = new StringBuilder("file,label\n");
		for (final Map.Entry<String, String> e : writeFields(plates, 40, 9).entrySet()) {
			csv.append(e.getKey()).append(',').append(e.getValue()).append(e.getValue().length() % 2 == 0 ? "" : "-").append('\n');
		}
		Files.writeString(plates.resolve(NumberLabels.DEFAULT_FILE), csv);
		try (ReaderModel plateReader = ReaderTraining.train(plates, null, null, null, new ReaderTraining.Recipe(1, 16, 3e-3, 0.1, 7),
			new TrainingProgress() {}).model())
		{
			assertEquals("-0123456789", plateReader.alphabet().symbols());
			assertEquals(ReaderModels.BUNDLED, plateReader.info().startedFrom());
			assertEquals(12, plateReader.strips().symbols(), "the sign, the ten digits and the blank");
		}
	}

	@Test
	void theAlphabetComesFromTheLabels() {
		assertEquals(Alphabet.DIGITS, Alphabet.of(List.of("007", "12")));
		final Alphabet plates = Alphabet.of(List.of("13A", "B-7"));
		assertEquals("-0123456789AB", plates.symbols());
		assertEquals(14, plates.scores());
		assertArrayEquals(new int[] { 2, 4, 11 }, plates.indices("13A"));
		assertEquals("A", plates.symbol(11));
		assertThrows(IllegalArgumentException.class, () -> plates.indices("13C"));
		assertThrows(IllegalArgumentException.class, () -> Alphabet.of(List.of("12", "")));
		assertThrows(IllegalArgumentException.class, () -> Alphabet.of(List.of("12 34")));
	}
}
