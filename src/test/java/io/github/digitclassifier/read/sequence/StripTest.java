package io.github.digitclassifier.read.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StripTest {

	/** A bar 60 px wide and 40 tall, written 40 px tall, becomes 30 by 20 strip pixels, centred, its brightest ink 1. */
	@Test
	void scalesTheWritingToTwentyRowsCentredWithMargins() {
		final int w = 80, h = 50;
		final float[] ink = new float[w * h];
		for (int y = 5; y < 45; y++) for (int x = 10; x < 70; x++) ink[y * w + x] = 200;
		final Strip strip = Strip.of(ink, w, h, 40, 100);
		assertEquals(0, strip.width() % Strip.FRAME);
		assertEquals(w / 2 + 2 * Strip.MARGIN, strip.width(), Strip.FRAME);
		int rows = 0, columns = 0;
		for (int y = 0; y < Strip.HEIGHT; y++) if (strip.pixels()[y * strip.width() + strip.width() / 2] > 0.5f) rows++;
		for (int x = 0; x < strip.width(); x++) if (strip.pixels()[Strip.HEIGHT / 2 * strip.width() + x] > 0.5f) columns++;
		assertEquals(Strip.WRITING, rows);
		assertEquals(30, columns);
		assertEquals(1f, strip.pixels()[Strip.HEIGHT / 2 * strip.width() + strip.width() / 2], 1e-6);
		// Its top and bottom rows are empty (centred), and columns map back to the source's.
		assertEquals(0f, strip.pixels()[strip.width() / 2], 1e-6);
		assertEquals(110, strip.sourceColumn(Strip.MARGIN + 5), 1e-9);
	}

	/** Shrinking averages the area each strip pixel covers: a one-pixel line in a tall number is not lost between samples. */
	@Test
	void shrinkingAveragesRatherThanSamples() {
		final int w = 16, h = 160;
		final float[] ink = new float[w * h];
		for (int x = 0; x < w; x++) ink[81 * w + x] = 1; // one thin row, at any phase of the sampling grid
		for (int y = 0; y < h; y++) ink[y * w] = 1; // and a column, so that the 98th percentile is 1
		final Strip strip = Strip.of(ink, w, h, 160, 0);
		float most = 0;
		for (int y = 0; y < Strip.HEIGHT; y++) most = Math.max(most, strip.pixels()[y * strip.width() + Strip.MARGIN + 1]);
		assertTrue(most > 0.05 && most < 0.5, "the thin row averaged into one strip row: " + most);
	}
}
