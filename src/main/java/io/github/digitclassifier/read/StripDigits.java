package io.github.digitclassifier.read;

import java.util.ArrayList;
import java.util.List;

import io.github.digitclassifier.read.sequence.Ctc;
import io.github.digitclassifier.read.sequence.Strip;
import io.github.digitclassifier.read.sequence.StripReader;

/** The digits a strip network read in a piece, with their boxes on the page. */
final class StripDigits {

	/** A classified part of the piece is a digit's when its columns overlap the digit's by this much (intersection over union). */
	static final double MIN_OVERLAP = 0.5;

	private StripDigits() {}

	/** The classified part of the piece whose columns overlap these the most (intersection over union), if enough. */
	private static NumberReader.Part closest(final List<NumberReader.Part> parts, final int x0, final int x1) {
		NumberReader.Part best = null;
		double bestIou = MIN_OVERLAP;
		for (final NumberReader.Part part : parts) {
			final int a = part.blob.x0(), b = part.blob.x1();
			final double inter = Math.max(0, Math.min(b, x1) - Math.max(a, x0) + 1), union = Math.max(b, x1) - Math.min(a, x0) + 1;
			if (inter / union > bestIou || best == null && inter / union == bestIou) {
				bestIou = inter / union;
				best = part;
			}
		}
		return best;
	}

	/**
	 * The digits of a strip's reading. Each digit's box spans the piece's rows and the columns from
	 * halfway to the digit before (or the piece's left end) to halfway to the next (or its right
	 * end), halfway between the centres of the frames each digit was read in. Where a part of the
	 * piece that the digit model classified covers about those columns, the digit is what both
	 * networks make most likely together (their probabilities multiplied, a product of experts):
	 * the strip network finds where the digits are, and the digit model, trained on other hands
	 * too, helps tell which they are. The strip network's probabilities are raised to {@code weight}
	 * first (1: an equal say).
	 */
	static List<ReadDigit> of(final Ctc.Reading reading, final StripReader.Frames frames, final Strip strip, final Blob piece,
		final List<NumberReader.Part> parts, final double weight, final double minConfidence)
	{
		final int n = reading.length();
		final double[] centres = new double[n];
		for (int i = 0; i < n; i++) {
			final double stripX = (reading.firstFrames()[i] + reading.lastFrames()[i] + 1) * Strip.FRAME / 2.0;
			centres[i] = strip.sourceColumn(stripX);
		}
		final List<ReadDigit> digits = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			final int x0 = i == 0 ? piece.x0() : (int) Math.round((centres[i - 1] + centres[i]) / 2);
			final int x1 = i == n - 1 ? piece.x1() : (int) Math.round((centres[i] + centres[i + 1]) / 2) - 1;
			final int left = Math.max(piece.x0(), Math.min(x0, piece.x1())), right = Math.max(left, Math.min(x1, piece.x1()));
			int digit = reading.symbols()[i];
			double confidence = reading.confidences()[i];
			final NumberReader.Part part = closest(parts, left, right);
			if (part != null && part.prediction != null) {
				final double[] q = frames.digitProbabilities(reading, i), p = part.prediction.probabilities();
				double sum = 0;
				for (int d = 0; d < q.length; d++) sum += q[d] = Math.pow(q[d], weight) * p[d];
				int best = 0;
				for (int d = 1; d < q.length; d++) if (q[d] > q[best]) best = d;
				digit = best;
				confidence = q[best] / sum;
			}
			digits.add(new ReadDigit(left, piece.y0(), right - left + 1, piece.height(), Integer.toString(digit),
				confidence, confidence < minConfidence));
		}
		return digits;
	}
}
