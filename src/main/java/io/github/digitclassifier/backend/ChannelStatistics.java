package io.github.digitclassifier.backend;

import java.nio.FloatBuffer;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Per-channel mean and variance of activations, read where ND4J keeps them. ND4J's mean and
 * variance over [n, h, w] are slow on a large layer (a 64x64 colour network's first): with the
 * copy of those activations out of DL4J's workspace, measuring batch normalisation statistics
 * anew took much of an epoch.
 */
public final class ChannelStatistics {

	private ChannelStatistics() {}

	/**
	 * @param count values per channel
	 * @param mean per channel
	 * @param variance per channel, population variance (divided by {@code count})
	 */
	public record Moments(long count, double[] mean, double[] variance) {}

	/**
	 * The moments of each channel of {@code x}: rank 2 {@code [n, channels]}, or rank 4 channels
	 * last {@code [n, h, w, channels]} or first {@code [n, channels, h, w]}.
	 */
	public static Moments of(final INDArray x, final boolean channelsLast) {
		final INDArray values = FloatArrays.contiguous(x);
		final FloatBuffer buffer = FloatArrays.buffer(values);
		final ChannelLayout layout = ChannelLayout.of(values, channelsLast);
		final int count = layout.count();
		final double[] mean = new double[layout.channels()], variance = new double[layout.channels()];
		// Around the mean, in a second pass, for precision.
		sums(buffer, layout, null, mean);
		for (int c = 0; c < mean.length; c++) mean[c] /= count;
		sums(buffer, layout, mean, variance);
		for (int c = 0; c < variance.length; c++) variance[c] /= count;
		java.lang.ref.Reference.reachabilityFence(values); // the buffer does not keep it reachable
		return new Moments(count, mean, variance);
	}

	/**
	 * Adds each channel's values (or with {@code mean}, their squared deviations from it) to
	 * {@code sums}, in the order they are kept: runs of {@code inner} values of one channel. Runs
	 * of one (channels last) go straight to the sums. Each layout has a method of its own: in one
	 * method, the JIT compiles it for one layout and the other runs much slower.
	 */
	private static void sums(final FloatBuffer x, final ChannelLayout l, final double[] mean, final double[] sums) {
		if (l.inner() == 1) valueSums(x, l, mean, sums);
		else runSums(x, l, mean, sums);
	}

	private static void valueSums(final FloatBuffer x, final ChannelLayout l, final double[] mean, final double[] sums) {
		for (int o = 0, i = 0; o < l.outer(); o++) {
			for (int c = 0; c < l.channels(); c++, i++) sums[c] += term(x.get(i), mean, c);
		}
	}

	private static void runSums(final FloatBuffer x, final ChannelLayout l, final double[] mean, final double[] sums) {
		for (int o = 0, i = 0; o < l.outer(); o++) {
			for (int c = 0; c < l.channels(); c++) {
				double s = 0;
				for (final int end = i + l.inner(); i < end; i++) s += term(x.get(i), mean, c);
				sums[c] += s;
			}
		}
	}

	private static double term(final float value, final double[] mean, final int c) {
		if (mean == null) return value;
		final double d = value - mean[c];
		return d * d;
	}
}
