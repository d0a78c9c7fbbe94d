package io.github.digitclassifier.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import io.github.digitclassifier.data.ClassFolders;

/** Real MNIST digits (sample-data) restyled as other hands and scanners give them, and the non-digits made of them. */
class HandwritingStylerTest {

	private static final Preprocessing DIGITS = Preprocessing.digits();

	private static float[] digit(final PreparedImages images, final int i) {
		final float[] input = new float[DIGITS.pixelCount()];
		images.copyTo(i, input, 0);
		return input;
	}

	/** x0, y0, x1, y1 of what is above the content level. */
	private static int[] box(final float[] input) {
		int x0 = 28, y0 = 28, x1 = -1, y1 = -1;
		for (int i = 0; i < input.length; i++) {
			if (input[i] > Paper.CONTENT_LEVEL) {
				x0 = Math.min(x0, i % 28); x1 = Math.max(x1, i % 28);
				y0 = Math.min(y0, i / 28); y1 = Math.max(y1, i / 28);
			}
		}
		return new int[] { x0, y0, x1, y1 };
	}

	@Test
	void restyledDigitsArePreparedAgainAsAScanOfThemWouldBe() throws Exception {
		final PreparedImages images = PreparedImages.prepare(ClassFolders.scan(Path.of("sample-data/test")), new Preprocessor(DIGITS));
		final HandwritingStyler styler = new HandwritingStyler(HandwritingStyle.defaults(), DIGITS);
		double thinnest = Double.MAX_VALUE, thickest = 0;
		for (int i = 0; i < images.size(); i += 5) {
			final float[] source = digit(images, i);
			for (int seed = 0; seed < 5; seed++) {
				final float[] out = new float[DIGITS.pixelCount()];
				styler.restyle(source, 0, out, 0, false, new SplittableRandom(seed));
				final float[] again = new float[DIGITS.pixelCount()];
				styler.restyle(source, 0, again, 0, false, new SplittableRandom(seed));
				assertArrayEquals(out, again, "the same draws give the same style");
				for (final float v : out) assertTrue(v >= 0 && v <= 1, "intensity " + v);
				// Fitted again into the 20-pixel box (a ruled line may widen what shows), centred.
				final int[] b = box(out);
				final int longer = Math.max(b[2] - b[0] + 1, b[3] - b[1] + 1);
				assertTrue(longer >= 18 && longer <= 28, "content box " + Arrays.toString(b));
				double ink = 0;
				for (final float v : out) ink += v;
				thinnest = Math.min(thinnest, ink);
				thickest = Math.max(thickest, ink);
			}
		}
		// Fine pens to markers: the ink of a restyled digit varies more than threefold.
		assertTrue(thickest > 3 * thinnest, thinnest + " to " + thickest);
	}

	/** The pixels above half intensity in rows {@code y0..y1}, columns {@code x0..x1}. */
	private static int ink(final float[] input, final int x0, final int x1, final int y0, final int y1) {
		int count = 0;
		for (int y = y0; y <= y1; y++) for (int x = x0; x <= x1; x++) if (input[y * 28 + x] > 0.5f) count++;
		return count;
	}

	/** The leftmost and rightmost columns with ink above half intensity in rows {@code y0..y1}. */
	private static int leftmost(final float[] input, final int y0, final int y1) {
		for (int x = 0; x < 28; x++) if (ink(input, x, x, y0, y1) > 0) return x;
		return 28;
	}

	private static int rightmost(final float[] input, final int y0, final int y1) {
		for (int x = 27; x >= 0; x--) if (ink(input, x, x, y0, y1) > 0) return x;
		return -1;
	}

	@Test
	void onesMayBeWrittenWithAFlagAndAFootAsMuchOfEuropeWritesThem() {
		// An upright 1: a bar 3 px wide, as prepared (20 px tall, centred).
		final float[] bar = new float[DIGITS.pixelCount()];
		for (int y = 4; y < 24; y++) for (int x = 13; x < 16; x++) bar[y * 28 + x] = 1;
		// Nothing else restyled: only the flag and the foot.
		final HandwritingStyler styler = new HandwritingStyler(new HandwritingStyle(1, 0, 0, 0, 0, 0, 0, 0, 1), DIGITS);
		int feet = 0;
		for (int seed = 0; seed < 20; seed++) {
			final float[] one = new float[DIGITS.pixelCount()], other = new float[DIGITS.pixelCount()];
			styler.restyle(bar, 0, one, 0, true, new SplittableRandom(seed));
			styler.restyle(bar, 0, other, 0, false, new SplittableRandom(seed));
			// Rows of the bar alone: above the foot, below the flag.
			final int[] b = box(one), bare = box(other);
			final int barTop = b[3] - 8, barBottom = b[3] - 5;
			// The flag: the upper half reaches further left than the bar, as the bare 1's does not.
			assertTrue(leftmost(one, b[1], (b[1] + b[3]) / 2) < leftmost(one, barTop, barBottom) - 1, "seed " + seed + ": a flag left of the top");
			assertEquals(leftmost(other, bare[1], (bare[1] + bare[3]) / 2), leftmost(other, bare[3] - 8, bare[3] - 5));
			// The foot: the bottom rows reach further right than the bar.
			if (rightmost(one, b[3] - 1, b[3]) > rightmost(one, barTop, barBottom) + 1) feet++;
		}
		assertTrue(feet >= 1 && feet <= 10, feet + " of 20 with a foot: about a fifth");
	}

	@Test
	void nonDigitsAreTwoTouchingDigitsOrAPartOfOneAndTrainAsEveryClassAlike() throws Exception {
		final PreparedImages images = PreparedImages.prepare(ClassFolders.scan(Path.of("sample-data/test")), new Preprocessor(DIGITS));
		final HandwritingStyler styler = new HandwritingStyler(HandwritingStyle.defaults(), DIGITS);
		int wide = 0, narrow = 0;
		for (int seed = 0; seed < 40; seed++) {
			final float[] out = new float[DIGITS.pixelCount()];
			// A 0 and a 4: a pair of them is far wider than high, half of a 0 far narrower.
			styler.nonDigit(digit(images, 0), digit(images, 80), out, 0, new SplittableRandom(seed));
			final int[] b = box(out);
			final double aspect = (b[2] - b[0] + 1.0) / (b[3] - b[1] + 1.0);
			if (aspect > 1.3) wide++;
			if (aspect < 0.6) narrow++;
		}
		assertTrue(wide >= 10 && narrow >= 10, wide + " pairs, " + narrow + " parts of 40");

		final Augmenter augmenter = new Augmenter(Augmentation.digits(), DIGITS);
		int uniform = 0, total = 0;
		try (ImageBatches batches = ImageBatches.epoch(images, 50, 10, augmenter, 1, 1, 4, false)) {
			while (batches.hasNext()) {
				final DataSet batch = batches.next();
				final float[] labels = batch.getLabels().ravel().toFloatVector();
				for (int r = 0; r < batch.numExamples(); r++, total++) {
					final float[] row = Arrays.copyOfRange(labels, r * 10, r * 10 + 10);
					if (row[0] == 0.1f) {
						for (final float v : row) assertEquals(0.1f, v);
						uniform++;
					}
					else {
						assertEquals(1f, (float) Arrays.stream(new double[] { row[0], row[1], row[2], row[3], row[4], row[5], row[6],
							row[7], row[8], row[9] }).sum(), 1e-6);
					}
				}
			}
		}
		final double share = (double) uniform / total;
		assertTrue(share > 0.04 && share < 0.12, uniform + " of " + total + " non-digits; the default share is " +
			HandwritingStyle.defaults().nonDigits());
		assertFalse(new Augmenter(Augmentation.pictures(true, false), DIGITS).picksNonDigit(new SplittableRandom(1)));
	}
}
