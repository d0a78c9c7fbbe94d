package io.github.digitclassifier.read;

/**
 * How numbers are read.
 *
 * @param minConfidence digits the classifier is less sure of than this are flagged
 * @param digits how many digits each number has; 0 for any
 */
public record ReadOptions(double minConfidence, int digits) {
	public ReadOptions {
		if (!(minConfidence >= 0 && minConfidence <= 1)) throw new IllegalArgumentException("min_confidence must be within 0..1, not " + minConfidence);
		if (digits < 0 || digits > 100) throw new IllegalArgumentException("digits must be 0 (any) to 100, not " + digits);
	}

	/** Any count of digits; those under 90% confidence flagged. */
	public static ReadOptions defaults() {
		return new ReadOptions(0.9, 0);
	}
}
