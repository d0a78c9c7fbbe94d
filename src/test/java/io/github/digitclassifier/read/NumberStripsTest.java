package io.github.digitclassifier.read;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.github.digitclassifier.NumberImages;
import io.github.digitclassifier.bench.InkTrainingPages;
import io.github.digitclassifier.read.sequence.Strip;

class NumberStripsTest {

	/**
	 * A field strip spans the handwriting of a field on a document, background and all: the
	 * columns of the handwritten pixels the strip covers, for fields of every kind (security
	 * print, rules, margins, text), with the bundled ink detector.
	 */
	@Test
	void aFieldStripSpansTheWholeNumber() throws IOException {
		final NumberImages.Digits digits = NumberImages.Digits.load(Path.of("sample-data/test"));
		final InkDetector detector = InkDetector.bundled().orElseThrow();
		final Random random = new Random(11);
		int fields = 0, found = 0, spanned = 0;
		for (; fields < 40; fields++) {
			final InkTrainingPages.Page page = InkTrainingPages.field(digits, random);
			final NumberStrips.Writing writing = NumberStrips.field(page.grey(), page.width(), page.height(), detector);
			if (writing == null) continue;
			found++;
			final Strip strip = writing.strip();
			// The columns x the strip covers, from <= x < to (its source columns rounded up).
			final int from = (int) Math.ceil(strip.sourceColumn(0)), to = (int) Math.ceil(strip.sourceColumn(strip.width()));
			if (page.holdsInk(0.98, from, 0, to, page.height())) spanned++;
			for (final float v : strip.pixels()) assertTrue(v >= 0 && v <= 1, "strip values within 0..1: " + v);
		}
		// A few fields' writing is lost under print as dark as it, or is too faint to tell from the paper.
		assertTrue(found >= 0.85 * fields, "writing found in " + found + " of " + fields + " fields");
		assertTrue(spanned >= 0.85 * found, "the strip spans the whole number in " + spanned + " of " + found);
	}
}
