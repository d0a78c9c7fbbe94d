package io.github.digitclassifier.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CalibrationTest {

	/** A reader sure of itself: a reading of raw confidence c is right with chance c^4. */
	@Test
	void anOverconfidentReaderIsBroughtToItsTrueRate() {
		final Random random = new Random(3);
		final int n = 20_000;
		final double[] raw = new double[n];
		final boolean[] right = new boolean[n];
		for (int i = 0; i < n; i++) {
			raw[i] = 0.5 + 0.5 * random.nextDouble();
			right[i] = random.nextDouble() < Math.pow(raw[i], 4);
		}
		final Calibration c = Calibration.fit(raw, right);
		for (final double[] bin : new double[][] { { 0.5, 0.75 }, { 0.75, 0.95 }, { 0.95, 1 } }) {
			double said = 0, before = 0;
			int count = 0, rightCount = 0;
			for (int i = 0; i < n; i++) {
				if (raw[i] < bin[0] || raw[i] >= bin[1]) continue;
				count++;
				if (right[i]) rightCount++;
				said += c.apply(raw[i]);
				before += raw[i];
			}
			final double rate = (double) rightCount / count;
			assertEquals(rate, said / count, 0.04, "calibrated, raw confidences " + bin[0] + "-" + bin[1]);
			if (bin[0] < 0.9) assertTrue(before / count - rate > 0.1, "raw confidences overstate " + bin[0] + "-" + bin[1]);
		}
	}

	@Test
	void orderIsKeptAndNothingReadStaysAtZero() {
		final Calibration c = new Calibration(0.5, -1);
		assertTrue(c.apply(0.99) > c.apply(0.9) && c.apply(0.9) > c.apply(0.5));
		assertEquals(0, c.apply(0));
		assertSame(NumberReading.NONE, c.apply(NumberReading.NONE));
		final NumberReading r = NumberReading.of(List.of(new ReadDigit(0, 0, 5, 9, "7", 0.9, false)));
		assertEquals(c.apply(0.9), c.apply(r).confidence(), 1e-12);
		assertEquals("7", c.apply(r).text());
	}

	@Test
	void fewReadingsAllRightDoNotRunAway() {
		final Calibration c = Calibration.fit(new double[] { 0.9, 0.95, 0.99 }, new boolean[] { true, true, true });
		assertTrue(c.scale() > 0.2 && c.scale() < 5 && Math.abs(c.shift()) < 5, c.toString());
	}
}
