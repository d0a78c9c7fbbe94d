package io.github.digitclassifier.preprocess;

import java.util.Arrays;

/** The paper under a digit: its background taken away, its border read, and the box of what stands out from it. */
final class Paper {

	/** Normalised intensity above which a pixel counts as content when cropping. */
	static final float CONTENT_LEVEL = 0.2f;

	/** Content is told from noise after a blur of the image's size over this (images under 75 pixels are not blurred). */
	static final double DETECTION_BLUR_FRACTION = 150;

	private Paper() {}

	/**
	 * Subtracts the background, a plane through the medians of the four borders (so that paper lit
	 * unevenly becomes flat), and stretches what is left to 0..1. Returns the map that tells content
	 * from background: the image blurred in proportion to its size, so that specks, grain and JPEG
	 * noise of a photograph do not count as content; null when nothing stands out.
	 */
	static float[] removeBackground(final float[] pixels, final int w, final int h) {
		final float paper = borderMedian(pixels, w, h);
		// A border that ink runs along (a 2's base filling the bottom row) says nothing of the paper.
		final float top = paperSide(median(pixels, 0, 1, w), paper);
		final float bottom = paperSide(median(pixels, (h - 1) * w, 1, w), paper);
		final float left = paperSide(median(pixels, 0, w, h), paper);
		final float right = paperSide(median(pixels, w - 1, w, h), paper);
		final double slopeX = w > 1 ? (right - left) / (w - 1.0) : 0;
		final double slopeY = h > 1 ? (bottom - top) / (h - 1.0) : 0;
		// The plane's value at the image centre: the mean of what each border says of it.
		final double centre = (top + bottom + left + right) / 4.0;
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				final double background = centre + slopeX * (x - (w - 1) / 2.0) + slopeY * (y - (h - 1) / 2.0);
				pixels[y * w + x] = (float) Math.max(0, pixels[y * w + x] - background);
			}
		}
		final double sigma = Math.max(w, h) / DETECTION_BLUR_FRACTION;
		// Below 0.5 a blur changes next to nothing, and the map is the image itself.
		final boolean blurred = sigma >= 0.5;
		final float[] detection = blurred ? pixels.clone() : pixels;
		if (blurred) Gaussians.blur(detection, w, h, sigma, sigma);
		float max = 0;
		for (final float v : detection) max = Math.max(max, v);
		if (max <= 0) return null;
		for (int i = 0; i < pixels.length; i++) {
			pixels[i] = Math.min(1, pixels[i] / max);
			if (blurred) detection[i] /= max;
		}
		return detection;
	}

	/**
	 * Within this much (of the 0..1 range) of the whole border's median, a side's median is taken
	 * as the paper there (lighting may differ from side to side); farther, ink runs along that side.
	 */
	static final float SIDE_TOLERANCE = 0.25f;

	private static float paperSide(final float side, final float paper) {
		return Math.abs(side - paper) <= SIDE_TOLERANCE ? side : paper;
	}

	/** The median of {@code count} values from {@code start}, {@code stride} apart. */
	private static float median(final float[] pixels, final int start, final int stride, final int count) {
		final float[] values = new float[count];
		for (int i = 0; i < count; i++) values[i] = pixels[start + i * stride];
		Arrays.sort(values);
		return values[count / 2];
	}

	static float borderMedian(final float[] pixels, final int w, final int h) {
		final float[] border = borderValues(pixels, w, h);
		Arrays.sort(border);
		return border[border.length / 2];
	}

	/** The pixels along an image's edge (each once; a one-pixel image's only pixel). */
	static float[] borderValues(final float[] pixels, final int w, final int h) {
		final float[] border = new float[w * h == 1 ? 1 : 2 * w + 2 * Math.max(0, h - 2)];
		int n = 0;
		for (int x = 0; x < w; x++) {
			border[n++] = pixels[x];
			if (h > 1) border[n++] = pixels[(h - 1) * w + x];
		}
		for (int y = 1; y < h - 1; y++) {
			border[n++] = pixels[y * w];
			if (w > 1) border[n++] = pixels[y * w + w - 1];
		}
		return n == border.length ? border : Arrays.copyOf(border, n);
	}

	/**
	 * The bounds (x0, y0, x1, y1, inclusive) of what is above the content level in an image of
	 * normalised intensities given row by row; null when nothing is.
	 */
	static int[] contentBox(final float[] pixels, final int w, final int h) {
		int x0 = w, y0 = h, x1 = -1, y1 = -1;
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				if (pixels[y * w + x] > CONTENT_LEVEL) {
					x0 = Math.min(x0, x); x1 = Math.max(x1, x);
					y0 = Math.min(y0, y); y1 = Math.max(y1, y);
				}
			}
		}
		return x1 < 0 ? null : new int[] { x0, y0, x1, y1 };
	}
}
