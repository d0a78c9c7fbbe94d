package io.github.digitclassifier.preprocess;

/** Stroke widths of ink, and grey erosion and dilation, which thin and thicken strokes. */
public final class Strokes {

	private Strokes() {}

	/**
	 * The typical stroke width in pixels: the median over ink pixels of the shorter of the
	 * horizontal and vertical runs of ink through it; 0 without ink.
	 */
	public static int width(final boolean[] ink, final int w, final int h) {
		return width(ink, w, h, new int[w * h]);
	}

	/** {@link #width(boolean[], int, int)} with {@code horizontal}, at least {@code w * h} values, to work in. */
	static int width(final boolean[] ink, final int w, final int h, final int[] horizontal) {
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; ) {
				if (!ink[y * w + x]) { x++; continue; }
				int end = x;
				while (end < w && ink[y * w + end]) end++;
				for (int k = x; k < end; k++) horizontal[y * w + k] = end - x;
				x = end;
			}
		}
		final int[] counts = new int[Math.max(w, h) + 1];
		long total = 0;
		for (int x = 0; x < w; x++) {
			for (int y = 0; y < h; ) {
				if (!ink[y * w + x]) { y++; continue; }
				int end = y;
				while (end < h && ink[end * w + x]) end++;
				for (int k = y; k < end; k++) {
					counts[Math.min(end - y, horizontal[k * w + x])]++;
					total++;
				}
				y = end;
			}
		}
		long seen = 0;
		for (int r = 1; r < counts.length; r++) {
			seen += counts[r];
			if (2 * seen >= total) return r;
		}
		return 0;
	}

	/**
	 * One 3x3 step of grey erosion ({@code dilate} false: each pixel the darkest of its
	 * neighbourhood, thinning bright strokes by 2 pixels; outside counts as dark) or dilation.
	 */
	static float[] morph(final float[] pixels, final int w, final int h, final boolean dilate) {
		final float[] out = new float[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				float v = pixels[y * w + x];
				for (int dy = -1; dy <= 1; dy++) {
					for (int dx = -1; dx <= 1; dx++) {
						final int xx = x + dx, yy = y + dy;
						final float n = xx < 0 || yy < 0 || xx >= w || yy >= h ? 0 : pixels[yy * w + xx];
						v = dilate ? Math.max(v, n) : Math.min(v, n);
					}
				}
				out[y * w + x] = v;
			}
		}
		return out;
	}
}
