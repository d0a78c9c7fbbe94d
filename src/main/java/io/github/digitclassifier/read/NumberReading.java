package io.github.digitclassifier.read;

import java.util.List;

/**
 * The number read in one image.
 *
 * @param text the digits, left to right; empty when none was found
 * @param confidence the product of the digits' confidences; 0 when none was found
 * @param digits each digit, left to right
 */
public record NumberReading(String text, double confidence, List<ReadDigit> digits) {

	/** No digit found. */
	public static final NumberReading NONE = new NumberReading("", 0, List.of());

	public NumberReading {
		digits = List.copyOf(digits);
	}

	/** The reading of these digits (or symbols), left to right. */
	public static NumberReading of(final List<ReadDigit> digits) {
		if (digits.isEmpty()) return NONE;
		final StringBuilder text = new StringBuilder();
		double confidence = 1;
		for (final ReadDigit d : digits) {
			text.append(d.className());
			confidence *= d.confidence();
		}
		return new NumberReading(text.toString(), confidence, digits);
	}
}
