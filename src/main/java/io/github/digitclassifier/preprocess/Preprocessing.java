package io.github.digitclassifier.preprocess;

import java.util.List;

/**
 * How an image becomes a model input; recorded in the model bundle so that training, evaluation
 * and prediction prepare images alike.
 *
 * @param width model input width
 * @param height model input height
 * @param fit how content is placed in the input
 * @param inversion whether dark ink on light paper is turned into light on dark (as MNIST is)
 * @param fitSize with {@link Fit#CENTER_OF_MASS}: the longer side of the content, in pixels
 * @param channels colour channels of the input: 1 (grey; also what bundles without the field mean)
 * @param standardisation null: each image's intensities stretched to 0..1 on its own (digits, and
 *        every bundle written before pictures were supported); otherwise intensities as they are,
 *        standardised with the training images' figures
 * @param maxStroke with {@link Fit#CENTER_OF_MASS}: strokes wider than this many pixels (a marker,
 *        or a thin digit scaled up to fill its box) are thinned to about it; 0 (and bundles
 *        written before it existed) for none
 */
public record Preprocessing(int width, int height, Fit fit, Inversion inversion, int fitSize, int channels,
	Standardisation standardisation, int maxStroke)
{
	/** Placement of the image content in the model input. */
	public enum Fit {
		/**
		 * The MNIST recipe: background removed, cropped to the content, scaled to fit a
		 * {@code fitSize} box keeping the aspect ratio, centred by centre of mass.
		 */
		CENTER_OF_MASS,
		/** The whole image stretched to the input size (Import Class Folders' resize). */
		RESIZE,
		/**
		 * Pictures: the largest centred square (or the input's aspect) cut out and scaled to the
		 * input size, so nothing is distorted; what Keras' {@code smart_resize} and torchvision's
		 * resize-then-centre-crop do.
		 */
		CENTER_CROP
	}

	/** Whether intensities are turned over, so that the content is bright on a dark ground. */
	public enum Inversion {
		/** Invert when the image border (the background) is brighter than its middle grey. */
		AUTO, NEVER, ALWAYS
	}

	/**
	 * Per-channel mean and standard deviation of the training images' pixels, in the images' own
	 * units (0..255 for 8-bit): an input pixel is {@code (value - mean) / std}.
	 */
	public record Standardisation(List<Double> mean, List<Double> std) {
		public Standardisation {
			mean = List.copyOf(mean);
			std = List.copyOf(std);
			if (mean.size() != std.size() || mean.isEmpty()) throw new IllegalArgumentException("One mean and one std per channel");
			for (final double s : std) if (!(s > 0)) throw new IllegalArgumentException("Standard deviations must be above 0: " + std);
		}

		/** Leaves values as they are: what figures are measured through. */
		public static Standardisation identity(final int channels) {
			return new Standardisation(java.util.Collections.nCopies(channels, 0.0), java.util.Collections.nCopies(channels, 1.0));
		}
	}

	public Preprocessing {
		if (channels == 0) channels = 1; // bundles written before colour was supported
		if (width < 4 || height < 4) throw new IllegalArgumentException("Input size must be at least 4x4, not " + width + "x" + height);
		if (fit == null || inversion == null) throw new IllegalArgumentException("fit and inversion must be set");
		if (fit == Fit.CENTER_OF_MASS && (fitSize < 1 || fitSize > Math.min(width, height))) {
			throw new IllegalArgumentException("fitSize must be between 1 and " + Math.min(width, height) + ", not " + fitSize);
		}
		if (channels != 1 && channels != 3) throw new IllegalArgumentException("channels must be 1 or 3, not " + channels);
		if (standardisation != null && standardisation.mean().size() != channels) {
			throw new IllegalArgumentException("Standardisation for " + standardisation.mean().size() + " channels, input has " + channels);
		}
		if (maxStroke < 0 || maxStroke > 0 && fit != Fit.CENTER_OF_MASS) throw new IllegalArgumentException("maxStroke is for digits, 0 or more");
		if (standardisation != null && fit == Fit.CENTER_OF_MASS) {
			throw new IllegalArgumentException("The digit recipe stretches each image to 0..1 itself");
		}
	}

	/** Convenience for settings without a stroke limit. */
	public Preprocessing(final int width, final int height, final Fit fit, final Inversion inversion, final int fitSize,
		final int channels, final Standardisation standardisation)
	{
		this(width, height, fit, inversion, fitSize, channels, standardisation, 0);
	}

	/** The MNIST proportions: content box 20/28 of the input side. */
	private static final double DIGIT_BOX = 20.0 / 28;

	/** MNIST-like digits: 20x20 content centred by mass in 28x28, inverted when dark on light. */
	public static Preprocessing digits() {
		return digits(28);
	}

	/**
	 * Strokes wider than this at 28 px are thinned: MNIST's are 3 to 4 pixels wide (medians), a
	 * marker's or a thin digit's scaled up to fill a box (the UCI digits' 1s) up to 12.
	 */
	private static final int MAX_STROKE = 5;

	/** Digits in a {@code size} square input, content box in MNIST's proportion, strokes thinned to MNIST's widest. */
	public static Preprocessing digits(final int size) {
		return new Preprocessing(size, size, Fit.CENTER_OF_MASS, Inversion.AUTO, (int) Math.round(size * DIGIT_BOX), 1, null,
			(int) Math.round(MAX_STROKE * size / 28.0));
	}

	/** Any small image: stretched to the input size, each image's intensities to 0..1. */
	public static Preprocessing resize(final int width, final int height) {
		return new Preprocessing(width, height, Fit.RESIZE, Inversion.NEVER, 0, 1, null);
	}

	/** Pictures: centre-cropped to a {@code size} square, intensities standardised. */
	public static Preprocessing pictures(final int size, final int channels, final Standardisation standardisation) {
		return new Preprocessing(size, size, Fit.CENTER_CROP, Inversion.NEVER, 0, channels, standardisation);
	}

	public Preprocessing withStandardisation(final Standardisation newStandardisation) {
		return new Preprocessing(width, height, fit, inversion, fitSize, channels, newStandardisation, maxStroke);
	}

	/** Values per prepared image: channel planes one after another. */
	public int pixelCount() {
		return width * height * channels;
	}

	/** Values per channel plane. */
	public int planeSize() {
		return width * height;
	}
}
