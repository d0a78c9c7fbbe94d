package io.github.digitclassifier.bench.documents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.digitclassifier.bench.documents.Documents.Kind;

/** The document generator: the same seed makes the same image, labels are the digits drawn, sizes are as described. */
class DocumentsTest {

	private static UciDigits digits;
	private static Documents documents;

	@BeforeAll
	static void load() throws IOException {
		assumeTrue(UciDigits.present(UciDigits.DEFAULT_FOLDER), "no UCI optdigits in " + UciDigits.DEFAULT_FOLDER);
		digits = UciDigits.load(UciDigits.DEFAULT_FOLDER);
		documents = new Documents(digits);
	}

	@Test
	void theSameSeedMakesTheSameImageAndAnotherSeedAnother() {
		for (final Kind kind : Kind.values()) {
			for (long seed = 1; seed <= 3; seed++) {
				final Document a = documents.make(kind, seed), b = documents.make(kind, seed);
				assertEquals(a.label(), b.label());
				assertArrayEquals(a.file(), b.file(), kind + " seed " + seed);
			}
			assertFalse(Arrays.equals(documents.make(kind, 1).file(), documents.make(kind, 2).file()), kind.id());
		}
	}

	@Test
	void labelsAreTheUciDigitsDrawn() {
		for (final Kind kind : Kind.values()) {
			for (long seed = 10; seed < 16; seed++) {
				final Document d = documents.make(kind, seed);
				assertTrue(d.label().matches("[0-9]+"), kind + ": label " + d.label());
				assertEquals(d.label().length(), d.sources().length, kind + " seed " + seed);
				for (int i = 0; i < d.sources().length; i++) {
					assertEquals(d.label().charAt(i) - '0', digits.label(d.sources()[i]), kind + " seed " + seed + " digit " + i);
				}
				assertTrue(hasInk(d.image()), kind + " seed " + seed + " is blank");
			}
		}
	}

	@Test
	void chequesAndRegistersHaveTheDescribedSizes() {
		for (long seed = 20; seed < 32; seed++) {
			final Document cheque = documents.cheque(seed);
			within(cheque.image().getWidth(), 44, 307, "cheque width");
			within(cheque.image().getHeight(), 33, 108, "cheque height");
			within(cheque.label().length(), 1, 7, "cheque digits");
			assertEquals("jpg", cheque.extension());
			final Document register = documents.register(seed);
			within(register.image().getWidth(), 80, 160, "register width");
			within(register.image().getHeight(), 100, 315, "register height");
			within(register.label().length(), 1, 3, "register digits");
			within((int) register.digitHeight(), 12, 30, "register digit height");
			assertTrue(register.label().charAt(0) != '0', "a row number has no leading zero");
			within(documents.envelope(seed).label().length(), 4, 5, "postal code digits");
		}
	}

	private static void within(final int value, final int min, final int max, final String what) {
		assertTrue(value >= min && value <= max, what + " " + value + " not within " + min + ".." + max);
	}

	/** Some pixel well darker than the image's median (its paper). */
	private static boolean hasInk(final BufferedImage image) {
		final int[] grey = new int[image.getWidth() * image.getHeight()];
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int sum = 0;
				for (int band = 0; band < image.getRaster().getNumBands(); band++) sum += image.getRaster().getSample(x, y, band);
				grey[y * image.getWidth() + x] = sum / image.getRaster().getNumBands();
			}
		}
		final int[] sorted = grey.clone();
		Arrays.sort(sorted);
		return sorted[0] < sorted[sorted.length / 2] - 60;
	}
}
