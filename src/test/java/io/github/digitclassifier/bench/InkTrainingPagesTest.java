package io.github.digitclassifier.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The training fields' legibility measure, which decides what the field reader is taught on. */
class InkTrainingPagesTest {

	private static final int SIZE = 40;

	/** A vertical stroke of grey {@code ink} on paper {@code paper(x, y)}, with a little noise. */
	private static InkTrainingPages.Page stroke(final int ink, final java.util.function.IntBinaryOperator paper) {
		final float[] grey = new float[SIZE * SIZE], target = new float[SIZE * SIZE];
		final Random random = new Random(1);
		for (int y = 0; y < SIZE; y++) {
			for (int x = 0; x < SIZE; x++) {
				final int i = y * SIZE + x;
				final boolean stroke = x >= 18 && x < 22 && y >= 8 && y < 32;
				grey[i] = (float) ((stroke ? ink : paper.applyAsInt(x, y)) + 3 * random.nextGaussian());
				target[i] = stroke ? 1 : 0;
			}
		}
		return new InkTrainingPages.Page(grey, target, SIZE, SIZE, "1");
	}

	@Test
	void printAsDarkAsTheInkBuriesIt() {
		final double plain = stroke(140, (x, y) -> 200).contrast();
		final double lit = stroke(116, (x, y) -> 140 + 2 * x).contrast();
		final double printed = stroke(140, (x, y) -> (x + y) % 4 < 2 ? 140 : 200).contrast();
		assertTrue(plain > 10, "plain paper: " + plain);
		// Light rising 80 levels across the field, more than the ink stands out by, is not print.
		assertTrue(lit > 5, "uneven light: " + lit);
		assertTrue(printed < MakeFieldReader.LEGIBLE, "security lines as dark as the ink: " + printed);
	}
}
