package io.github.digitclassifier.backend;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Activations as [outer, channels, inner]: channels first (NCHW) is [n, c, h*w], channels last
 * (NHWC) [n*h*w, c, 1], flat features [n, c, 1].
 */
record ChannelLayout(int outer, int channels, int inner) {

	/** Values below which a pass runs on the calling thread alone: small layers are not worth a thread. */
	private static final int PARALLEL_FROM = 1 << 16;

	static ChannelLayout of(final INDArray x, final boolean channelsLast) {
		final long[] s = x.shape();
		if (s.length == 2) return new ChannelLayout((int) s[0], (int) s[1], 1);
		return channelsLast
			? new ChannelLayout(Math.toIntExact(s[0] * s[1] * s[2]), (int) s[3], 1)
			: new ChannelLayout((int) s[0], (int) s[1], Math.toIntExact(s[2] * s[3]));
	}

	/** Values per channel. */
	int count() {
		return outer * inner;
	}

	int length() {
		return outer * channels * inner;
	}

	/** Runs {@code channel} for every channel, in parallel when there is enough to share. */
	void forEachChannel(final IntConsumer channel) {
		final IntStream channels = IntStream.range(0, this.channels);
		(length() >= PARALLEL_FROM ? channels.parallel() : channels).forEach(channel);
	}
}
