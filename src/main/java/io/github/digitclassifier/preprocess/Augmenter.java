package io.github.digitclassifier.preprocess;

import java.util.SplittableRandom;

/**
 * Applies an {@link Augmentation} to prepared images: one random rotation, zoom, shift and flip
 * about the image centre, resampled linearly with the border extended (as Keras fills 'nearest').
 */
public final class Augmenter {

	private final Augmentation augmentation;
	private final int width;
	private final int height;

	public Augmenter(final Augmentation augmentation, final int width, final int height) {
		this.augmentation = augmentation;
		this.width = width;
		this.height = height;
	}

	/** Writes an augmented copy of {@code source} into {@code target} at {@code offset}. */
	public void augment(final float[] source, final int sourceOffset, final float[] target, final int offset,
		final SplittableRandom random)
	{
		final double angle = Math.toRadians(uniform(random, augmentation.rotationDegrees()));
		final double zoom = 1 + uniform(random, augmentation.zoom());
		final double dx = uniform(random, augmentation.shift() * width);
		final double dy = uniform(random, augmentation.shift() * height);
		final boolean flip = augmentation.flip() && random.nextBoolean();
		// Inverse mapping: output o shows the source at centre + R(-angle) (o - centre - shift) / zoom.
		final double cx = (width - 1) / 2.0, cy = (height - 1) / 2.0;
		final double cos = Math.cos(angle) / zoom, sin = Math.sin(angle) / zoom;
		for (int oy = 0; oy < height; oy++) {
			for (int ox = 0; ox < width; ox++) {
				final double u = (flip ? width - 1 - ox : ox) - cx - dx;
				final double v = oy - cy - dy;
				target[offset + oy * width + ox] = Interpolations.borderExtended(source, sourceOffset, width, height,
					cx + cos * u + sin * v, cy - sin * u + cos * v);
			}
		}
	}

	private static double uniform(final SplittableRandom random, final double limit) {
		return limit == 0 ? 0 : random.nextDouble(-limit, limit);
	}
}
