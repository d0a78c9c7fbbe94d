package io.github.digitclassifier.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/** Connected pieces of ink, and the ones that make up the digits of a line of writing. */
final class Blobs {

	/** Pieces shorter than this fraction of the writing's height are specks, points, commas or dashes. */
	static final double SMALL = 0.4;

	/** Pieces taller than this many times the writing's height are box edges or strokes across it. */
	static final double TALL = 1.6;

	/** Smallest digit height read, in pixels. */
	static final int MIN_HEIGHT = 8;

	private Blobs() {}

	/** The 8-connected pieces of the mask, left to right. */
	static List<Blob> of(final boolean[] mask, final int w, final int h) {
		final boolean[] seen = new boolean[mask.length];
		final List<Blob> blobs = new ArrayList<>();
		int[] queue = new int[256];
		for (int start = 0; start < mask.length; start++) {
			if (!mask[start] || seen[start]) continue;
			seen[start] = true;
			queue[0] = start;
			int head = 0, tail = 1;
			int x0 = w, y0 = h, x1 = -1, y1 = -1;
			while (head < tail) {
				final int p = queue[head++];
				final int x = p % w, y = p / w;
				x0 = Math.min(x0, x); x1 = Math.max(x1, x);
				y0 = Math.min(y0, y); y1 = Math.max(y1, y);
				for (int dy = -1; dy <= 1; dy++) {
					final int yy = y + dy;
					if (yy < 0 || yy >= h) continue;
					for (int dx = -1; dx <= 1; dx++) {
						final int xx = x + dx;
						if (xx < 0 || xx >= w) continue;
						final int q = yy * w + xx;
						if (mask[q] && !seen[q]) {
							seen[q] = true;
							if (tail == queue.length) queue = Arrays.copyOf(queue, 2 * tail);
							queue[tail++] = q;
						}
					}
				}
			}
			blobs.add(new Blob(Arrays.copyOf(queue, tail), x0, y0, x1, y1));
		}
		blobs.sort(Comparator.comparingDouble(Blob::centreX));
		return blobs;
	}

	/** A piece narrower than this share of its height may be an edge or a rule. */
	static final double EDGE_WIDTH = 0.4;

	/**
	 * The writing's height, the tallest pieces left out while each is narrow and {@link #TALL}
	 * times as tall as the writing of the rest (as tall as {@link #digitPieces} leaves out): a
	 * page's edge, a scanner's margin or a register's rule, whose ink would carry the height (a
	 * number written small beside it would then be left out as specks); a digit beside specks is as
	 * wide as a digit. A digit broken across (a 5's flag apart from its bowl) counts whole.
	 */
	static int writingHeight(final List<Blob> blobs) {
		final List<Blob> byHeight = mergedNeighbours(blobs, Blobs::brokenAcross);
		byHeight.sort(Comparator.comparingInt(Blob::height));
		int n = byHeight.size();
		while (n > 1) {
			final int rest = inkHeight(byHeight.subList(0, n - 1));
			final Blob tallest = byHeight.get(n - 1);
			if (rest < MIN_HEIGHT || tallest.height() < TALL * rest || tallest.width() >= EDGE_WIDTH * tallest.height()) break;
			n--;
		}
		return inkHeight(byHeight.subList(0, n));
	}

	/**
	 * The height the most ink is in, of pieces sorted by height (each weighs by its pixels), so that
	 * specks and points hardly count. 0 when there is no piece.
	 */
	private static int inkHeight(final List<Blob> byHeight) {
		long total = 0;
		for (final Blob b : byHeight) total += b.pixels().length;
		long seen = 0;
		for (final Blob b : byHeight) {
			seen += b.pixels().length;
			if (2 * seen >= total) return b.height();
		}
		return 0;
	}

	/**
	 * Whether two pieces look like one digit broken across: in the same columns (most of the
	 * narrower one's), one over the other with a gap of at most a quarter of their joint height
	 * (sharing a tenth of it at most: side by side, as a comma under a digit or a 1 under a 7's bar,
	 * is not that), each at least a fifth of it tall (not a speck).
	 */
	private static boolean brokenAcross(final Blob a, final Blob b) {
		final int joint = a.jointHeight(b);
		final int gap = Math.max(a.y0(), b.y0()) - Math.min(a.y1(), b.y1()) - 1;
		return a.columnOverlap(b) >= 0.5 && gap <= 0.25 * joint && gap >= -0.1 * joint && Math.min(a.height(), b.height()) >= 0.2 * joint;
	}

	/** The blobs in order, each merged into the one before it when {@code together} says they are one. */
	private static List<Blob> mergedNeighbours(final List<Blob> blobs, final BiPredicate<Blob, Blob> together) {
		final List<Blob> merged = new ArrayList<>();
		for (final Blob b : blobs) {
			final int last = merged.size() - 1;
			if (last >= 0 && together.test(merged.get(last), b)) merged.set(last, merged.get(last).merge(b));
			else merged.add(b);
		}
		return merged;
	}

	/**
	 * The pieces that may be digits or parts of one, broken strokes merged: pieces stacked over
	 * one another (sharing most of the narrower one's columns) become one, and specks, points,
	 * commas, dashes and tall edges are left out.
	 */
	static List<Blob> digitPieces(final List<Blob> blobs, final int height) {
		final List<Blob> kept = new ArrayList<>();
		for (final Blob b : blobs) {
			if (b.height() > TALL * height && b.width() < SMALL * height) continue; // a box edge or stroke across
			kept.add(b);
		}
		// Merge pieces stacked over one another: a 5's flag, a broken 4, a 7's bar off its stem.
		final List<Blob> merged = mergedNeighbours(kept, (previous, b) ->
			previous.columnOverlap(b) >= 0.5 && previous.jointHeight(b) <= 1.25 * height && previous.jointWidth(b) <= 1.1 * height);
		final List<Blob> pieces = new ArrayList<>();
		for (final Blob b : merged) {
			if (b.height() < Math.max(MIN_HEIGHT, SMALL * height)) continue; // specks, points, commas, dashes, underlines
			if (b.height() > TALL * height) continue;
			pieces.add(b);
		}
		return pieces;
	}

	/**
	 * The pieces grouped into the lines they are on: pieces whose rows overlap by half the shorter
	 * one's height are on one line, however far apart (two numbers side by side read as one, left
	 * to right, as the digits are). Each line as one blob, the most ink first: a register cell's
	 * number, and what its margin, rules and specks left above or below it, are read apart.
	 */
	static List<Blob> lines(final List<Blob> pieces) {
		final int n = pieces.size();
		final int[] group = new int[n];
		for (int i = 0; i < n; i++) group[i] = i;
		for (int i = 0; i < n; i++) {
			for (int j = i + 1; j < n; j++) {
				final Blob a = pieces.get(i), b = pieces.get(j);
				final int rows = Math.min(a.y1(), b.y1()) - Math.max(a.y0(), b.y0()) + 1;
				if (2 * rows >= Math.min(a.height(), b.height())) join(group, i, j);
			}
		}
		final Map<Integer, Blob> byRoot = new LinkedHashMap<>();
		for (int i = 0; i < n; i++) byRoot.merge(root(group, i), pieces.get(i), Blob::merge);
		final List<Blob> lines = new ArrayList<>(byRoot.values());
		lines.sort(Comparator.comparingInt((Blob b) -> b.pixels().length).reversed());
		return lines;
	}

	private static int root(final int[] group, int i) {
		while (group[i] != i) i = group[i] = group[group[i]];
		return i;
	}

	private static void join(final int[] group, final int i, final int j) {
		group[root(group, i)] = root(group, j);
	}

	/**
	 * The writing's slant: how far its strokes lean right per row upwards (-0.6..0.6), the shear
	 * under which the pieces' columns of ink are most sharply peaked (the sum of squared column
	 * counts is highest).
	 */
	static double slant(final List<Blob> pieces, final int pageWidth) {
		final double upright = peaks(pieces, pageWidth, 0);
		double best = 0, bestPeaks = upright;
		for (int step = -6; step <= 6; step++) {
			if (step == 0) continue;
			final double peaks = peaks(pieces, pageWidth, step / 10.0);
			// A slant must sharpen the columns by 2% over upright to be taken.
			if (peaks > 1.02 * upright && peaks > bestPeaks) {
				bestPeaks = peaks;
				best = step / 10.0;
			}
		}
		return best;
	}

	/** The sum of squared counts of the pieces' ink in columns leaning by {@code slant}. */
	private static double peaks(final List<Blob> pieces, final int pageWidth, final double slant) {
		double peaks = 0;
		for (final Blob b : pieces) {
			final double centreY = (b.y0() + b.y1()) / 2.0;
			final int reach = (int) Math.ceil(Math.abs(slant) * b.height() / 2.0) + 1;
			final int[] counts = new int[b.width() + 2 * reach];
			for (final int p : b.pixels()) {
				final int u = (int) Math.round(p % pageWidth - slant * (centreY - p / pageWidth)) - b.x0() + reach;
				counts[Math.max(0, Math.min(counts.length - 1, u))]++;
			}
			for (final int c : counts) peaks += (double) c * c;
		}
		return peaks;
	}
}
