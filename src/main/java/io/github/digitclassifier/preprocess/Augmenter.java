package io.github.digitclassifier.preprocess;

import java.util.SplittableRandom;

import net.imglib2.RealRandomAccess;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.interpolation.randomaccess.NLinearInterpolatorFactory;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

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
		final float[] pixels = new float[width * height];
		System.arraycopy(source, sourceOffset, pixels, 0, pixels.length);
		final ArrayImg<FloatType, FloatArray> image = ArrayImgs.floats(pixels, width, height);
		final RealRandomAccess<FloatType> access =
			Views.interpolate(Views.extendBorder(image), new NLinearInterpolatorFactory<FloatType>()).realRandomAccess();
		// Inverse mapping: output o shows the source at centre + R(-angle) (o - centre - shift) / zoom.
		final double cx = (width - 1) / 2.0, cy = (height - 1) / 2.0;
		final double cos = Math.cos(angle) / zoom, sin = Math.sin(angle) / zoom;
		for (int oy = 0; oy < height; oy++) {
			for (int ox = 0; ox < width; ox++) {
				final double u = (flip ? width - 1 - ox : ox) - cx - dx;
				final double v = oy - cy - dy;
				access.setPosition(cx + cos * u + sin * v, 0);
				access.setPosition(cy - sin * u + cos * v, 1);
				target[offset + oy * width + ox] = access.get().get();
			}
		}
	}

	private static double uniform(final SplittableRandom random, final double limit) {
		return limit == 0 ? 0 : random.nextDouble(-limit, limit);
	}
}
