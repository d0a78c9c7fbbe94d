package io.github.digitclassifier.model;

/** How training makes up for classes with fewer images than others. */
public enum Balance implements MacroValue {
	/** Weights when the largest class has more than {@link #AUTO_RATIO} times the images of the smallest, else none. */
	AUTO,
	/** Every image counts the same: large classes weigh more. */
	NONE,
	/** Each class's images weigh the loss in inverse proportion to their number (scikit-learn's "balanced" weights). */
	WEIGHTS,
	/** Each training draw picks a class with equal odds, then one of its images. */
	SAMPLING;

	/** The class-size ratio above which {@code auto} weighs the loss; MNIST's 1.24 stays unweighted. */
	public static final double AUTO_RATIO = 1.5;

	/** Per-class loss weights, {@code total / (classes * count)}; a class without images gets 0. */
	public static double[] weights(final int[] counts) {
		final long total = java.util.Arrays.stream(counts).asLongStream().sum();
		final double[] weights = new double[counts.length];
		for (int c = 0; c < counts.length; c++) weights[c] = counts[c] == 0 ? 0 : (double) total / (counts.length * counts[c]);
		return weights;
	}
}
