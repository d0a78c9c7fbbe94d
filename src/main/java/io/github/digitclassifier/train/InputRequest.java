package io.github.digitclassifier.train;

import io.github.digitclassifier.model.MacroValue;

/**
 * How training is asked to prepare images; what is left to {@code auto} is decided from the
 * training images by {@link InputChoices}.
 *
 * @param preprocessing the recipe, or {@link Mode#AUTO}
 * @param channels grey, colour, or {@link Channels#AUTO}
 * @param size the input's side in pixels, or 0 for auto (28 for digits, else from the images)
 */
public record InputRequest(Mode preprocessing, Channels channels, int size) {

	public static final int MIN_SIZE = 16;
	public static final int MAX_SIZE = 128;

	/** The preprocessing recipes a training can ask for. */
	public enum Mode implements MacroValue {
		/** Digits when the training images are ink on a plain background, else resize. */
		AUTO,
		/** Ink on paper: inverted when dark on light, cropped to the ink, fitted and centred by mass (MNIST's recipe). */
		DIGITS,
		/** Pictures: the whole image scaled to the input size, aspect kept by a centre crop, no inversion. */
		RESIZE;
	}

	/** The colour channels a training can ask for. */
	public enum Channels implements MacroValue {
		/** Colour when the training images are in colour (pictures only: digits are read grey). */
		AUTO,
		/** One channel: colour images become their luminance. */
		GREY,
		/** Red, green and blue: grey images become three equal channels. */
		RGB;
	}

	public InputRequest {
		if (preprocessing == null || channels == null) throw new IllegalArgumentException("preprocessing and channels must be set");
		if (preprocessing == Mode.DIGITS && channels == Channels.RGB) {
			throw new IllegalArgumentException("channels=rgb needs preprocessing=resize (or auto): digits are read grey");
		}
		if (size != 0 && (size < MIN_SIZE || size > MAX_SIZE)) {
			throw new IllegalArgumentException("size must be 0 (auto) or between " + MIN_SIZE + " and " + MAX_SIZE + ", not " + size);
		}
	}

	/** Everything decided from the training images. */
	public static InputRequest auto() {
		return new InputRequest(Mode.AUTO, Channels.AUTO, 0);
	}

	/** MNIST's recipe at MNIST's size. */
	public static InputRequest digits() {
		return new InputRequest(Mode.DIGITS, Channels.AUTO, 0);
	}
}
