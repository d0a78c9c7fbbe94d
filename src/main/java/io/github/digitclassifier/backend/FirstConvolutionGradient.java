package io.github.digitclassifier.backend;

import java.lang.ref.Reference;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.AlgoMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.BwdDataAlgo;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.BwdFilterAlgo;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.FwdAlgo;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionHelper;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The backward pass of a network's first convolution without the gradient at the images, which
 * no one uses while training but DL4J's {@code conv2d_bp} always computes. For the default network
 * that gradient, and the reorders around it, took much of a training step with AVX2 (OneDNN is
 * slow for one input channel). The weight gradient is computed in Java, two filters per task:
 * for every kernel offset, the output gradient laid out with the images' row stride is multiplied
 * element by element with the images shifted by the offset, into a running row of products that is
 * summed once at the end (element-wise loops vectorise; a running dot product would not).
 * The forward pass stays with the layer's OneDNN helper (or DL4J's Java code when it has none).
 * Convolutions other than stride 1, no padding, no dilation, channels-first float go to that too.
 */
final class FirstConvolutionGradient implements ConvolutionHelper {

	/** The layer's own helper, or null when DL4J runs it in Java. */
	private final ConvolutionHelper forward;
	/** The images of the last backward pass, kept for the next one's (the layer runs on one thread). */
	private float[] images = new float[0];
	/** Per worker thread, the work arrays of a pair of filters. */
	private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

	/**
	 * Two filters' output gradients of one image at the images' row stride, the images shifted by
	 * one kernel offset, and the two filters' running products per kernel offset (zeroed by
	 * {@link #fit}).
	 */
	private static final class Scratch {

		float[][] rows = new float[2][0];
		float[] window = new float[0];
		float[][][] products = new float[2][0][0];

		Scratch fit(final int rowsLength, final int taps, final int span) {
			if (rows[0].length != rowsLength) rows = new float[2][rowsLength];
			if (window.length != span) window = new float[span];
			if (products[0].length != taps || products[0][0].length != span) products = new float[2][taps][span];
			else for (final float[][] filter : products) for (final float[] p : filter) Arrays.fill(p, 0f);
			return this;
		}
	}

	private FirstConvolutionGradient(final ConvolutionHelper forward) {
		this.forward = forward;
	}

	/**
	 * Gives the first layer of {@code network} (after {@code init()}) this helper, when it is a
	 * convolution of float parameters whose input nothing reshapes and that drops nothing out;
	 * the network's backward pass then returns no gradient at its input. The layer's own helper
	 * still runs its forward pass.
	 */
	static void install(final MultiLayerNetwork network) {
		final Layer first = network.getLayer(0);
		if (first.getClass() != ConvolutionLayer.class || network.getLayerWiseConfigurations().getInputPreProcess(0) != null ||
			first.conf().getLayer().getIDropout() != null || first.getParam(ConvolutionParamInitializer.WEIGHT_KEY).dataType() != DataType.FLOAT)
		{
			return;
		}
		LayerHelpers.install(network, ConvolutionLayer.class, layer -> layer == first,
			() -> new FirstConvolutionGradient((ConvolutionHelper) first.getHelper()));
	}

	@Override
	public boolean checkSupported() {
		return true;
	}

	@Override
	public Map<String, Long> helperMemoryUse() {
		return Map.of();
	}

	@Override
	public INDArray preOutput(final INDArray input, final INDArray weights, final INDArray bias, final int[] kernel,
		final int[] strides, final int[] pad, final AlgoMode mode, final FwdAlgo fwdAlgo, final ConvolutionMode convolutionMode,
		final int[] dilation, final CNN2DFormat format, final LayerWorkspaceMgr workspaceMgr)
	{
		return forward == null ? null
			: forward.preOutput(input, weights, bias, kernel, strides, pad, mode, fwdAlgo, convolutionMode, dilation, format, workspaceMgr);
	}

	@Override
	public INDArray activate(final INDArray z, final IActivation afn, final boolean training) {
		return forward == null ? null : forward.activate(z, afn, training);
	}

	@Override
	public Pair<Gradient, INDArray> backpropGradient(final INDArray input, final INDArray weights, final INDArray bias,
		final INDArray delta, final int[] kernel, final int[] strides, final int[] pad, final INDArray biasGradView,
		final INDArray weightGradView, final IActivation afn, final AlgoMode mode, final BwdFilterAlgo bwdFilterAlgo,
		final BwdDataAlgo bwdDataAlgo, final ConvolutionMode convolutionMode, final int[] dilation, final CNN2DFormat format,
		final LayerWorkspaceMgr workspaceMgr)
	{
		final boolean handled = format == CNN2DFormat.NCHW && Arrays.equals(strides, new int[] { 1, 1 }) &&
			Arrays.equals(pad, new int[] { 0, 0 }) && Arrays.equals(dilation, new int[] { 1, 1 }) &&
			input.dataType() == DataType.FLOAT && delta.dataType() == DataType.FLOAT && input.rank() == 4 && delta.rank() == 4;
		if (!handled) {
			return forward == null ? null
				: forward.backpropGradient(input, weights, bias, delta, kernel, strides, pad, biasGradView, weightGradView, afn, mode,
					bwdFilterAlgo, bwdDataAlgo, convolutionMode, dilation, format, workspaceMgr);
		}
		final long[] in = input.shape(), out = delta.shape();
		final int n = (int) in[0], channels = (int) in[1], h = (int) in[2], w = (int) in[3];
		final int filters = (int) out[1], oh = (int) out[2], ow = (int) out[3], kh = kernel[0], kw = kernel[1];
		final float[] images = this.images = FloatArrays.read(input, this.images);
		final INDArray deltaValues = FloatArrays.contiguous(delta);
		final FloatBuffer d = FloatArrays.buffer(deltaValues);
		final float[] dW = new float[filters * channels * kh * kw];
		final float[] dB = new float[filters];
		// The products run over the output gradient at the images' row stride up to its last value,
		// so that the images shifted by the last offset end at their last value.
		final int span = (oh - 1) * w + ow;
		final int taps = channels * kh * kw;
		final IntStream pairs = IntStream.range(0, (filters + 1) / 2);
		(delta.length() * taps >= 1 << 18 ? pairs.parallel() : pairs).forEach(pair -> {
			final Scratch s = scratch.get().fit(oh * w, taps, span);
			final int first = 2 * pair, second = Math.min(first + 1, filters - 1); // an odd last filter is done twice
			final double[] biasSums = new double[2];
			for (int image = 0; image < n; image++) {
				for (int k = 0; k < 2; k++) {
					final float[] row = s.rows[k];
					final int plane = (image * filters + (k == 0 ? first : second)) * oh * ow;
					float sum = 0;
					for (int y = 0; y < oh; y++) {
						d.get(plane + y * ow, row, y * w, ow);
						Arrays.fill(row, y * w + ow, (y + 1) * w, 0f);
						for (int x = y * w; x < y * w + ow; x++) sum += row[x];
					}
					biasSums[k] += sum;
				}
				final float[] r0 = s.rows[0], r1 = s.rows[1], window = s.window;
				for (int c = 0, tap = 0; c < channels; c++) {
					final int source = (image * channels + c) * h * w;
					for (int ky = 0; ky < kh; ky++) {
						for (int kx = 0; kx < kw; kx++, tap++) {
							// Copied so that every array in the loop is read at the same index: C2 vectorises only then.
							System.arraycopy(images, source + ky * w + kx, window, 0, span);
							final float[] p0 = s.products[0][tap], p1 = s.products[1][tap];
							for (int i = 0; i < span; i++) {
								final float x = window[i];
								p0[i] += r0[i] * x;
								p1[i] += r1[i] * x;
							}
						}
					}
				}
			}
			for (int k = 0; k < 2; k++) {
				final int f = k == 0 ? first : second;
				for (int tap = 0; tap < taps; tap++) {
					final float[] p = s.products[k][tap];
					double total = 0;
					for (int i = 0; i < span; i++) total += p[i];
					dW[f * taps + tap] = (float) total;
				}
				dB[f] = (float) biasSums[k];
			}
		});
		Reference.reachabilityFence(deltaValues); // the buffer views its memory, a copy's perhaps
		weightGradView.assign(Nd4j.createFromArray(dW).reshape(weightGradView.shape()));
		final Gradient gradient = new DefaultGradient();
		if (bias != null && biasGradView != null) {
			biasGradView.assign(Nd4j.createFromArray(dB).reshape(biasGradView.shape()));
			gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGradView);
		}
		gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGradView, 'c');
		return new Pair<>(gradient, null);
	}
}
