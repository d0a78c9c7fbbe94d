package io.github.digitclassifier.read.sequence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Connectionist temporal classification (Graves et al. 2006): a network gives, for each frame
 * (a column band of a line of writing), scores for every symbol and a blank; a string is read by
 * any path through the frames that, with repeats merged and blanks dropped, spells it. The loss
 * sums over all such paths (forward-backward, in log space); reading takes the best path.
 * Scores come as raw logits, frame by frame: {@code logits[t * symbols + k]}; the blank is the
 * last symbol.
 */
public final class Ctc {

	private Ctc() {}

	/**
	 * A string read from the frames: its symbols, each symbol's confidence (its probability at its
	 * likeliest frame, {@code peakFrames}) and its first and last frame.
	 */
	public record Reading(int[] symbols, double[] confidences, int[] firstFrames, int[] lastFrames, int[] peakFrames) {

		public int length() {
			return symbols.length;
		}
	}

	/**
	 * The loss, -log p(labels | frames), of one sequence; its gradient with respect to the logits
	 * goes to {@code gradient} (same layout). A string the frames are too few to spell (no frames
	 * spell nothing) gives an infinite loss and a zero gradient.
	 */
	public static double loss(final float[] logits, final int frames, final int symbols, final int[] labels,
		final float[] gradient)
	{
		if (frames == 0) return Double.POSITIVE_INFINITY; // the gradient has no values to set
		final int blank = symbols - 1, states = 2 * labels.length + 1;
		final double[] logP = logSoftmax(logits, frames, symbols);
		final int[] state = new int[states];
		for (int s = 0; s < states; s++) state[s] = s % 2 == 0 ? blank : labels[s / 2];
		final double[][] alpha = new double[frames][states], beta = new double[frames][states];
		for (final double[] row : alpha) Arrays.fill(row, Double.NEGATIVE_INFINITY);
		for (final double[] row : beta) Arrays.fill(row, Double.NEGATIVE_INFINITY);
		alpha[0][0] = logP[blank];
		if (states > 1) alpha[0][1] = logP[state[1]];
		for (int t = 1; t < frames; t++) {
			for (int s = 0; s < states; s++) {
				double a = alpha[t - 1][s];
				if (s > 0) a = logAdd(a, alpha[t - 1][s - 1]);
				if (s > 1 && state[s] != blank && state[s] != state[s - 2]) a = logAdd(a, alpha[t - 1][s - 2]);
				alpha[t][s] = a + logP[t * symbols + state[s]];
			}
		}
		// beta[t][s]: the log probability of the frames after t given state s at t.
		beta[frames - 1][states - 1] = 0;
		if (states > 1) beta[frames - 1][states - 2] = 0;
		for (int t = frames - 2; t >= 0; t--) {
			for (int s = 0; s < states; s++) {
				double b = beta[t + 1][s] + logP[(t + 1) * symbols + state[s]];
				if (s + 1 < states) b = logAdd(b, beta[t + 1][s + 1] + logP[(t + 1) * symbols + state[s + 1]]);
				if (s + 2 < states && state[s + 2] != blank && state[s + 2] != state[s]) {
					b = logAdd(b, beta[t + 1][s + 2] + logP[(t + 1) * symbols + state[s + 2]]);
				}
				beta[t][s] = b;
			}
		}
		double logTotal = alpha[frames - 1][states - 1];
		if (states > 1) logTotal = logAdd(logTotal, alpha[frames - 1][states - 2]);
		if (logTotal == Double.NEGATIVE_INFINITY) {
			Arrays.fill(gradient, 0, frames * symbols, 0);
			return Double.POSITIVE_INFINITY;
		}
		final double[] occupancy = new double[symbols];
		for (int t = 0; t < frames; t++) {
			Arrays.fill(occupancy, 0);
			for (int s = 0; s < states; s++) {
				final double g = alpha[t][s] + beta[t][s] - logTotal;
				if (g > -60) occupancy[state[s]] += Math.exp(g);
			}
			for (int k = 0; k < symbols; k++) {
				gradient[t * symbols + k] = (float) (Math.exp(logP[t * symbols + k]) - occupancy[k]);
			}
		}
		return -logTotal;
	}

	/** The best path's string: each frame's likeliest symbol, repeats merged, blanks dropped. */
	public static Reading bestPath(final float[] logits, final int frames, final int symbols) {
		final double[] logP = logSoftmax(logits, frames, symbols);
		final int[] best = new int[frames];
		for (int t = 0; t < frames; t++) {
			int k = 0;
			for (int j = 1; j < symbols; j++) if (logP[t * symbols + j] > logP[t * symbols + k]) k = j;
			best[t] = k;
		}
		return reading(best, logP, symbols);
	}

	/**
	 * The best path that spells exactly {@code count} symbols (Viterbi over the paths' states:
	 * symbols emitted so far and the symbol now held, blank included); null when the frames are
	 * too few.
	 */
	public static Reading bestPath(final float[] logits, final int frames, final int symbols, final int count) {
		if (count > frames || frames == 0) return null;
		final double[] logP = logSoftmax(logits, frames, symbols);
		final int blank = symbols - 1;
		// score[n][k]: best log probability of frames so far, having emitted n symbols, now holding k.
		double[][] score = new double[count + 1][symbols];
		final int[][][] from = new int[frames][count + 1][symbols]; // the state before, as n * symbols + k
		for (final double[] row : score) Arrays.fill(row, Double.NEGATIVE_INFINITY);
		score[0][blank] = logP[blank];
		if (count > 0) for (int k = 0; k < blank; k++) score[1][k] = logP[k];
		for (int t = 1; t < frames; t++) {
			final double[][] next = new double[count + 1][symbols];
			for (int n = 0; n <= count; n++) {
				for (int k = 0; k < symbols; k++) {
					// Stay on k (a symbol's run, or blanks); or come from a blank or another symbol, emitting k.
					double best = score[n][k];
					int arg = n * symbols + k;
					if (k != blank && n > 0) {
						for (int j = 0; j < symbols; j++) {
							if (j != k && score[n - 1][j] > best) {
								best = score[n - 1][j];
								arg = (n - 1) * symbols + j;
							}
						}
					}
					if (k == blank && n > 0) {
						for (int j = 0; j < blank; j++) {
							if (score[n][j] > best) {
								best = score[n][j];
								arg = n * symbols + j;
							}
						}
					}
					next[n][k] = best + logP[t * symbols + k];
					from[t][n][k] = arg;
				}
			}
			score = next;
		}
		int state = count * symbols + blank;
		for (int k = 0; k < symbols; k++) if (score[count][k] > score[count][state % symbols]) state = count * symbols + k;
		if (score[count][state % symbols] == Double.NEGATIVE_INFINITY) return null;
		final int[] path = new int[frames];
		for (int t = frames - 1; t >= 0; t--) {
			path[t] = state % symbols;
			if (t > 0) state = from[t][state / symbols][state % symbols];
		}
		return reading(path, logP, symbols);
	}

	/** The string a path spells: each run of a symbol read once, its confidence its likeliest frame's. */
	private static Reading reading(final int[] path, final double[] logP, final int symbols) {
		final int blank = symbols - 1;
		final List<int[]> runs = new ArrayList<>(); // symbol, first, last
		for (int t = 0; t < path.length; t++) {
			if (path[t] == blank) continue;
			final int[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
			if (last != null && last[0] == path[t] && last[2] == t - 1) last[2] = t;
			else runs.add(new int[] { path[t], t, t });
		}
		final int n = runs.size();
		final int[] symbolsRead = new int[n], first = new int[n], last = new int[n], peak = new int[n];
		final double[] confidences = new double[n];
		for (int i = 0; i < n; i++) {
			final int[] run = runs.get(i);
			symbolsRead[i] = run[0];
			first[i] = run[1];
			last[i] = run[2];
			peak[i] = run[1];
			for (int t = run[1]; t <= run[2]; t++) if (logP[t * symbols + run[0]] > logP[peak[i] * symbols + run[0]]) peak[i] = t;
			confidences[i] = Math.exp(logP[peak[i] * symbols + run[0]]);
		}
		return new Reading(symbolsRead, confidences, first, last, peak);
	}

	private static double[] logSoftmax(final float[] logits, final int frames, final int symbols) {
		final double[] out = new double[frames * symbols];
		for (int t = 0; t < frames; t++) {
			double max = Double.NEGATIVE_INFINITY;
			for (int k = 0; k < symbols; k++) max = Math.max(max, logits[t * symbols + k]);
			double sum = 0;
			for (int k = 0; k < symbols; k++) sum += Math.exp(logits[t * symbols + k] - max);
			final double log = max + Math.log(sum);
			for (int k = 0; k < symbols; k++) out[t * symbols + k] = logits[t * symbols + k] - log;
		}
		return out;
	}

	private static double logAdd(final double a, final double b) {
		if (a == Double.NEGATIVE_INFINITY) return b;
		if (b == Double.NEGATIVE_INFINITY) return a;
		return Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b)));
	}
}
