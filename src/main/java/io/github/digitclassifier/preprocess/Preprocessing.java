package io.github.digitclassifier.preprocess;

/**
 * How an image becomes a model input; recorded in the model bundle so that training, evaluation
 * and prediction prepare images alike.
 *
 * @param width model input width
 * @param height model input height
 * @param fit how content is placed in the input
 * @param inversion whether dark ink on light paper is turned into light on dark (as MNIST is)
 * @param fitSize with {@link Fit#CENTER_OF_MASS}: the longer side of the content, in pixels
 */
public record Preprocessing(int width, int height, Fit fit, Inversion inversion, int fitSize) {

	/** Placement of the image content in the model input. */
	public enum Fit {
		/**
		 * The MNIST recipe: background removed, cropped to the content, scaled to fit a
		 * {@code fitSize} box keeping the aspect ratio, centred by centre of mass.
		 */
		CENTER_OF_MASS,
		/** The whole image stretched to the input size: for data that is not ink on a background. */
		RESIZE
	}

	/** Whether intensities are turned over, so that the content is bright on a dark ground. */
	public enum Inversion {
		/** Invert when the image border (the background) is brighter than its middle grey. */
		AUTO, NEVER, ALWAYS
	}

	public Preprocessing {
		if (width < 4 || height < 4) throw new IllegalArgumentException("Input size must be at least 4x4, not " + width + "x" + height);
		if (fit == null || inversion == null) throw new IllegalArgumentException("fit and inversion must be set");
		if (fit == Fit.CENTER_OF_MASS && (fitSize < 1 || fitSize > Math.min(width, height))) {
			throw new IllegalArgumentException("fitSize must be between 1 and " + Math.min(width, height) + ", not " + fitSize);
		}
	}

	/** MNIST-like digits: 20x20 content centred by mass in 28x28, inverted when dark on light. */
	public static Preprocessing digits() {
		return new Preprocessing(28, 28, Fit.CENTER_OF_MASS, Inversion.AUTO, 20);
	}

	/** Any small image: stretched to the input size, intensities as they are. */
	public static Preprocessing resize(final int width, final int height) {
		return new Preprocessing(width, height, Fit.RESIZE, Inversion.NEVER, 0);
	}

	public int pixelCount() {
		return width * height;
	}
}
