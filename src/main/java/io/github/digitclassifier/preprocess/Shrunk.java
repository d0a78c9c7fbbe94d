package io.github.digitclassifier.preprocess;

/**
 * A source filtered for sampling at a coarser step: first averaged over whole blocks of
 * pixels (exact anti-aliasing for whole factors, and cheap for huge images), then blurred by
 * the Gaussian that the remaining factor needs.
 */
record Shrunk(float[] pixels, int w, int h, int binX, int binY) {

	static Shrunk of(final float[] source, final int w, final int h, final double stepX, final double stepY) {
		final int binX = Math.max(1, Math.min(w, (int) Math.floor(stepX)));
		final int binY = Math.max(1, Math.min(h, (int) Math.floor(stepY)));
		final int bw = w / binX, bh = h / binY;
		// The source is the caller's own scratch copy: blurring it in place costs no copy.
		final float[] binned = binX == 1 && binY == 1 ? source : bin(source, w, binX, binY, bw, bh);
		Gaussians.blur(binned, bw, bh, antiAliasSigma(stepX / binX), antiAliasSigma(stepY / binY));
		return new Shrunk(binned, bw, bh, binX, binY);
	}

	private static float[] bin(final float[] source, final int w, final int binX, final int binY, final int bw, final int bh) {
		final float[] binned = new float[bw * bh];
		final float norm = 1f / (binX * binY);
		for (int y = 0; y < bh * binY; y++) {
			final int row = (y / binY) * bw;
			for (int x = 0; x < bw * binX; x++) binned[row + x / binX] += source[y * w + x] * norm;
		}
		return binned;
	}

	/** The blur that, on top of a pixel's own extent, leaves no detail finer than the step. */
	private static double antiAliasSigma(final double step) {
		return step <= 1 ? 0 : 0.5 * Math.sqrt(step * step - 1);
	}

	double toShrunkX(final double x) {
		return (x - (binX - 1) / 2.0) / binX;
	}

	double toShrunkY(final double y) {
		return (y - (binY - 1) / 2.0) / binY;
	}
}
