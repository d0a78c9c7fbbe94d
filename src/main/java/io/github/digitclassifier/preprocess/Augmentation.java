package io.github.digitclassifier.preprocess;

/**
 * Random changes applied to each prepared training image, drawn anew every epoch. Fields a bundle
 * written before they existed lacks read as 0 and false: no such change.
 *
 * @param rotationDegrees largest rotation either way
 * @param zoom largest relative change of size either way (0.1 = 90% to 110%); zooming in crops
 * @param shift largest shift either way, as a fraction of the input size
 * @param flip mirror left-right half of the time (wrong for digits: a mirrored 2 is no 2)
 * @param flipVertical mirror top-bottom half of the time (a cell has no "up")
 * @param rotate90 turn by 0, 90, 180 or 270 degrees, each a quarter of the time
 * @param brightness largest shift of the intensities either way, in standard deviations of the
 *        training images (pictures' inputs are standardised)
 * @param contrast largest relative change of contrast either way
 * @param colour largest relative change of each colour channel's gain either way
 * @param handwriting for digits: other writers', pens' and scanners' styles, applied before the
 *        changes above; null for none
 */
public record Augmentation(double rotationDegrees, double zoom, double shift, boolean flip, boolean flipVertical,
	boolean rotate90, double brightness, double contrast, double colour, HandwritingStyle handwriting)
{
	public Augmentation {
		if (rotationDegrees < 0 || rotationDegrees > 180) throw new IllegalArgumentException("rotation must be within 0..180 degrees");
		if (zoom < 0 || zoom >= 1) throw new IllegalArgumentException("zoom must be within 0..1");
		if (shift < 0 || shift >= 1) throw new IllegalArgumentException("shift must be within 0..1");
		if (brightness < 0 || contrast < 0 || contrast >= 1 || colour < 0 || colour >= 1) {
			throw new IllegalArgumentException("brightness must be 0 or more, contrast and colour within 0..1");
		}
	}

	/** Only geometric changes, as augmentation was before intensity jitter existed. */
	public Augmentation(final double rotationDegrees, final double zoom, final double shift, final boolean flip) {
		this(rotationDegrees, zoom, shift, flip, false, false, 0, 0, 0, null);
	}

	/**
	 * What suits handwritten digits: small rotations, zooms and shifts, and half of the images in
	 * another hand and scan (see {@link HandwritingStyle#defaults()}); no flip or turn, which
	 * change a digit.
	 */
	public static Augmentation digits() {
		return new Augmentation(10, 0.1, 0.1, false, false, false, 0, 0, 0, HandwritingStyle.defaults());
	}

	/**
	 * What suits pictures (cells, tissue, particles, photos): zoomed and shifted, which crops at
	 * random, their brightness, contrast and colour balance varied; mirrored left-right when
	 * {@code mirror}; mirrored top-bottom and turned by right angles (exact, nothing made up at
	 * the corners) when they have no "up", as cells seen from above.
	 */
	public static Augmentation pictures(final boolean mirror, final boolean noUp) {
		return new Augmentation(0, 0.1, 0.1, mirror, noUp, noUp, 0.2, 0.2, 0.1, null);
	}

	/**
	 * What {@code augment=true} means for an input: for pictures, the digit set becomes the
	 * picture set that the images' symmetry allows (see {@link Symmetry}).
	 */
	public static Augmentation fitting(final Augmentation requested, final Preprocessing input, final Symmetry symmetry) {
		if (!digits().equals(requested) || input.fit() == Preprocessing.Fit.CENTER_OF_MASS) return requested;
		return pictures(symmetry.mirrorable(), symmetry.noUp());
	}

	/** Whether it changes intensities as well as geometry. */
	boolean jittersIntensities() {
		return brightness > 0 || contrast > 0 || colour > 0;
	}
}
