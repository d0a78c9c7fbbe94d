package io.github.digitclassifier.preprocess;

/** Separable Gaussian blur of float images in place, borders extended. */
public final class Gaussians {

	private Gaussians() {}

	public static void blur(final float[] pixels, final int w, final int h, final double sigmaX, final double sigmaY) {
		if (sigmaX > 0.05) blurLines(pixels, w, h, kernel(sigmaX), 1, w);
		if (sigmaY > 0.05) blurLines(pixels, h, w, kernel(sigmaY), w, 1);
	}

	/** Blurs {@code lines} lines of {@code length} pixels, {@code stride} apart within a line. */
	private static void blurLines(final float[] pixels, final int length, final int lines, final float[] kernel,
		final int stride, final int lineStride)
	{
		final int radius = kernel.length / 2;
		final float[] line = new float[length];
		for (int l = 0; l < lines; l++) {
			final int start = l * lineStride;
			for (int i = 0; i < length; i++) line[i] = pixels[start + i * stride];
			for (int i = 0; i < length; i++) {
				float sum = 0;
				for (int k = -radius; k <= radius; k++) {
					sum += kernel[k + radius] * line[Math.min(length - 1, Math.max(0, i + k))];
				}
				pixels[start + i * stride] = sum;
			}
		}
	}

	private static float[] kernel(final double sigma) {
		final int radius = Math.max(1, (int) Math.ceil(3 * sigma));
		final float[] kernel = new float[2 * radius + 1];
		double sum = 0;
		for (int i = -radius; i <= radius; i++) sum += kernel[i + radius] = (float) Math.exp(-i * i / (2 * sigma * sigma));
		for (int i = 0; i < kernel.length; i++) kernel[i] /= sum;
		return kernel;
	}
}
