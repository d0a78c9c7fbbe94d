package io.github.digitclassifier.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.digitclassifier.NumberImages.Condition;
import io.github.digitclassifier.NumberImages;
import io.github.digitclassifier.TinyModel;
import io.github.digitclassifier.data.ImageFiles;
import io.github.digitclassifier.model.BundleMetadata;
import io.github.digitclassifier.model.ModelBundle;
import io.github.digitclassifier.model.ModelBundles;
import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.read.sequence.StripReader;
import io.github.digitclassifier.runtime.dl4j.NetworkClassifier;
import io.github.digitclassifier.runtime.load.ModelFiles;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Numbers written with real MNIST test digits (sample-data/test, which the bundled models never
 * trained on) read by the bundled digit model and strip network, as the commands read them,
 * under the conditions of {@link NumberImages}.
 */
class NumberReaderTest {

	private static NumberImages.Digits digits;
	private static NumberReader reader;
	/** Touching numbers of 40 read whole with the strip network at least (measured: 37; cut apart: 28). */
	private static final int STRIPS_TOUCHING = 34;
	/** Touching digits cut apart and classified, without the strip network. */
	private static NumberReader cutting;

	@TempDir
	Path dir;

	@BeforeAll
	static void load() throws IOException {
		digits = NumberImages.Digits.load(Path.of("sample-data/test"));
		reader = new NumberReader(ModelFiles.loadOrDefault(null), StripReader.bundled().orElseThrow(), ReadOptions.defaults());
		cutting = new NumberReader(ModelFiles.loadOrDefault(null), ReadOptions.defaults());
	}

	/** How many of {@code count} seeded numbers of five digits are read whole. */
	private static int readWhole(final NumberReader by, final Condition condition, final int count, final long seed) {
		return readWhole(by, condition, 5, count, seed);
	}

	private static int readWhole(final NumberReader by, final Condition condition, final int length, final int count, final long seed) {
		final Random random = new Random(seed);
		final List<RandomAccessibleInterval<? extends RealType<?>>> images = new ArrayList<>();
		final List<String> truths = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			final NumberImages.Sample sample = NumberImages.draw(digits, length, condition, 20 + random.nextInt(61), random.nextBoolean(), random);
			images.add(ImageFiles.toFloat(sample.image()));
			truths.add(sample.text());
		}
		final List<NumberReading> readings = by.readAll(images);
		int whole = 0;
		for (int i = 0; i < count; i++) if (readings.get(i).text().equals(truths.get(i))) whole++;
		return whole;
	}

	@Test
	void readsSpacedNumbersDarkOnLightAndLightOnDarkAt20To80Pixels() {
		final int whole = readWhole(reader, Condition.SPACED, 40, 11);
		assertTrue(whole >= 37, whole + " of 40 read whole");
	}

	@Test
	void leavesOutPointsCommasAndDashes() {
		final int whole = readWhole(reader, Condition.PUNCTUATED, 40, 12);
		assertTrue(whole >= 37, whole + " of 40 read whole");
	}

	@Test
	void readsOnRuledUnevenlyLitNoisyPaper() {
		final int whole = readWhole(reader, Condition.BACKGROUND, 40, 13);
		assertTrue(whole >= 36, whole + " of 40 read whole");
		// One digit alone: its small image is one block of paper, whose lighting once counted as noise and hid the ink.
		final int alone = readWhole(reader, Condition.BACKGROUND, 1, 40, 15);
		assertTrue(alone >= 37, alone + " of 40 single digits read");
	}

	@Test
	void readsTouchingDigitsWithTheStripNetworkBetterThanByCuttingThem() throws IOException {
		final int strips = readWhole(reader, Condition.TOUCHING, 40, 14);
		final int cuts = readWhole(cutting, Condition.TOUCHING, 40, 14);
		assertTrue(strips >= STRIPS_TOUCHING && strips > cuts, strips + " of 40 read whole with the strip network, " + cuts + " cut apart");
		final NumberReader five = new NumberReader(ModelFiles.loadOrDefault(null), StripReader.bundled().orElseThrow(), new ReadOptions(0.9, 5));
		final int given = readWhole(five, Condition.TOUCHING, 40, 14);
		assertTrue(given >= strips, given + " of 40 read whole with digits=5, " + strips + " without");
		final NumberReader fiveCut = new NumberReader(ModelFiles.loadOrDefault(null), new ReadOptions(0.9, 5));
		final int givenCut = readWhole(fiveCut, Condition.TOUCHING, 40, 14);
		assertTrue(givenCut >= 27 && givenCut >= cuts, givenCut + " of 40 cut apart with digits=5, " + cuts + " without");
	}

	@Test
	void givesTouchingDigitsReadTogetherBoxesSideBySideWithinTheirPiece() {
		final Random random = new Random(8);
		final NumberImages.Sample sample = NumberImages.draw(digits, 4, Condition.TOUCHING, 50, true, random);
		final NumberReading reading = reader.read(ImageFiles.toFloat(sample.image()));
		assertEquals(sample.text().length(), reading.text().length(), reading.text() + " for " + sample.text());
		int right = -1;
		for (final ReadDigit d : reading.digits()) {
			assertTrue(d.x() > right && d.width() >= 5 && d.width() <= 60 && d.height() >= 40, d + " after column " + right);
			right = d.x() + d.width() - 1;
		}
	}

	@Test
	void readsADigitBrokenAcrossAsOne() throws IOException {
		// The sample digits with the two rows across their middle wiped: a pen that skipped, a 5's flag apart from its bowl.
		int whole = 0, right = 0, total = 0;
		for (int d = 0; d <= 9; d++) {
			try (var files = java.nio.file.Files.list(Path.of("sample-data/test", Integer.toString(d)))) {
				for (final Path file : files.sorted().toList()) {
					final float[] pixels = ImageFiles.read(file).update(null).getCurrentStorageArray().clone();
					java.util.Arrays.fill(pixels, 13 * 28, 15 * 28, 0f);
					final String text = reader.read(pixels, 28, 28).text();
					total++;
					if (text.length() == 1) whole++;
					if (text.equals(Integer.toString(d))) right++;
				}
			}
		}
		assertTrue(whole >= 0.85 * total && right >= 0.7 * total, whole + " read as one digit, " + right + " right, of " + total);
	}

	@Test
	void keepsLeadingZerosAndGivesEachDigitItsBoxAndConfidence() {
		final Random random = new Random(3);
		NumberImages.Sample sample;
		do sample = NumberImages.draw(digits, 5, Condition.SPACED, 40, true, random);
		while (sample.text().charAt(0) != '0');
		final NumberReading reading = reader.read(ImageFiles.toFloat(sample.image()));
		assertEquals(sample.text(), reading.text());
		assertEquals(5, reading.digits().size());
		double product = 1;
		int lastX = -1;
		for (final ReadDigit d : reading.digits()) {
			product *= d.confidence();
			assertTrue(d.x() > lastX && d.height() >= 30 && d.height() <= 50, d.toString());
			lastX = d.x();
		}
		assertEquals(product, reading.confidence(), 1e-12);
	}

	@Test
	void aDigitInTwoPiecesSideBySideIsReadAsOne() {
		// A 4 written in two strokes that do not meet: paper down its middle, between the angle and the stem.
		final Random random = new Random(9);
		int read = 0;
		for (int n = 0; n < 10; n++) {
			NumberImages.Sample sample;
			do sample = NumberImages.draw(digits, 3, Condition.SPACED, 60, true, random);
			while (sample.text().charAt(0) != '4');
			final BufferedImage image = sample.image();
			final int h = image.getHeight(), paper = image.getRaster().getSample(0, 0, 0);
			// The first digit's ink starts at 0.6 of the height (36 px) and is under 60 px wide.
			int left = Integer.MAX_VALUE, right = 0;
			for (int x = 30; x < 100; x++) {
				for (int y = 0; y < h; y++) {
					if (image.getRaster().getSample(x, y, 0) < 128) {
						left = Math.min(left, x);
						right = Math.max(right, x);
					}
				}
				if (left < Integer.MAX_VALUE && x > left + 5 && isPaperColumn(image, x, paper)) break;
			}
			final int cut = left + (right - left) * 11 / 20;
			for (int y = 0; y < h; y++) for (int x = cut; x < cut + 3; x++) image.getRaster().setSample(x, y, 0, paper);
			if (reader.read(ImageFiles.toFloat(image)).text().equals(sample.text())) read++;
		}
		// Read as they come apart, none is (measured: 0 of 10; merged, 6).
		assertTrue(read >= 4, read + " of 10 numbers with a 4 in two pieces read whole");
	}

	private static boolean isPaperColumn(final BufferedImage image, final int x, final int paper) {
		for (int y = 0; y < image.getHeight(); y++) if (Math.abs(image.getRaster().getSample(x, y, 0) - paper) > 60) return false;
		return true;
	}

	@Test
	void anImageWithoutDigitsReadsAsNothing() {
		final float[] blank = new float[300 * 100];
		java.util.Arrays.fill(blank, 200);
		assertEquals(NumberReading.NONE, reader.read(blank, 300, 100));
		assertEquals(NumberReading.NONE, reader.read(new float[] { 7 }, 1, 1));
		// Paper grain and JPEG-like noise alone.
		final Random random = new Random(5);
		for (int i = 0; i < blank.length; i++) blank[i] = (float) (200 + 6 * random.nextGaussian());
		assertEquals("", reader.read(blank, 300, 100).text());
	}

	@Test
	void readsNumbersBuiltFromTheUciDigitsWhenThereAreAny() throws IOException {
		final Path optdigits = Path.of("../shared/data/optdigits/optdigits-orig.tra");
		org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(optdigits), "no UCI optdigits here");
		final Path root = dir.resolve("optdigits");
		final List<String> lines = Files.readAllLines(optdigits);
		// The first 20 of each digit, light ink on black as MNIST's, into class folders.
		final int[] taken = new int[10];
		for (int at = 21; at + 32 < lines.size(); at += 33) {
			final int label = Integer.parseInt(lines.get(at + 32).trim());
			if (taken[label] == 20) continue;
			final BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
			for (int y = 0; y < 32; y++) {
				for (int x = 0; x < 32; x++) image.getRaster().setSample(x, y, 0, lines.get(at + y).charAt(x) == '1' ? 255 : 0);
			}
			final Path folder = Files.createDirectories(root.resolve(Integer.toString(label)));
			ImageIO.write(image, "png", folder.resolve("uci-" + at + ".png").toFile());
			taken[label]++;
		}
		final NumberImages.Digits uci = NumberImages.Digits.load(root);
		final Random random = new Random(21);
		int whole = 0;
		for (int i = 0; i < 30; i++) {
			final NumberImages.Sample sample = NumberImages.draw(uci, 5, Condition.SPACED, 24 + random.nextInt(40), random.nextBoolean(), random);
			if (reader.read(ImageFiles.toFloat(sample.image())).text().equals(sample.text())) whole++;
		}
		assertTrue(whole >= 21, whole + " of 30 numbers of UCI digits read whole");
	}

	@Test
	void refusesAModelOfPictures() {
		final ModelBundle shapes = TinyModel.result().bundle();
		final BundleMetadata m = shapes.metadata();
		final ModelBundle pictures = new ModelBundle(shapes.network(), new BundleMetadata(m.format(), m.formatVersion(), m.classNames(),
			Preprocessing.resize(28, 28), m.recipe(), m.choices(), m.data(), m.history(), m.metrics(), m.trainingImages(), m.created(),
			m.libraryVersion(), m.dl4jVersion()));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NumberReader(new NetworkClassifier(pictures), ReadOptions.defaults()));
		assertTrue(e.getMessage().contains("reading numbers needs a model trained on digits"), e.getMessage());
	}
}
