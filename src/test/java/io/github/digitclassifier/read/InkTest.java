package io.github.digitclassifier.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The ink an ink detector's logits make of a page, on a page laid out as the register cells that once misled it. */
class InkTest {

	@Test
	void inkGrowsFromTheDetectorsSeedsOnlyThroughWhatStandsOutOfThePaper() {
		// Paper at 200; a digit's stem in ink at 60, the detector sure of it; under it, the paper a
		// shade darker (198) down to a printed rule at 80, which the detector is unsure of (its
		// logits over GROW, as at the edges of what it finds).
		final int w = 60, h = 50;
		final float[] grey = new float[w * h];
		final float[] logits = new float[w * h];
		Arrays.fill(grey, 200);
		Arrays.fill(logits, -6);
		for (int y = 8; y <= 30; y++) for (int x = 20; x <= 22; x++) set(grey, logits, w, x, y, 60, 3);
		for (int y = 31; y <= 34; y++) for (int x = 19; x <= 23; x++) set(grey, logits, w, x, y, 198, -1);
		for (int y = 35; y <= 36; y++) for (int x = 5; x <= 54; x++) set(grey, logits, w, x, y, 80, -1);
		final Ink ink = Ink.of(grey, w, h, logits);
		assertTrue(ink.mask()[20 * w + 21], "the stem is ink");
		assertFalse(ink.mask()[35 * w + 40], "the rule is no handwriting, and no shade of paper joins it to the stem");
		final List<Blob> pieces = Blobs.of(ink.mask(), w, h);
		assertEquals(1, pieces.size());
		assertEquals(23, pieces.get(0).height());
	}

	private static void set(final float[] grey, final float[] logits, final int w, final int x, final int y, final float value, final float logit) {
		grey[y * w + x] = value;
		logits[y * w + x] = logit;
	}
}
