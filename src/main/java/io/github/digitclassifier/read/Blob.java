package io.github.digitclassifier.read;

import java.util.Arrays;

/**
 * A piece of writing: connected ink pixels (indices into the page, row by row) and their bounds.
 * Bounds are inclusive.
 */
record Blob(int[] pixels, int x0, int y0, int x1, int y1) {

	int width() {
		return x1 - x0 + 1;
	}

	int height() {
		return y1 - y0 + 1;
	}

	double centreX() {
		return (x0 + x1) / 2.0;
	}

	/** The height of the bounds around both. */
	int jointHeight(final Blob other) {
		return Math.max(y1, other.y1) - Math.min(y0, other.y0) + 1;
	}

	/** The width of the bounds around both. */
	int jointWidth(final Blob other) {
		return Math.max(x1, other.x1) - Math.min(x0, other.x0) + 1;
	}

	/** The pixels of both, bounds around both. */
	Blob merge(final Blob other) {
		final int[] all = Arrays.copyOf(pixels, pixels.length + other.pixels.length);
		System.arraycopy(other.pixels, 0, all, pixels.length, other.pixels.length);
		return new Blob(all, Math.min(x0, other.x0), Math.min(y0, other.y0), Math.max(x1, other.x1), Math.max(y1, other.y1));
	}

	/**
	 * The part between two cut paths (per row of this blob, the first column right of the path; null
	 * for the blob's left or right end): the pixels on or right of the first and left of the second,
	 * with their own bounds; null when empty.
	 */
	Blob between(final int[] from, final int[] to, final int pageWidth) {
		int n = 0;
		final int[] kept = new int[pixels.length];
		int nx0 = Integer.MAX_VALUE, ny0 = Integer.MAX_VALUE, nx1 = -1, ny1 = -1;
		for (final int p : pixels) {
			final int x = p % pageWidth, y = p / pageWidth;
			if (from != null && x < from[y - y0] || to != null && x >= to[y - y0]) continue;
			kept[n++] = p;
			nx0 = Math.min(nx0, x); nx1 = Math.max(nx1, x);
			ny0 = Math.min(ny0, y); ny1 = Math.max(ny1, y);
		}
		return n == 0 ? null : new Blob(Arrays.copyOf(kept, n), nx0, ny0, nx1, ny1);
	}

	/** How much of the narrower one's columns the other's columns cover, 0..1. */
	double columnOverlap(final Blob other) {
		final int overlap = Math.min(x1, other.x1) - Math.max(x0, other.x0) + 1;
		return Math.max(0, overlap) / (double) Math.min(width(), other.width());
	}
}
