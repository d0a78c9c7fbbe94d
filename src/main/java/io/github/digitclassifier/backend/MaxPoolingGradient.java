package io.github.digitclassifier.backend;

import java.lang.ref.Reference;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingHelper;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The backward pass of 2x2 max pooling with stride 2 over channels-first float activations, read
 * and written where ND4J keeps them (no copy into Java arrays): one pass that sends each window's
 * gradient to its largest input. DL4J M2.1's OneDNN helper runs the forward pass again to find the
 * maxima and then OneDNN's backward pass; with AVX2 alone, OneDNN has no vector kernel for pooling
 * channels-first activations and runs its reference loops for both. Other pooling is left to DL4J
 * (the helper answers null), and so is the forward pass, which DL4J M2.1 runs without a helper.
 * {@link Backends#useFastLayers} installs it only where OneDNN runs without AVX-512: with it,
 * OneDNN's own backward pass is faster.
 */
final class MaxPoolingGradient implements SubsamplingHelper {

	/** Values below which pooling (either pass) runs on the calling thread alone. */
	static final int PARALLEL_FROM = 1 << 16;

	/** Puts this helper into every pooling layer of {@code network} (after {@code init()}); it computes max pooling's alone. */
	static void install(final MultiLayerNetwork network) {
		LayerHelpers.install(network, SubsamplingLayer.class, layer -> true, MaxPoolingGradient::new);
	}

	@Override
	public boolean checkSupported() {
		return true;
	}

	@Override
	public Map<String, Long> helperMemoryUse() {
		return Map.of();
	}

	/** What this helper (and {@link MaxPoolingLayer}) computes; anything else is DL4J's. */
	static boolean handles(final INDArray input, final int[] kernel, final int[] strides, final int[] pad,
		final PoolingType type, final ConvolutionMode mode, final int[] dilation, final CNN2DFormat format)
	{
		return type == PoolingType.MAX && format == CNN2DFormat.NCHW && mode != ConvolutionMode.Same &&
			Arrays.equals(kernel, new int[] { 2, 2 }) && Arrays.equals(strides, new int[] { 2, 2 }) &&
			Arrays.equals(pad, new int[] { 0, 0 }) && Arrays.equals(dilation, new int[] { 1, 1 }) &&
			input.rank() == 4 && input.dataType() == DataType.FLOAT && input.size(2) >= 2 && input.size(3) >= 2;
	}

	@Override
	public Pair<Gradient, INDArray> backpropGradient(final INDArray input, final INDArray epsilon, final int[] kernel,
		final int[] strides, final int[] pad, final PoolingType poolingType, final ConvolutionMode convolutionMode,
		final int[] dilation, final CNN2DFormat format, final LayerWorkspaceMgr workspaceMgr)
	{
		if (!handles(input, kernel, strides, pad, poolingType, convolutionMode, dilation, format) ||
			epsilon.dataType() != DataType.FLOAT)
		{
			return null;
		}
		final long[] s = input.shape();
		final int planes = Math.toIntExact(s[0] * s[1]), h = (int) s[2], w = (int) s[3], oh = h / 2, ow = w / 2;
		if (epsilon.rank() != 4 || epsilon.size(2) != oh || epsilon.size(3) != ow) return null;
		final INDArray inputValues = FloatArrays.contiguous(input), epsilonValues = FloatArrays.contiguous(epsilon);
		final FloatBuffer in = FloatArrays.buffer(inputValues), eps = FloatArrays.buffer(epsilonValues);
		final INDArray gradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, s, 'c');
		final FloatBuffer out = FloatArrays.buffer(gradient);
		final IntStream all = IntStream.range(0, planes);
		(input.length() >= PARALLEL_FROM ? all.parallel() : all).forEach(p -> {
			final int plane = p * h * w, pooled = p * oh * ow;
			final float[] top = new float[w], bottom = new float[w], gradTop = new float[w], gradBottom = new float[w], e = new float[ow];
			for (int oy = 0; oy < oh; oy++) {
				final int row = plane + 2 * oy * w;
				in.get(row, top);
				in.get(row + w, bottom);
				eps.get(pooled + oy * ow, e);
				Arrays.fill(gradTop, 0f);
				Arrays.fill(gradBottom, 0f);
				for (int ox = 0, x = 0; ox < ow; ox++, x += 2) {
					// The first largest in reading order takes the window's gradient.
					final float a = top[x], b = top[x + 1], c = bottom[x], d = bottom[x + 1];
					if (a >= b && a >= c && a >= d) gradTop[x] = e[ox];
					else if (b >= c && b >= d) gradTop[x + 1] = e[ox];
					else if (c >= d) gradBottom[x] = e[ox];
					else gradBottom[x + 1] = e[ox];
				}
				out.put(row, gradTop);
				out.put(row + w, gradBottom);
			}
			// A row past the last whole window (odd heights) gets no gradient.
			if (h > 2 * oh) {
				Arrays.fill(gradTop, 0f);
				out.put(plane + (h - 1) * w, gradTop);
			}
		});
		// The buffers are views of the arrays' memory: the arrays (a copy among them) must outlive the loop.
		Reference.reachabilityFence(inputValues);
		Reference.reachabilityFence(epsilonValues);
		return new Pair<>(new DefaultGradient(), gradient);
	}

	@Override
	public INDArray activate(final INDArray input, final boolean training, final int[] kernel, final int[] strides, final int[] pad,
		final PoolingType poolingType, final ConvolutionMode convolutionMode, final int[] dilation, final CNN2DFormat format,
		final LayerWorkspaceMgr workspaceMgr)
	{
		return null; // DL4J M2.1 does not ask: its forward pass is libnd4j's pooling op
	}
}
