package io.github.digitclassifier.model;

/**
 * How wide a class's digits are for their height (width over height of the ink's bounds) in the
 * training images: what tells one digit from two touching ones when reading numbers.
 *
 * @param meanAspect mean width over height
 * @param aspectSpread standard deviation of width over height
 */
public record ClassShape(double meanAspect, double aspectSpread) {

	/** Where a model records no shapes: every aspect alike. */
	public static final ClassShape UNKNOWN = new ClassShape(0, Double.POSITIVE_INFINITY);

	/**
	 * How likely a piece of this aspect is one such digit, as a log of a Gaussian relative to its
	 * peak (0 at the mean; always 0 for {@link #UNKNOWN}).
	 */
	public double logLikelihood(final double aspect) {
		final double z = (aspect - meanAspect) / Math.max(0.08, aspectSpread);
		return -0.5 * z * z;
	}
}
