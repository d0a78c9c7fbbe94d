package io.github.digitclassifier.preprocess;

/**
 * Linear interpolation of a row-major float image at real coordinates: what ImgLib2's
 * {@code NLinearInterpolator} gives on {@code Views.extendBorder} or {@code Views.extendZero},
 * written out because it runs for every pixel of every image (through the views, building the
 * interpolator per image took more time than the rest of preprocessing; tests compare the two).
 */
final class Interpolations {

	private Interpolations() {}

	/** The value at (x, y), the image extended by repeating its border pixels. */
	static float borderExtended(final float[] image, final int offset, final int width, final int height,
		final double x, final double y)
	{
		final int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
		final double fx = x - x0, fy = y - y0;
		final int xa = clamp(x0, width), xb = clamp(x0 + 1, width);
		final int ya = offset + clamp(y0, height) * width, yb = offset + clamp(y0 + 1, height) * width;
		return (float) ((1 - fy) * ((1 - fx) * image[ya + xa] + fx * image[ya + xb]) +
			fy * ((1 - fx) * image[yb + xa] + fx * image[yb + xb]));
	}

	/** The value at (x, y), the image extended by zeros. */
	static float zeroExtended(final float[] image, final int width, final int height, final double x, final double y) {
		final int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
		if (x0 < -1 || y0 < -1 || x0 >= width || y0 >= height) return 0;
		final double fx = x - x0, fy = y - y0;
		return (float) ((1 - fy) * ((1 - fx) * at(image, width, height, x0, y0) + fx * at(image, width, height, x0 + 1, y0)) +
			fy * ((1 - fx) * at(image, width, height, x0, y0 + 1) + fx * at(image, width, height, x0 + 1, y0 + 1)));
	}

	private static float at(final float[] image, final int width, final int height, final int x, final int y) {
		return x < 0 || y < 0 || x >= width || y >= height ? 0 : image[y * width + x];
	}

	private static int clamp(final int i, final int size) {
		return i < 0 ? 0 : i >= size ? size - 1 : i;
	}
}
