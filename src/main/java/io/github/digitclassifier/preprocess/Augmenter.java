package io.github.digitclassifier.preprocess;

import java.util.SplittableRandom;

/**
 * Applies an {@link Augmentation} to prepared images: one random rotation, zoom, shift and flip
 * about the image centre, the same for every channel, resampled linearly with the border extended
 * (as Keras fills 'nearest').
 */
public final class Augmenter {

	private final Augmentation augmentation;
	private final int width;
	private final int height;
	private final int channels;
	private final HandwritingStyler styler;
	/** The index of the class named "1", which the handwriting styles may write with a flag and foot; -1 for none. */
	private final int oneClass;

	public Augmenter(final Augmentation augmentation, final Preprocessing input) {
		this(augmentation, input, java.util.List.of());
	}

	/** An augmenter for images of these classes (their names tell which is the digit 1). */
	public Augmenter(final Augmentation augmentation, final Preprocessing input, final java.util.List<String> classNames) {
		this.augmentation = augmentation;
		this.oneClass = classNames.indexOf("1");
		this.styler = augmentation.handwriting() == null ? null : new HandwritingStyler(augmentation.handwriting(), input);
		this.width = input.width();
		this.height = input.height();
		this.channels = input.channels();
	}

	/** Writes an augmented copy of {@code source} into {@code target} at {@code offset}. */
	public void augment(final float[] source, final int sourceOffset, final float[] target, final int offset,
		final SplittableRandom random)
	{
		augment(source, sourceOffset, target, offset, -1, random);
	}

	/** As {@link #augment(float[], int, float[], int, SplittableRandom)}, for an image of class {@code classIndex}. */
	public void augment(final float[] source, final int sourceOffset, final float[] target, final int offset, final int classIndex,
		final SplittableRandom random)
	{
		if (styler != null && styler.picks(random)) {
			final float[] styled = new float[width * height];
			styler.restyle(source, sourceOffset, styled, 0, classIndex >= 0 && classIndex == oneClass, random);
			transform(styled, 0, target, offset, random);
		}
		else {
			transform(source, sourceOffset, target, offset, random);
		}
	}

	/**
	 * Whether this draw is to be a non-digit (see {@link HandwritingStyle#nonDigits()}); when it
	 * is, {@link #augmentNonDigit} makes it.
	 */
	public boolean picksNonDigit(final SplittableRandom random) {
		return styler != null && styler.picksNonDigit(random);
	}

	/** Writes an augmented non-digit made of {@code first} and {@code second} into {@code target} at {@code offset}. */
	public void augmentNonDigit(final float[] first, final float[] second, final float[] target, final int offset,
		final SplittableRandom random)
	{
		final float[] made = new float[width * height];
		styler.nonDigit(first, second, made, 0, random);
		transform(made, 0, target, offset, random);
	}

	/** The rotation, zoom, shift, flips, turns and intensity changes. */
	private void transform(final float[] source, final int sourceOffset, final float[] target, final int offset,
		final SplittableRandom random)
	{
		final int quarterTurns = augmentation.rotate90() ? random.nextInt(4) : 0;
		final double angle = Math.toRadians(uniform(random, augmentation.rotationDegrees()));
		final double zoom = 1 + uniform(random, augmentation.zoom());
		final double dx = uniform(random, augmentation.shift() * width);
		final double dy = uniform(random, augmentation.shift() * height);
		final boolean flip = augmentation.flip() && random.nextBoolean();
		final boolean flipVertical = augmentation.flipVertical() && random.nextBoolean();
		// Inverse mapping: output o shows the source at centre + R(-angle) (o - centre - shift) / zoom,
		// after the mirrorings and right-angle turns of o about the centre (exact on a square).
		final double cx = (width - 1) / 2.0, cy = (height - 1) / 2.0;
		final double cos = Math.cos(angle) / zoom, sin = Math.sin(angle) / zoom;
		final double brightness = uniform(random, augmentation.brightness());
		final double contrast = 1 + uniform(random, augmentation.contrast());
		final int plane = width * height;
		for (int c = 0; c < channels; c++) {
			final double gain = contrast * (1 + uniform(random, augmentation.colour()));
			for (int oy = 0; oy < height; oy++) {
				for (int ox = 0; ox < width; ox++) {
					double u = (flip ? width - 1 - ox : ox) - cx;
					double w = (flipVertical ? height - 1 - oy : oy) - cy;
					for (int q = 0; q < quarterTurns; q++) {
						final double t = u;
						u = -w;
						w = t;
					}
					u -= dx;
					w -= dy;
					final float v = Interpolations.borderExtended(source, sourceOffset + c * plane, width, height,
						cx + cos * u + sin * w, cy - sin * u + cos * w);
					target[offset + c * plane + oy * width + ox] = augmentation.jittersIntensities() ? (float) (v * gain + brightness) : v;
				}
			}
		}
	}

	private static double uniform(final SplittableRandom random, final double limit) {
		return limit == 0 ? 0 : random.nextDouble(-limit, limit);
	}
}
