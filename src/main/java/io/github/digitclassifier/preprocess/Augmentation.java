package io.github.digitclassifier.preprocess;

/**
 * Random changes applied to each prepared training image, drawn anew every epoch.
 *
 * @param rotationDegrees largest rotation either way
 * @param zoom largest relative change of size either way (0.1 = 90% to 110%)
 * @param shift largest shift either way, as a fraction of the input size
 * @param flip mirror left-right half of the time (wrong for digits: a mirrored 2 is no 2)
 */
public record Augmentation(double rotationDegrees, double zoom, double shift, boolean flip) {

	public Augmentation {
		if (rotationDegrees < 0 || rotationDegrees > 180) throw new IllegalArgumentException("rotation must be within 0..180 degrees");
		if (zoom < 0 || zoom >= 1) throw new IllegalArgumentException("zoom must be within 0..1");
		if (shift < 0 || shift >= 1) throw new IllegalArgumentException("shift must be within 0..1");
	}

	/** What suits handwritten digits: small rotations, zooms and shifts, no flip. */
	public static Augmentation digits() {
		return new Augmentation(10, 0.1, 0.1, false);
	}
}
