package io.github.digitclassifier.read.sequence;

/**
 * A line of writing as the sequence network sees it: {@link #HEIGHT} rows, the writing's height
 * scaled to {@link #WRITING} rows and centred, {@link #MARGIN} empty columns either side, as wide
 * as the writing is (a multiple of {@link #FRAME} columns), ink bright on dark, 0..1, row by row.
 *
 * @param scale strip pixels per source pixel
 * @param sourceX the source column at the strip's column {@link #MARGIN}
 */
public record Strip(float[] pixels, int width, double scale, double sourceX) {

	public static final int HEIGHT = 32;

	/** The writing's height in the strip, as MNIST's 20 of 28. */
	public static final int WRITING = 20;

	public static final int MARGIN = 8;

	/** Columns per frame of the network's output. */
	public static final int FRAME = 4;

	/**
	 * The strip of a source image of ink (bright on dark, any units, row by row), whose writing
	 * is {@code writingHeight} pixels tall; its brightest ink (the 98th percentile) becomes 1.
	 * Each strip pixel averages the source over the area it covers (sampled linearly), so that
	 * shrinking a tall number does not alias its strokes.
	 */
	public static Strip of(final float[] ink, final int w, final int h, final int writingHeight, final double sourceX0) {
		final double scale = (double) WRITING / Math.max(1, writingHeight);
		final int inner = (int) Math.ceil(w * scale);
		final int width = ((inner + 2 * MARGIN + FRAME - 1) / FRAME) * FRAME;
		final float[] pixels = new float[width * HEIGHT];
		final int samples = Math.max(1, (int) Math.ceil(1 / scale));
		final double step = 1 / (scale * samples);
		final double top = h / 2.0 - HEIGHT / 2.0 / scale; // source row at the strip's top edge
		for (int y = 0; y < HEIGHT; y++) {
			for (int x = 0; x < width; x++) {
				final double sx0 = (x - MARGIN) / scale, sy0 = top + y / scale;
				double sum = 0;
				for (int j = 0; j < samples; j++) {
					for (int i = 0; i < samples; i++) sum += at(ink, w, h, sx0 + (i + 0.5) * step - 0.5, sy0 + (j + 0.5) * step - 0.5);
				}
				pixels[y * width + x] = (float) (sum / (samples * samples));
			}
		}
		final float bright = brightest(ink);
		if (bright > 0) for (int i = 0; i < pixels.length; i++) pixels[i] = Math.min(1, pixels[i] / bright);
		return new Strip(pixels, width, scale, sourceX0);
	}

	/** The source column of a strip column. */
	public double sourceColumn(final double x) {
		return sourceX + (x - MARGIN) / scale;
	}

	/** The 98th percentile of the ink that is there. */
	private static float brightest(final float[] ink) {
		int n = 0;
		for (final float v : ink) if (v > 0) n++;
		if (n == 0) return 0;
		final float[] values = new float[n];
		n = 0;
		for (final float v : ink) if (v > 0) values[n++] = v;
		java.util.Arrays.sort(values);
		return values[(int) (0.98 * (n - 1))];
	}

	private static float at(final float[] image, final int w, final int h, final double x, final double y) {
		final int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
		final double fx = x - x0, fy = y - y0;
		return (float) ((1 - fy) * ((1 - fx) * get(image, w, h, x0, y0) + fx * get(image, w, h, x0 + 1, y0)) +
			fy * ((1 - fx) * get(image, w, h, x0, y0 + 1) + fx * get(image, w, h, x0 + 1, y0 + 1)));
	}

	private static float get(final float[] image, final int w, final int h, final int x, final int y) {
		return x < 0 || y < 0 || x >= w || y >= h ? 0 : image[y * w + x];
	}
}
