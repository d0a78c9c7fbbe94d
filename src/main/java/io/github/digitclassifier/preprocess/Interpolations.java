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
		final int xa = clamp(x0, width), xb = clamp(x0 + 1, width);
		final int ya = offset + clamp(y0, height) * width, yb = offset + clamp(y0 + 1, height) * width;
		return blend(x - x0, y - y0, image[ya + xa], image[ya + xb], image[yb + xa], image[yb + xb]);
	}

	/** The value at (x, y), the image extended by zeros. */
	static float zeroExtended(final float[] image, final int width, final int height, final double x, final double y) {
		final int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
		if (x0 < -1 || y0 < -1 || x0 >= width || y0 >= height) return 0; // all four neighbours outside
		return blend(x - x0, y - y0, at(image, width, height, x0, y0), at(image, width, height, x0 + 1, y0),
			at(image, width, height, x0, y0 + 1), at(image, width, height, x0 + 1, y0 + 1));
	}

	/** The four neighbours weighted by the position's fractions (fx, fy) between them. */
	private static float blend(final double fx, final double fy, final float topLeft, final float topRight,
		final float bottomLeft, final float bottomRight)
	{
		return (float) ((1 - fy) * ((1 - fx) * topLeft + fx * topRight) + fy * ((1 - fx) * bottomLeft + fx * bottomRight));
	}

	private static float at(final float[] image, final int width, final int height, final int x, final int y) {
		return x < 0 || y < 0 || x >= width || y >= height ? 0 : image[y * width + x];
	}

	private static int clamp(final int i, final int size) {
		return i < 0 ? 0 : i >= size ? size - 1 : i;
	}
}
