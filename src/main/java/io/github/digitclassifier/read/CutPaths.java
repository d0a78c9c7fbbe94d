package io.github.digitclassifier.read;

import java.util.Arrays;

/**
 * Cut lines between touching digits that bend around the ink: each runs from the piece's top row
 * to its bottom row and crosses the fewest ink pixels it can within a band around a straight line
 * along the writing's slant (a shortest path, found by dynamic programming, as in Wang and Jean's
 * segmentation of merged characters, Pattern Recognition 27(5), 1994). A straight line cuts
 * through a digit whose stroke reaches over its neighbour (a 7's bar, a 5's flag); a path goes
 * round it and crosses only where the two really touch.
 */
final class CutPaths {

	/** Crossing one ink pixel costs this; one row spent a column from the straight line costs {@link #DRIFT}. */
	private static final double INK = 1;

	private static final double DRIFT = 0.02;

	/** A diagonal step, so that a path does not wander for nothing (0.1 and 0.3 read fewer touching numbers). */
	private static final double STEP = 0.6;

	/**
	 * The band's half width, as a share of the writing's height. The band moves by the slant each
	 * row, which a path can follow only while it is at most 1 (Blobs.slant keeps it within 0.6).
	 */
	private static final double BAND = 0.25;

	private final boolean[] ink;
	private final int w, h, left, top, band;
	private final double slant, centreY;

	/**
	 * The cut paths of a piece whose straight cut lines lean right by {@code slant} per row upwards
	 * and are named by the column where they cross row {@code centreY}.
	 */
	CutPaths(final Blob piece, final double slant, final double centreY, final int pageWidth, final int height) {
		w = piece.width() + 2;
		h = piece.height();
		left = piece.x0() - 1;
		top = piece.y0();
		ink = new boolean[w * h];
		for (final int p : piece.pixels()) ink[(p / pageWidth - top) * w + p % pageWidth - left] = true;
		band = Math.max(2, (int) Math.round(BAND * height));
		this.slant = slant;
		this.centreY = centreY;
	}

	/** A cut path: per row of the piece, the first column right of it; its cost (ink pixels crossed, mostly). */
	record Path(int[] columns, double cost) {}

	/**
	 * The path around the straight line that crosses row {@code centreY} at column {@code line}.
	 * Only the band's columns of each row are kept, so that a path costs band x rows whatever the
	 * piece's width.
	 */
	Path path(final double line) {
		final int span = 2 * band + 2;
		final int[] lo = new int[h];
		final byte[] from = new byte[h * span];
		double[] previous = new double[span], current = new double[span];
		for (int r = 0; r < h; r++) {
			final double straight = line + slant * (centreY - (top + r)) - left;
			// Clamped to the piece's columns, where a steep slant takes the line past them.
			lo[r] = clamp((int) Math.ceil(straight - band));
			final int hi = clamp((int) Math.floor(straight + band));
			Arrays.fill(current, Double.POSITIVE_INFINITY);
			for (int c = lo[r]; c <= hi; c++) {
				final double here = (ink[r * w + c] ? INK : 0) + DRIFT * Math.abs(c - straight);
				if (r == 0) {
					current[c - lo[r]] = here;
					continue;
				}
				double best = Double.POSITIVE_INFINITY;
				byte step = 0;
				for (int d = -1; d <= 1; d++) {
					final int k = c + d - lo[r - 1];
					if (k < 0 || k >= span) continue;
					final double total = previous[k] + (d != 0 ? STEP : 0);
					if (total < best) {
						best = total;
						step = (byte) d;
					}
				}
				current[c - lo[r]] = best + here;
				from[r * span + c - lo[r]] = step;
			}
			final double[] swap = previous;
			previous = current;
			current = swap;
		}
		int k = 0;
		for (int j = 1; j < span; j++) if (previous[j] < previous[k]) k = j;
		final double total = previous[k];
		int c = lo[h - 1] + k;
		final int[] columns = new int[h];
		for (int r = h - 1; r >= 0; r--) {
			columns[r] = left + c;
			c += from[r * span + c - lo[r]];
		}
		return new Path(columns, total);
	}

	private int clamp(final int c) {
		return Math.max(0, Math.min(w - 1, c));
	}
}
