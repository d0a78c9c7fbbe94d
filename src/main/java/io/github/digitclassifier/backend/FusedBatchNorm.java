package io.github.digitclassifier.backend;

import java.util.Map;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch normalisation in two passes over the activations, forward and backward. DL4J 1.0.0-M2.1's
 * own helper took much of a training step of the default network: its statistics come from a
 * generic variance reduction, and libnd4j's backward pass runs OneDNN's with fixed statistics and
 * then adds the statistics' share of the gradient in ten more broadcast and reduction passes, each
 * over the whole activation. Here each direction makes two passes over the activations, copied into
 * Java arrays, one channel per task on the common pool. The layer itself, its parameters and its
 * saved form stay DL4J's: only its {@code helper} is replaced.
 */
final class FusedBatchNorm implements BatchNormalizationHelper {

	/** Whether the input is a convolution's output before its ReLU, which this then applies ({@link UnactivatedConvolution}). */
	private final boolean reluFirst;
	private INDArray meanCache;
	private INDArray varCache;
	/** The batch's statistics as the backward pass needs them, per channel. */
	private float[] mean = new float[0];
	private float[] invStd = new float[0];
	private float[] in = new float[0];
	private float[] grad = new float[0];
	/** The array the last training forward pass read into {@code in}; its backward pass need not read it again. */
	private INDArray inRead;

	/**
	 * Puts this helper into every batch normalisation layer of {@code network} (after
	 * {@code init()}); layers whose data type is not float keep DL4J's.
	 */
	static void install(final MultiLayerNetwork network) {
		LayerHelpers.install(network, BatchNormalization.class,
			bn -> bn.getParam("gamma") != null && bn.getParam("gamma").dataType() == DataType.FLOAT, () -> new FusedBatchNorm(false));
	}

	FusedBatchNorm(final boolean reluFirst) {
		this.reluFirst = reluFirst;
	}

	@Override
	public boolean checkSupported() {
		return true;
	}

	@Override
	public boolean checkSupported(final double eps, final boolean fixedGammaBeta) {
		return !fixedGammaBeta;
	}

	@Override
	public Map<String, Long> helperMemoryUse() {
		return Map.of();
	}

	@Override
	public INDArray getMeanCache(final DataType dataType) {
		return meanCache;
	}

	@Override
	public INDArray getVarCache(final DataType dataType) {
		return varCache;
	}

	@Override
	public INDArray preOutput(final INDArray x, final boolean training, final long[] shape, final INDArray gamma,
		final INDArray beta, final INDArray globalMean, final INDArray globalVar, final double decay, final double eps,
		final CNN2DFormat format, final LayerWorkspaceMgr workspaceMgr)
	{
		if (x.dataType() != DataType.FLOAT || x.rank() != 4) return null;
		final ChannelLayout layout = ChannelLayout.of(x, format == CNN2DFormat.NHWC);
		final int c = layout.channels();
		// Training keeps its buffers for the next step; inference, whose batches can be large, does not.
		final float[] values = read(x, training ? in : null, layout);
		final float[] out = training ? FloatArrays.sized(grad, values.length) : new float[values.length];
		final float[] g = gamma.toFloatVector();
		final float[] b = beta.toFloatVector();
		final float[] m;
		final float[] inv;
		if (training) {
			in = values;
			inRead = x;
			grad = out; // free until the backward pass
			mean = FloatArrays.sized(mean, c);
			final float[] variance = new float[c];
			layout.forEachChannel(ch -> statistics(values, layout, ch, mean, variance));
			invStd = inverseStd(variance, eps, invStd);
			if (meanCache == null || meanCache.length() != c) {
				try (MemoryWorkspace ws = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
					meanCache = Nd4j.createUninitialized(DataType.FLOAT, c);
					varCache = Nd4j.createUninitialized(DataType.FLOAT, c);
				}
			}
			FloatArrays.write(mean, meanCache);
			FloatArrays.write(variance, varCache);
			m = mean;
			inv = invStd;
		}
		else {
			m = globalMean.toFloatVector();
			inv = inverseStd(globalVar.toFloatVector(), eps, null);
		}
		final float[] scale = new float[c];
		final float[] shift = new float[c];
		for (int ch = 0; ch < c; ch++) {
			scale[ch] = g[ch] * inv[ch];
			shift[ch] = b[ch] - m[ch] * scale[ch];
		}
		layout.forEachChannel(ch -> affine(values, out, layout, ch, scale[ch], shift[ch]));
		final INDArray result = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, x.dataType(), x.shape());
		FloatArrays.write(out, result);
		return result;
	}

	@Override
	public Pair<Gradient, INDArray> backpropGradient(final INDArray input, final INDArray epsilon, final long[] shape,
		final INDArray gamma, final INDArray beta, final INDArray dGammaView, final INDArray dBetaView, final double eps,
		final CNN2DFormat format, final LayerWorkspaceMgr workspaceMgr)
	{
		if (input.dataType() != DataType.FLOAT || input.rank() != 4) return null;
		final ChannelLayout layout = ChannelLayout.of(input, format == CNN2DFormat.NHWC);
		final int c = layout.channels();
		if (input != inRead) in = read(input, in, layout);
		grad = FloatArrays.read(epsilon, grad);
		final float[] g = gamma.toFloatVector();
		final float[] dGamma = new float[c];
		final float[] dBeta = new float[c];
		layout.forEachChannel(ch -> backward(in, grad, layout, ch, mean[ch], invStd[ch], g[ch], dGamma, dBeta, reluFirst));
		final INDArray epsAtInput = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape());
		FloatArrays.write(grad, epsAtInput);
		dGammaView.assign(Nd4j.createFromArray(dGamma).reshape(dGammaView.shape()));
		dBetaView.assign(Nd4j.createFromArray(dBeta).reshape(dBetaView.shape()));
		final DefaultGradient gradient = new DefaultGradient();
		gradient.setGradientFor("gamma", dGammaView);
		gradient.setGradientFor("beta", dBetaView);
		return new Pair<>(gradient, epsAtInput);
	}

	/** The input's values as {@link FloatArrays#read} gives them, after the ReLU when this applies it. */
	private float[] read(final INDArray x, final float[] buffer, final ChannelLayout layout) {
		final float[] values = FloatArrays.read(x, buffer);
		if (reluFirst) layout.forEachChannel(ch -> relu(values, layout, ch));
		return values;
	}

	private static void relu(final float[] x, final ChannelLayout l, final int ch) {
		for (int o = 0; o < l.outer(); o++) {
			final int start = (o * l.channels() + ch) * l.inner();
			for (int i = start; i < start + l.inner(); i++) x[i] = Math.max(x[i], 0f);
		}
	}

	/** 1 / sqrt(variance + eps) per channel, into {@code buffer} when it has the right length. */
	private static float[] inverseStd(final float[] variance, final double eps, final float[] buffer) {
		final float[] inv = FloatArrays.sized(buffer, variance.length);
		for (int ch = 0; ch < variance.length; ch++) inv[ch] = (float) (1 / Math.sqrt(variance[ch] + eps));
		return inv;
	}

	/** The channel's mean and (population) variance, the latter around the mean for precision. */
	private static void statistics(final float[] x, final ChannelLayout l, final int ch, final float[] mean, final float[] variance) {
		double sum = 0;
		for (int o = 0; o < l.outer(); o++) {
			final int start = (o * l.channels() + ch) * l.inner();
			sum += sum(x, start, start + l.inner());
		}
		final float m = (float) (sum / l.count());
		double squares = 0;
		for (int o = 0; o < l.outer(); o++) {
			final int start = (o * l.channels() + ch) * l.inner();
			squares += squares(x, start, start + l.inner(), m);
		}
		mean[ch] = m;
		variance[ch] = (float) (squares / l.count());
	}

	/**
	 * The sum of {@code x[from, to)}, in four interleaved partial sums: with one, every add waits
	 * for the one before (C2 does not vectorise float sums), which made these loops much slower.
	 */
	private static float sum(final float[] x, final int from, final int to) {
		float a = 0, b = 0, c = 0, d = 0;
		int i = from;
		for (; i + 4 <= to; i += 4) {
			a += x[i];
			b += x[i + 1];
			c += x[i + 2];
			d += x[i + 3];
		}
		for (; i < to; i++) a += x[i];
		return (a + b) + (c + d);
	}

	/** The sum of the squares of {@code x[from, to) - m}, as {@link #sum}. */
	private static float squares(final float[] x, final int from, final int to, final float m) {
		float a = 0, b = 0, c = 0, d = 0;
		int i = from;
		for (; i + 4 <= to; i += 4) {
			final float p = x[i] - m, q = x[i + 1] - m, r = x[i + 2] - m, s = x[i + 3] - m;
			a += p * p;
			b += q * q;
			c += r * r;
			d += s * s;
		}
		for (; i < to; i++) a += (x[i] - m) * (x[i] - m);
		return (a + b) + (c + d);
	}

	private static void affine(final float[] x, final float[] out, final ChannelLayout l, final int ch, final float scale,
		final float shift)
	{
		for (int o = 0; o < l.outer(); o++) {
			final int start = (o * l.channels() + ch) * l.inner();
			for (int i = start; i < start + l.inner(); i++) out[i] = x[i] * scale + shift;
		}
	}

	/**
	 * The gradient at the input, in place of the gradient at the output, and the channel's gamma and
	 * beta gradients: with xhat = (x - mean) * invStd and N values a channel,
	 * dx = gamma * invStd * (dy - sum(dy) / N - xhat * sum(dy * xhat) / N); times the ReLU's
	 * derivative ({@code x > 0}, x being the ReLU's output) when {@code relu}.
	 */
	private static void backward(final float[] x, final float[] dy, final ChannelLayout l, final int ch, final float m,
		final float inv, final float gamma, final float[] dGamma, final float[] dBeta, final boolean relu)
	{
		double sumDy = 0;
		double sumDyXhat = 0;
		for (int o = 0; o < l.outer(); o++) {
			final int start = (o * l.channels() + ch) * l.inner();
			final int end = start + l.inner();
			// Two interleaved partial sums of each, as in sum().
			float dy0 = 0, dy1 = 0, dyX0 = 0, dyX1 = 0;
			int i = start;
			for (; i + 2 <= end; i += 2) {
				dy0 += dy[i];
				dyX0 += dy[i] * (x[i] - m);
				dy1 += dy[i + 1];
				dyX1 += dy[i + 1] * (x[i + 1] - m);
			}
			for (; i < end; i++) {
				dy0 += dy[i];
				dyX0 += dy[i] * (x[i] - m);
			}
			sumDy += dy0 + dy1;
			sumDyXhat += dyX0 + dyX1;
		}
		sumDyXhat *= inv;
		dBeta[ch] = (float) sumDy;
		dGamma[ch] = (float) sumDyXhat;
		final float k = gamma * inv;
		final float meanDy = (float) (sumDy / l.count());
		final float meanDyXhat = (float) (sumDyXhat / l.count()) * inv;
		for (int o = 0; o < l.outer(); o++) {
			final int start = (o * l.channels() + ch) * l.inner();
			for (int i = start; i < start + l.inner(); i++) {
				final float dx = k * (dy[i] - meanDy - (x[i] - m) * meanDyXhat);
				// x >= +0 after the ReLU: its bits are positive where it is, and a branch would be mispredicted half the time.
				dy[i] = relu ? Float.intBitsToFloat(Float.floatToRawIntBits(dx) & -Float.floatToRawIntBits(x[i]) >> 31) : dx;
			}
		}
	}
}
