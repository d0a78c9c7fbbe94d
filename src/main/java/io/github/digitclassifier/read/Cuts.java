package io.github.digitclassifier.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The best ways to cut one piece of ink into digits: for every count of digits, the parts that
 * cover the piece's columns end to end with the highest product of the classifier's confidences
 * (found by dynamic programming over the cut positions).
 */
final class Cuts implements CountScores {

	private final double[] scores; // by count; -infinity where no cut gives that count
	private final List<List<NumberReader.Part>> parts; // by count
	private final int least;
	private final int most;

	private Cuts(final double[] scores, final List<List<NumberReader.Part>> parts, final int least, final int most) {
		this.scores = scores;
		this.parts = parts;
		this.least = least;
		this.most = most;
	}

	/** The cuts of a piece whose width suggests {@code least} to {@code most} digits. */
	static Cuts of(final List<NumberReader.Part> candidates, final int height, final int least, final int most) {
		final int[] positions = candidates.stream().flatMapToInt(p -> java.util.stream.IntStream.of(p.from, p.to)).distinct().sorted().toArray();
		final int end = positions.length - 1;
		final int parts = Math.min(NumberReader.MAX_DIGITS_PER_PIECE, candidates.size());
		// best[i][k]: the best score covering columns up to positions[i] with k parts.
		final double[][] best = new double[positions.length][parts + 1];
		final NumberReader.Part[][] last = new NumberReader.Part[positions.length][parts + 1];
		for (final double[] row : best) Arrays.fill(row, Double.NEGATIVE_INFINITY);
		best[0][0] = 0;
		final List<NumberReader.Part> byEnd = new ArrayList<>(candidates);
		byEnd.sort((a, b) -> Integer.compare(a.to, b.to));
		for (final NumberReader.Part part : byEnd) {
			final int i = Arrays.binarySearch(positions, part.from), j = Arrays.binarySearch(positions, part.to);
			final double score = part.score(height);
			for (int k = 1; k <= parts; k++) {
				if (best[i][k - 1] == Double.NEGATIVE_INFINITY) continue;
				final double total = best[i][k - 1] + score + (k > 1 ? NumberReader.CUT_PENALTY : 0);
				if (total > best[j][k]) {
					best[j][k] = total;
					last[j][k] = part;
				}
			}
		}
		final List<List<NumberReader.Part>> chosenByCount = new ArrayList<>();
		for (int k = 0; k <= parts; k++) {
			final List<NumberReader.Part> chosen = new ArrayList<>();
			if (best[end][k] > Double.NEGATIVE_INFINITY) {
				int at = end;
				for (int n = k; n > 0; n--) {
					final NumberReader.Part part = last[at][n];
					chosen.add(part);
					at = Arrays.binarySearch(positions, part.from);
				}
				Collections.reverse(chosen);
			}
			chosenByCount.add(chosen);
		}
		return new Cuts(best[end], chosenByCount, least, most);
	}

	/** The best count of digits for this piece alone, within what its width suggests when a cut gives that. */
	@Override
	public int bestCount() {
		int best = -1;
		for (int k = least; k <= Math.min(most, scores.length - 1); k++) {
			if (scores[k] > Double.NEGATIVE_INFINITY && (best < 0 || scores[k] > scores[best])) best = k;
		}
		if (best > 0) return best;
		best = 1;
		for (int k = 1; k < scores.length; k++) if (scores[k] > scores[best]) best = k;
		return best;
	}

	/** The score of {@link #bestCount()}. */
	double bestScore() {
		return score(bestCount());
	}

	@Override
	public double score(final int count) {
		return count < scores.length ? scores[count] : Double.NEGATIVE_INFINITY;
	}

	List<NumberReader.Part> best(final int count) {
		return parts.get(count);
	}

	/** Leaving a piece out when a count of digits is asked for costs as much as a confidence of this. */
	static final double LEFT_OUT = 1e-2;

	/**
	 * How many digits to take from each piece: each piece's best, or, when {@code expected} digits
	 * are asked for, the counts adding up to it with the best total score, where a piece may be
	 * left out (count 0) at the cost of {@link #LEFT_OUT}; each piece's best when no counts add up.
	 */
	static int[] counts(final List<? extends CountScores> cuts, final int expected) {
		final int n = cuts.size();
		final int[] counts = new int[n];
		for (int i = 0; i < n; i++) counts[i] = cuts.get(i).bestCount();
		if (expected <= 0) return counts;
		// total[i][t]: best score of pieces 0..i-1 giving t digits.
		final double[][] total = new double[n + 1][expected + 1];
		final int[][] choice = new int[n + 1][expected + 1];
		for (final double[] row : total) Arrays.fill(row, Double.NEGATIVE_INFINITY);
		total[0][0] = 0;
		for (int i = 0; i < n; i++) {
			// Each count's score once: with a strip network, each is a best path of its own.
			final double[] score = new double[expected + 1];
			score[0] = Math.log(LEFT_OUT);
			for (int k = 1; k <= expected; k++) score[k] = cuts.get(i).score(k);
			for (int t = 0; t <= expected; t++) {
				if (total[i][t] == Double.NEGATIVE_INFINITY) continue;
				for (int k = 0; t + k <= expected; k++) {
					final double s = total[i][t] + score[k];
					if (s > total[i + 1][t + k]) {
						total[i + 1][t + k] = s;
						choice[i + 1][t + k] = k;
					}
				}
			}
		}
		if (total[n][expected] == Double.NEGATIVE_INFINITY) return counts;
		for (int i = n, t = expected; i > 0; i--) {
			counts[i - 1] = choice[i][t];
			t -= choice[i][t];
		}
		return counts;
	}
}
