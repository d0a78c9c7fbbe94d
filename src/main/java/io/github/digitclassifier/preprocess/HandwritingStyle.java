package io.github.digitclassifier.preprocess;

/**
 * How far training varies digits the way other writers, pens and scanners than the training
 * set's do. Each image is restyled with probability {@code share}; a restyled image gets a new
 * stroke width, slant and aspect, a mild elastic warp, and each scanning effect with its own odds.
 * Sizes are in pixels of the 28-pixel digit input.
 *
 * @param share fraction of training images restyled (the rest keep the training set's own style)
 * @param strokeWidth largest thickening of the strokes (a marker); thinning (a fine pen) goes to a pixel at most
 * @param slant largest horizontal shear either way (x shifts by {@code slant} per pixel of height)
 * @param aspect largest change of width against height either way, as a log ratio
 * @param filled odds that a digit is stretched to fill a square box, as some form readers store them
 * @param elastic largest root-mean-square displacement of the elastic warp (Simard et al. 2003)
 * @param scanning odds of each scanning effect: binarised, low resolution (down to 8 pixels),
 *        blurred, noisy, a ruled line or box edge, cut off at the box border
 * @param nonDigits fraction of training images replaced by what is not one digit, made of the
 *        training digits (two touching, or a part of one), whose target is every class alike
 *        (outlier exposure, Hendrycks et al. 2019): the model learns to be unsure of them, which
 *        is how reading numbers tells touching digits from one
 * @param continentalOnes odds that a restyled 1 (of a class named "1") is written as much of
 *        Europe writes it: with a flag from its top down to the left, and some of those with a
 *        foot too (the UCI digits' 1s; MNIST's are mostly a bare stroke); 0 in bundles before it
 */
public record HandwritingStyle(double share, double strokeWidth, double slant, double aspect, double filled, double elastic,
	double scanning, double nonDigits, double continentalOnes)
{
	public HandwritingStyle {
		if (share < 0 || share > 1 || filled < 0 || filled > 1 || scanning < 0 || scanning > 1 || nonDigits < 0 || nonDigits >= 1 ||
			continentalOnes < 0 || continentalOnes > 1)
		{
			throw new IllegalArgumentException("share, filled, scanning, nonDigits and continentalOnes are odds within 0..1");
		}
		if (strokeWidth < 0 || strokeWidth > 4 || slant < 0 || slant > 1 || aspect < 0 || aspect > 1 || elastic < 0 || elastic > 4) {
			throw new IllegalArgumentException("strokeWidth 0..4, slant 0..1, aspect 0..1, elastic 0..4");
		}
	}

	/** What the bundled model is trained with. */
	public static HandwritingStyle defaults() {
		return new HandwritingStyle(0.5, 4, 0.3, 0.3, 0.1, 1.0, 0.15, 0.08, 0.5);
	}
}
