package io.github.digitclassifier.preprocess;

import java.util.SplittableRandom;

/**
 * Restyles single digits for the benches' generators as the digit model's training does
 * ({@link HandwritingStyler}): a 28-pixel digit, bright on dark, 0..1, written again by another
 * hand, pen or scanner, fitted and centred as MNIST's are.
 */
public final class DigitRestyler {

	private final HandwritingStyler styler;

	public DigitRestyler(final HandwritingStyle style) {
		this.styler = new HandwritingStyler(style, Preprocessing.digits());
	}

	/** Whether a digit is restyled: the style's share, drawn from {@code random}. */
	public boolean picks(final SplittableRandom random) {
		return styler.picks(random);
	}

	/** The digit restyled; {@code one}: it is a 1, which may get a flag and a foot. */
	public float[] restyle(final float[] digit, final boolean one, final SplittableRandom random) {
		final float[] out = new float[digit.length];
		styler.restyle(digit, 0, out, 0, one, random);
		return out;
	}
}
