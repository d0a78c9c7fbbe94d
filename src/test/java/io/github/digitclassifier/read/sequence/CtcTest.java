package io.github.digitclassifier.read.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** CTC against its definition: every path through a few frames enumerated. */
class CtcTest {

	private static final int SYMBOLS = 4; // three symbols and the blank
	private static final int BLANK = SYMBOLS - 1;

	@Test
	void lossIsMinusTheLogOfAllPathsThatSpellTheLabels() {
		final Random random = new Random(7);
		for (final int[] labels : new int[][] { { 0 }, { 1, 2 }, { 1, 1 }, { 2, 0, 2 }, {} }) {
			final int frames = 5;
			final float[] logits = randomLogits(random, frames);
			final double expected = -Math.log(sumOfPaths(logits, frames, labels));
			final double loss = Ctc.loss(logits, frames, SYMBOLS, labels, new float[logits.length]);
			assertEquals(expected, loss, 1e-9 * Math.max(1, Math.abs(expected)), "labels " + java.util.Arrays.toString(labels));
		}
	}

	@Test
	void gradientIsTheLossesDerivative() {
		final Random random = new Random(11);
		final int frames = 6;
		final int[] labels = { 2, 2, 0 };
		final float[] logits = randomLogits(random, frames);
		final float[] gradient = new float[logits.length];
		Ctc.loss(logits, frames, SYMBOLS, labels, gradient);
		for (int i = 0; i < logits.length; i++) {
			final float[] up = logits.clone(), down = logits.clone();
			up[i] += 1e-3f;
			down[i] -= 1e-3f;
			final double numeric = (loss(up, frames, labels) - loss(down, frames, labels)) / (up[i] - down[i]);
			assertEquals(numeric, gradient[i], 2e-3, "logit " + i);
		}
	}

	@Test
	void framesTooFewToSpellTheLabelsGiveAnInfiniteLossAndNoGradient() {
		final float[] logits = randomLogits(new Random(3), 2);
		final float[] gradient = new float[logits.length];
		java.util.Arrays.fill(gradient, 5);
		// 1, 1 needs a blank between: three frames.
		assertEquals(Double.POSITIVE_INFINITY, Ctc.loss(logits, 2, SYMBOLS, new int[] { 1, 1 }, gradient));
		assertArrayEquals(new float[logits.length], gradient);
		// No frames at all spell nothing, not even the empty string; no best path either.
		assertEquals(Double.POSITIVE_INFINITY, Ctc.loss(new float[0], 0, SYMBOLS, new int[0], new float[0]));
		assertEquals(null, Ctc.bestPath(new float[0], 0, SYMBOLS, 0));
	}

	@Test
	void bestPathsAreTheLikeliestPaths() {
		final Random random = new Random(5);
		for (int trial = 0; trial < 20; trial++) {
			final int frames = 6;
			final float[] logits = randomLogits(random, frames);
			// Unconstrained: each frame's likeliest symbol.
			final List<int[]> all = paths(frames);
			int[] best = null;
			double bestScore = Double.NEGATIVE_INFINITY;
			for (final int[] path : all) {
				final double s = pathLogScore(logits, path);
				if (s > bestScore) {
					bestScore = s;
					best = path;
				}
			}
			assertArrayEquals(collapse(best), Ctc.bestPath(logits, frames, SYMBOLS).symbols());
			// Constrained to each count: the likeliest path spelling that many symbols.
			for (int count = 0; count <= 4; count++) {
				int[] bestOfCount = null;
				double scoreOfCount = Double.NEGATIVE_INFINITY;
				for (final int[] path : all) {
					final double s = pathLogScore(logits, path);
					if (collapse(path).length == count && s > scoreOfCount) {
						scoreOfCount = s;
						bestOfCount = path;
					}
				}
				final Ctc.Reading reading = Ctc.bestPath(logits, frames, SYMBOLS, count);
				assertArrayEquals(collapse(bestOfCount), reading.symbols(), "count " + count);
			}
		}
		assertNull(Ctc.bestPath(randomLogits(random, 2), 2, SYMBOLS, 3), "three symbols in two frames");
	}

	@Test
	void readingsGiveEachSymbolsFramesAndConfidence() {
		// Frames: 1 1 blank 1 0 blank, each with its symbol far likelier than the rest.
		final int[] path = { 1, 1, BLANK, 1, 0, BLANK };
		final float[] logits = new float[path.length * SYMBOLS];
		for (int t = 0; t < path.length; t++) logits[t * SYMBOLS + path[t]] = 10;
		logits[1 * SYMBOLS + 1] = 12; // the first 1 is likeliest in its second frame
		final Ctc.Reading reading = Ctc.bestPath(logits, path.length, SYMBOLS);
		assertArrayEquals(new int[] { 1, 1, 0 }, reading.symbols());
		assertArrayEquals(new int[] { 0, 3, 4 }, reading.firstFrames());
		assertArrayEquals(new int[] { 1, 3, 4 }, reading.lastFrames());
		assertArrayEquals(new int[] { 1, 3, 4 }, reading.peakFrames());
		for (final double c : reading.confidences()) assertTrue(c > 0.99 && c <= 1, "confidence " + c);
	}

	private static double loss(final float[] logits, final int frames, final int[] labels) {
		return Ctc.loss(logits, frames, SYMBOLS, labels, new float[logits.length]);
	}

	private static float[] randomLogits(final Random random, final int frames) {
		final float[] logits = new float[frames * SYMBOLS];
		for (int i = 0; i < logits.length; i++) logits[i] = (float) (2 * random.nextGaussian());
		return logits;
	}

	private static double sumOfPaths(final float[] logits, final int frames, final int[] labels) {
		double sum = 0;
		for (final int[] path : paths(frames)) {
			if (java.util.Arrays.equals(collapse(path), labels)) sum += Math.exp(pathLogScore(logits, path));
		}
		return sum;
	}

	private static double pathLogScore(final float[] logits, final int[] path) {
		double s = 0;
		for (int t = 0; t < path.length; t++) {
			double norm = 0;
			for (int k = 0; k < SYMBOLS; k++) norm += Math.exp(logits[t * SYMBOLS + k]);
			s += logits[t * SYMBOLS + path[t]] - Math.log(norm);
		}
		return s;
	}

	private static List<int[]> paths(final int frames) {
		final List<int[]> all = new ArrayList<>();
		final int n = (int) Math.pow(SYMBOLS, frames);
		for (int i = 0; i < n; i++) {
			final int[] path = new int[frames];
			for (int t = 0, v = i; t < frames; t++, v /= SYMBOLS) path[t] = v % SYMBOLS;
			all.add(path);
		}
		return all;
	}

	private static int[] collapse(final int[] path) {
		final List<Integer> out = new ArrayList<>();
		for (int t = 0; t < path.length; t++) {
			if (path[t] != BLANK && (t == 0 || path[t] != path[t - 1])) out.add(path[t]);
		}
		return out.stream().mapToInt(Integer::intValue).toArray();
	}
}
