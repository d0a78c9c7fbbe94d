package io.github.digitclassifier.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ChannelStatisticsTest {

	/** ND4J's mean and population variance over the axes that are not the channel's. */
	private static void assertLikeNd4j(final INDArray x, final boolean channelsLast, final int... axes) {
		final ChannelStatistics.Moments moments = ChannelStatistics.of(x, channelsLast);
		final double[] mean = x.mean(axes).toDoubleVector(), variance = x.var(false, axes).toDoubleVector();
		assertEquals(x.length() / mean.length, moments.count());
		assertArrayEquals(mean, moments.mean(), 1e-5);
		assertArrayEquals(variance, moments.variance(), 1e-5);
	}

	@Test
	void eachLayoutsChannelsAreTheirOwn() {
		Nd4j.getRandom().setSeed(7);
		// Channels of different means and spreads, so that a value counted in the wrong channel shows.
		final INDArray nchw = Nd4j.rand(DataType.FLOAT, 5, 3, 7, 9).mul(Nd4j.createFromArray(1f, 4f, 9f).reshape(1, 3, 1, 1))
			.add(Nd4j.createFromArray(-2f, 0f, 5f).reshape(1, 3, 1, 1));
		assertLikeNd4j(nchw, false, 0, 2, 3);
		assertLikeNd4j(nchw.permute(0, 2, 3, 1), true, 0, 1, 2); // a view in another order: read as a copy
		assertLikeNd4j(nchw.permute(0, 2, 3, 1).dup('c'), true, 0, 1, 2);
		assertLikeNd4j(nchw.reshape(5, 3 * 7 * 9), false, 0); // flat features: one channel a column
	}
}
