package io.github.digitclassifier.read;

/**
 * Turns a reading's raw confidence (the product of its symbols' probabilities, which a network
 * trained to be sure overstates) into the chance that the whole number is right: Platt's scaling
 * (1999) of its log-odds, {@code p = sigmoid(scale * logit(c) + shift)}, fitted on readings whose
 * truth is known. It keeps the order of the readings, so the most confident shares stay the same
 * readings; what changes is that a threshold of 0.9 keeps readings right nine times in ten.
 */
public record Calibration(double scale, double shift) {

	/** Confidences as read. */
	public static final Calibration NONE = new Calibration(1, 0);

	/** Confidences are kept this far from 0 and 1 before their log-odds are taken. */
	private static final double EDGE = 1e-6;

	/** How strongly a fit is held to {@link #NONE}: a few readings, or all right, cannot push it far. */
	private static final double PRIOR = 1;

	public Calibration {
		if (!(scale > 0) || !Double.isFinite(scale) || !Double.isFinite(shift)) {
			throw new IllegalArgumentException("A calibration needs a positive scale and a finite shift, not " + scale + " and " + shift);
		}
	}

	/** The calibrated confidence of a raw one; 0 stays 0 (nothing read). */
	public double apply(final double confidence) {
		if (confidence <= 0) return 0;
		return 1 / (1 + Math.exp(-(scale * logit(confidence) + shift)));
	}

	/** The reading with its confidence calibrated. */
	public NumberReading apply(final NumberReading reading) {
		return this.equals(NONE) || reading.digits().isEmpty() ? reading
			: new NumberReading(reading.text(), apply(reading.confidence()), reading.digits());
	}

	/**
	 * The calibration that best predicts which readings are right (logistic regression on their
	 * log-odds by Newton's method, held towards {@link #NONE}); readings with no confidence (nothing
	 * read) are left out.
	 */
	public static Calibration fit(final double[] confidences, final boolean[] right) {
		double a = 1, b = 0;
		for (int iteration = 0; iteration < 50; iteration++) {
			// Gradient and Hessian of the negative log-likelihood plus PRIOR/2 * ((a-1)^2 + b^2).
			double ga = PRIOR * (a - 1), gb = PRIOR * b, haa = PRIOR, hab = 0, hbb = PRIOR;
			for (int i = 0; i < confidences.length; i++) {
				if (confidences[i] <= 0) continue;
				final double x = logit(confidences[i]);
				final double p = 1 / (1 + Math.exp(-(a * x + b)));
				final double e = p - (right[i] ? 1 : 0), w = p * (1 - p);
				ga += e * x;
				gb += e;
				haa += w * x * x;
				hab += w * x;
				hbb += w;
			}
			final double det = haa * hbb - hab * hab;
			final double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
			a = Math.max(1e-3, a - da);
			b -= db;
			if (Math.abs(da) + Math.abs(db) < 1e-9) break;
		}
		return new Calibration(a, b);
	}

	private static double logit(final double c) {
		final double p = Math.min(1 - EDGE, Math.max(EDGE, c));
		return Math.log(p / (1 - p));
	}
}
