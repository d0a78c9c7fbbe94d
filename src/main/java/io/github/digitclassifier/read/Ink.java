package io.github.digitclassifier.read;

import java.util.Arrays;

import io.github.digitclassifier.preprocess.Strokes;

/**
 * What is written on a page: each pixel's ink, bright on dark whatever the page's polarity, with
 * the paper's uneven lighting taken out, and the pixels that count as ink.
 *
 * @param strength ink above the local paper level, 0 where there is none; in the image's units
 * @param mask whether a pixel is ink (above Otsu's threshold on {@code strength})
 * @param strokeWidth the typical stroke width in pixels (at least 1)
 */
record Ink(float[] strength, boolean[] mask, int width, int height, double strokeWidth) {

	/** Paper is estimated in blocks of about this many pixels (or the image's shorter side). */
	private static final int BLOCK = 128;

	/** Ink must stand out from the paper by this many times the paper's noise. */
	private static final double NOISE_FACTOR = 5;

	/** Finds the ink of a grey image given row by row. */
	static Ink of(final float[] grey, final int w, final int h) {
		return of(grey, w, h, null);
	}

	/** A detector's logit (over 0: handwriting) that makes a pixel ink... */
	static final float SEED = 0;

	/** ...and the lower one that makes it ink where it touches such ink (hysteresis)... */
	static final float GROW = -2.5f;

	/**
	 * ...where it stands out of the paper by at least this share of the seeds' median strength:
	 * the paper a shade darker round the strokes (a scan's blur, a pen's bleed) is no ink; grown
	 * through, it thickened thin strokes into blots and joined digits to the rules they touch.
	 */
	static final float GROW_SHARE = 0.25f;

	/**
	 * The ink of a grey image given row by row: its strength as above, but the pixels that count as
	 * ink those an ink detector ({@link InkDetector}) found, given as its logits (null: above
	 * Otsu's threshold, as above): the pixels over {@link #SEED}, and those over {@link #GROW} that
	 * touch them and stand out of the paper ({@link #GROW_SHARE}).
	 */
	static Ink of(final float[] grey, final int w, final int h, final float[] detected) {
		final float[] sorted = sample(grey);
		final float median = sorted[sorted.length / 2];
		final float low = sorted[(int) (0.005 * (sorted.length - 1))], high = sorted[(int) (0.995 * (sorted.length - 1))];
		// Ink is what lies far from the paper (the median): dark ink when the darkest are farther.
		final boolean dark = median - low > high - median;
		final float[] paper = paper(grey, w, h, dark);
		final float[] strength = new float[grey.length];
		for (int i = 0; i < grey.length; i++) {
			final float v = Float.isFinite(grey[i]) ? grey[i] : paper[i];
			strength[i] = Math.max(0, dark ? paper[i] - v : v - paper[i]);
		}
		final boolean[] mask = new boolean[grey.length];
		final double threshold = Math.max(otsu(strength, high - low), NOISE_FACTOR * noise(grey, w));
		for (int i = 0; i < grey.length; i++) mask[i] = strength[i] > threshold && threshold > 0;
		if (detected != null) {
			final Ink found = detected(strength, detected, w, h);
			// Where the detector and the threshold find much the same ink (a clean page), the threshold's stands.
			if (AGREEMENT > 1 || near(mask, found.mask, w, h) < AGREEMENT || near(found.mask, mask, w, h) < AGREEMENT) return found;
			dropSpanning(mask, w, h);
		}
		return new Ink(strength, mask, w, h, Math.max(1, Strokes.width(mask, w, h)));
	}

	/**
	 * The share of the threshold's ink that the detector's is near (within a pixel), and the other
	 * way round, from which the threshold's ink is kept though a detector found the ink (above 1:
	 * never).
	 */
	static final double AGREEMENT = 0.9;

	/** The share of {@code a}'s pixels that have one of {@code b}'s within a pixel (1 when {@code a} has none). */
	private static double near(final boolean[] a, final boolean[] b, final int w, final int h) {
		long all = 0, near = 0;
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				if (!a[y * w + x]) continue;
				all++;
				search:
				for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
					for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
						if (b[yy * w + xx]) {
							near++;
							break search;
						}
					}
				}
			}
		}
		return all == 0 ? 1 : (double) near / all;
	}

	private static Ink detected(final float[] strength, final float[] logits, final int w, final int h) {
		final boolean[] mask = new boolean[w * h];
		final int[] stack = new int[w * h];
		int top = 0;
		for (int i = 0; i < w * h; i++) {
			if (logits[i] > SEED && strength[i] > 0) {
				mask[i] = true;
				stack[top++] = i;
			}
		}
		final float floor = top == 0 ? 0 : GROW_SHARE * median(strength, stack, top);
		while (top > 0) {
			final int p = stack[--top], x = p % w, y = p / w;
			for (int dy = -1; dy <= 1; dy++) {
				for (int dx = -1; dx <= 1; dx++) {
					final int xx = x + dx, yy = y + dy;
					if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
					final int q = yy * w + xx;
					if (!mask[q] && logits[q] > GROW && strength[q] > floor) {
						mask[q] = true;
						stack[top++] = q;
					}
				}
			}
		}
		dropSpanning(mask, w, h);
		return new Ink(strength, mask, w, h, Math.max(1, Strokes.width(mask, w, h)));
	}

	/** The median of the values at the first {@code n} of these indices. */
	private static float median(final float[] values, final int[] indices, final int n) {
		final float[] at = new float[n];
		for (int i = 0; i < n; i++) at[i] = values[indices[i]];
		Arrays.sort(at);
		return at[n / 2];
	}

	/**
	 * Takes out pieces that reach from one side of the image to the opposite one: a page's edge, a
	 * scanner's margin or a printed rule where the detector took part of one for ink; a number
	 * written across a whole image, edge to edge, is not read as one anyway.
	 */
	private static void dropSpanning(final boolean[] mask, final int w, final int h) {
		final boolean[] seen = new boolean[w * h];
		final int[] piece = new int[w * h];
		for (int start = 0; start < w * h; start++) {
			if (!mask[start] || seen[start]) continue;
			int n = 0, x0 = w, x1 = -1, y0 = h, y1 = -1;
			piece[n++] = start;
			seen[start] = true;
			for (int k = 0; k < n; k++) {
				final int p = piece[k], x = p % w, y = p / w;
				x0 = Math.min(x0, x);
				x1 = Math.max(x1, x);
				y0 = Math.min(y0, y);
				y1 = Math.max(y1, y);
				for (int dy = -1; dy <= 1; dy++) {
					for (int dx = -1; dx <= 1; dx++) {
						final int xx = x + dx, yy = y + dy;
						if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
						final int q = yy * w + xx;
						if (mask[q] && !seen[q]) {
							seen[q] = true;
							piece[n++] = q;
						}
					}
				}
			}
			if (y0 == 0 && y1 == h - 1 || x0 == 0 && x1 == w - 1) for (int k = 0; k < n; k++) mask[piece[k]] = false;
		}
	}

	/** Up to 100,000 of the values, evenly spread, sorted (non-numbers left out). */
	private static float[] sample(final float[] grey) {
		final int step = Math.max(1, grey.length / 100_000);
		final float[] values = new float[(grey.length + step - 1) / step];
		int n = 0;
		for (int i = 0; i < grey.length; i += step) if (Float.isFinite(grey[i])) values[n++] = grey[i];
		final float[] sorted = Arrays.copyOf(values, Math.max(1, n));
		Arrays.sort(sorted);
		return sorted;
	}

	/**
	 * The paper's level at every pixel: the median of each block (ink covers less than half of
	 * one), interpolated linearly between block centres.
	 */
	private static float[] paper(final float[] grey, final int w, final int h, final boolean dark) {
		final int block = Math.max(8, Math.min(BLOCK, Math.min(w, h)));
		final int bx = Math.max(1, Math.round((float) w / block)), by = Math.max(1, Math.round((float) h / block));
		final float[] levels = new float[bx * by];
		for (int j = 0; j < by; j++) {
			for (int i = 0; i < bx; i++) {
				final int x0 = i * w / bx, x1 = (i + 1) * w / bx, y0 = j * h / by, y1 = (j + 1) * h / by;
				final int stride = Math.max(1, (int) Math.sqrt((double) (x1 - x0) * (y1 - y0) / 4096));
				final float[] values = new float[((x1 - x0 + stride - 1) / stride) * ((y1 - y0 + stride - 1) / stride)];
				int n = 0;
				for (int y = y0; y < y1; y += stride) {
					for (int x = x0; x < x1; x += stride) if (Float.isFinite(grey[y * w + x])) values[n++] = grey[y * w + x];
				}
				final float[] finite = Arrays.copyOf(values, n);
				Arrays.sort(finite);
				levels[j * bx + i] = n == 0 ? 0 : finite[n / 2];
			}
		}
		final float[] paper = new float[w * h];
		for (int y = 0; y < h; y++) {
			final double fy = Math.min(by - 1, Math.max(0, (y + 0.5) * by / h - 0.5));
			final int j0 = (int) fy, j1 = Math.min(by - 1, j0 + 1);
			for (int x = 0; x < w; x++) {
				final double fx = Math.min(bx - 1, Math.max(0, (x + 0.5) * bx / w - 0.5));
				final int i0 = (int) fx, i1 = Math.min(bx - 1, i0 + 1);
				final double top = levels[j0 * bx + i0] + (fx - i0) * (levels[j0 * bx + i1] - levels[j0 * bx + i0]);
				final double bottom = levels[j1 * bx + i0] + (fx - i0) * (levels[j1 * bx + i1] - levels[j1 * bx + i0]);
				paper[y * w + x] = (float) (top + (fy - j0) * (bottom - top));
			}
		}
		return paper;
	}

	/**
	 * The paper's noise: 1.4826 times the median absolute difference between horizontal
	 * neighbours, over the square root of 2. Neighbours' differences leave out the lighting, which
	 * the paper level may not follow where the image is one block (a single digit): measured from
	 * the paper level, a lit gradient counted as noise and hid the ink.
	 */
	private static double noise(final float[] grey, final int w) {
		final int step = Math.max(1, grey.length / 100_000);
		final float[] differences = new float[(grey.length + step - 1) / step];
		int n = 0;
		for (int i = 0; i + 1 < grey.length; i += step) {
			if (i % w != w - 1 && Float.isFinite(grey[i]) && Float.isFinite(grey[i + 1])) differences[n++] = Math.abs(grey[i + 1] - grey[i]);
		}
		if (n == 0) return 0;
		final float[] sorted = Arrays.copyOf(differences, n);
		Arrays.sort(sorted);
		return 1.4826 * sorted[n / 2] / Math.sqrt(2);
	}

	/**
	 * Otsu's threshold over the values (256 bins, paper's zeros included) up to {@code range}, the
	 * spread of the image's grey levels but for the extreme 0.5% on each side (so that a few hot
	 * pixels do not squeeze the ink into one bin); 0 when nothing is above 0.
	 */
	private static double otsu(final float[] values, final double range) {
		float top = 0;
		for (final float v : values) top = Math.max(top, v);
		final double max = Math.min(top, range);
		if (max <= 0) return 0;
		final long[] histogram = new long[256];
		for (final float v : values) histogram[(int) Math.min(255, v / max * 256)]++;
		long total = 0;
		double sum = 0;
		for (int i = 0; i < 256; i++) {
			total += histogram[i];
			sum += i * (double) histogram[i];
		}
		long below = 0;
		double sumBelow = 0, best = -1;
		int threshold = 0;
		for (int i = 0; i < 255; i++) {
			below += histogram[i];
			sumBelow += i * (double) histogram[i];
			final long above = total - below;
			if (below == 0 || above == 0) continue;
			final double difference = sumBelow / below - (sum - sumBelow) / above;
			final double between = (double) below * above * difference * difference;
			if (between > best) {
				best = between;
				threshold = i;
			}
		}
		return (threshold + 1) * max / 256.0;
	}
}
