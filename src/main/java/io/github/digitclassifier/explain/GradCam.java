package io.github.digitclassifier.explain;

import java.util.List;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import io.github.digitclassifier.model.Layouts;
import io.github.digitclassifier.preprocess.Placement;
import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.preprocess.Preprocessor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Grad-CAM (Selvaraju et al., 2017) for a DL4J network: the feature maps after the last
 * convolution (and the batch normalisation or activation that follows it), weighed by the mean
 * gradient of the predicted class's score (before the softmax) with respect to each, summed and
 * clipped at 0. The gradient is carried back by hand through the layers after the convolution
 * (pooling, dense, batch normalisation in inference, the output layer), so that it is the
 * gradient of the network as it predicts, without dropout or batch statistics. The map, made on
 * the model input, is carried back onto the image through the preprocessing's {@link Placement}
 * (its crop, fit and centring): exact, not a resampling of the whole image; the image outside
 * what the input shows gets no heat.
 */
public final class GradCam implements Explainer {

	private final MultiLayerNetwork network;
	private final List<String> classNames;
	private final Preprocessing preprocessing;
	private final Preprocessor preprocessor;
	private final int target;

	/** A network whose outputs are {@code classNames}, of inputs prepared as {@code preprocessing} says. */
	public GradCam(final MultiLayerNetwork network, final List<String> classNames, final Preprocessing preprocessing) {
		this.network = network;
		this.target = targetLayer(network);
		if (target < 0) {
			throw new IllegalArgumentException("Grad-CAM needs a network with a convolution followed only by pooling, batch " +
				"normalisation, dense and output layers: use method=occlusion");
		}
		this.preprocessor = new Preprocessor(preprocessing);
		this.classNames = List.copyOf(classNames);
		this.preprocessing = preprocessing;
	}

	/** Whether Grad-CAM can explain this network. */
	public static boolean supports(final MultiLayerNetwork network) {
		return targetLayer(network) >= 0;
	}

	/** The layer whose output is explained: the last convolution, with what keeps its maps after it; -1 if the rest is not known. */
	private static int targetLayer(final MultiLayerNetwork network) {
		final MultiLayerConfiguration conf = network.getLayerWiseConfigurations();
		final int layers = conf.getConfs().size();
		int last = -1;
		for (int i = 0; i < layers; i++) if (layer(conf, i).getClass() == ConvolutionLayer.class) last = i;
		if (last < 0 || !(layer(conf, layers - 1) instanceof OutputLayer)) return -1;
		while (last + 1 < layers && conf.getInputPreProcess(last + 1) == null &&
			(layer(conf, last + 1) instanceof BatchNormalization || layer(conf, last + 1) instanceof ActivationLayer)) last++;
		for (int i = last + 1; i < layers; i++) {
			final Layer l = layer(conf, i);
			final InputPreProcessor pre = conf.getInputPreProcess(i);
			if (pre != null && !(pre instanceof CnnToFeedForwardPreProcessor)) return -1;
			final boolean known = l.getClass() == SubsamplingLayer.class || l.getClass() == DenseLayer.class ||
				l.getClass() == BatchNormalization.class || l.getClass() == OutputLayer.class || l instanceof ActivationLayer ||
				l instanceof DropoutLayer;
			if (!known) return -1;
		}
		return last;
	}

	private static Layer layer(final MultiLayerConfiguration conf, final int i) {
		return conf.getConf(i).getLayer();
	}

	@Override
	public Explanation explain(final RandomAccessibleInterval<? extends RealType<?>> image) {
		final Pixels pixels = Pixels.of(image);
		final Preprocessing p = preprocessing;
		final float[] prepared = new float[p.pixelCount()];
		final Placement placement = preprocessor.prepareInto(pixels.image(), prepared, 0);
		final INDArray input = Layouts.forNetwork(Nd4j.create(prepared, new long[] { 1, p.channels(), p.height(), p.width() }), network);
		final float[] cam;
		final int index;
		final float probability;
		final long[] mapShape;
		final boolean channelsLast = Layouts.of(network) == CNN2DFormat.NHWC;
		synchronized (network) {
			final List<INDArray> activations = network.feedForward(input.castTo(DataType.FLOAT), false);
			final float[] probabilities = activations.get(activations.size() - 1).ravel().toFloatVector();
			index = Predicted.argmax(probabilities);
			probability = probabilities[index];
			final INDArray maps = activations.get(target + 1);
			final INDArray gradient = gradient(activations, index);
			mapShape = maps.shape();
			cam = weigh(maps.dup('c').data().asFloat(), gradient.dup('c').data().asFloat(), mapShape, channelsLast);
		}
		final int mapH = (int) mapShape[channelsLast ? 1 : 2], mapW = (int) mapShape[channelsLast ? 2 : 3];
		final int w = pixels.width, h = pixels.height;
		final float[] heat = new float[w * h];
		if (placement != null) {
			for (int y = 0; y < h; y++) {
				final double iy = placement.inputY(y);
				if (iy < -0.5 || iy > p.height() - 0.5) continue;
				for (int x = 0; x < w; x++) {
					final double ix = placement.inputX(x);
					if (ix < -0.5 || ix > p.width() - 0.5) continue;
					// The maps span the input: centres of map cells and input pixels line up.
					heat[y * w + x] = bilinear(cam, mapW, mapH, (ix + 0.5) * mapW / p.width() - 0.5, (iy + 0.5) * mapH / p.height() - 0.5);
				}
			}
		}
		return new Explanation(Method.GRADCAM.id(), heat, w, h, prepared, p.width(), p.height(), p.channels(), index,
			classNames.get(index), probability);
	}

	/** ReLU of the maps weighed by their mean gradients: {@code [mapH * mapW]}. */
	private static float[] weigh(final float[] maps, final float[] gradient, final long[] shape, final boolean channelsLast) {
		final int c = (int) shape[channelsLast ? 3 : 1], mh = (int) shape[channelsLast ? 1 : 2], mw = (int) shape[channelsLast ? 2 : 3];
		final int plane = mh * mw;
		final double[] weights = new double[c];
		for (int k = 0; k < c; k++) {
			for (int i = 0; i < plane; i++) weights[k] += gradient[channelsLast ? i * c + k : k * plane + i];
			weights[k] /= plane;
		}
		final float[] cam = new float[plane];
		for (int i = 0; i < plane; i++) {
			double v = 0;
			for (int k = 0; k < c; k++) v += weights[k] * maps[channelsLast ? i * c + k : k * plane + i];
			cam[i] = (float) Math.max(0, v);
		}
		return cam;
	}

	private static float bilinear(final float[] map, final int w, final int h, final double x, final double y) {
		final double cx = Math.max(0, Math.min(w - 1, x)), cy = Math.max(0, Math.min(h - 1, y));
		final int x0 = (int) Math.floor(cx), y0 = (int) Math.floor(cy);
		final int x1 = Math.min(w - 1, x0 + 1), y1 = Math.min(h - 1, y0 + 1);
		final double fx = cx - x0, fy = cy - y0;
		return (float) ((1 - fy) * ((1 - fx) * map[y0 * w + x0] + fx * map[y0 * w + x1]) +
			fy * ((1 - fx) * map[y1 * w + x0] + fx * map[y1 * w + x1]));
	}

	/** The gradient of class {@code index}'s score with respect to the target layer's output. */
	private INDArray gradient(final List<INDArray> activations, final int index) {
		final MultiLayerConfiguration conf = network.getLayerWiseConfigurations();
		final int last = conf.getConfs().size() - 1;
		final LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
		INDArray epsilon = null;
		for (int i = last; i > target; i--) {
			final Layer l = layer(conf, i);
			final InputPreProcessor pre = conf.getInputPreProcess(i);
			final INDArray in = pre == null ? activations.get(i) : pre.preProcess(activations.get(i).dup(), 1, noWorkspaces);
			if (l instanceof OutputLayer) {
				// The class's score before the softmax: its column of the weights.
				epsilon = network.getParam(i + "_W").getColumn(index).reshape(1, in.size(1)).castTo(DataType.FLOAT);
			}
			else if (l.getClass() == DenseLayer.class) {
				final INDArray weights = network.getParam(i + "_W");
				final INDArray z = in.mmul(weights).addiRowVector(network.getParam(i + "_b"));
				final INDArray dz = activation(l).backprop(z, epsilon).getFirst();
				epsilon = dz.mmul(weights.transpose());
			}
			else if (l.getClass() == BatchNormalization.class) {
				epsilon = batchNorm(i, (BatchNormalization) l, in, epsilon);
			}
			else if (l instanceof ActivationLayer) {
				epsilon = activation(l).backprop(in.dup(), epsilon).getFirst();
			}
			else if (l.getClass() == SubsamplingLayer.class) {
				epsilon = pool((SubsamplingLayer) l, in, epsilon);
			}
			// a dropout layer passes its input on in inference: so does its gradient
			if (pre != null) epsilon = epsilon.reshape('c', activations.get(i).shape());
		}
		return epsilon;
	}

	private static IActivation activation(final Layer layer) {
		return layer instanceof ActivationLayer a ? a.getActivationFn() : ((BaseLayer) layer).getActivationFn();
	}

	/** Batch normalisation in inference scales each channel: so does its gradient (then its activation's). */
	private INDArray batchNorm(final int i, final BatchNormalization l, final INDArray in, final INDArray epsilon) {
		final INDArray mean = network.getParam(i + "_mean").reshape(-1);
		final INDArray std = l.isUseLogStd() ? Transforms.pow(Nd4j.scalar(mean.dataType(), 10.0), network.getParam(i + "_log10stdev").reshape(-1)) :
			Transforms.sqrt(network.getParam(i + "_var").reshape(-1).add(l.getEps()));
		final INDArray gamma = l.isLockGammaBeta() ? Nd4j.valueArrayOf(mean.shape(), l.getGamma(), mean.dataType()) :
			network.getParam(i + "_gamma").reshape(-1);
		final INDArray beta = l.isLockGammaBeta() ? Nd4j.valueArrayOf(mean.shape(), l.getBeta(), mean.dataType()) :
			network.getParam(i + "_beta").reshape(-1);
		final INDArray scale = gamma.div(std);
		final long[] broadcast = new long[in.rank()];
		java.util.Arrays.fill(broadcast, 1);
		final int axis = in.rank() == 2 ? 1 : l.getCnn2DFormat() == CNN2DFormat.NHWC ? 3 : 1;
		broadcast[axis] = scale.length();
		final INDArray s = scale.reshape(broadcast), b = beta.sub(mean.mul(scale)).reshape(broadcast);
		final INDArray pre = in.mul(s).add(b);
		final INDArray dPre = activation(l).backprop(pre, epsilon).getFirst();
		return dPre.mul(s);
	}

	/** Pooling's gradient: to the largest input of each window (max), or shared by the window (average). */
	private static INDArray pool(final SubsamplingLayer l, final INDArray in, final INDArray epsilon) {
		final boolean last = l.getCnn2dDataFormat() == CNN2DFormat.NHWC;
		final long[] s = in.shape(), o = epsilon.shape();
		final int c = (int) s[last ? 3 : 1], h = (int) s[last ? 1 : 2], w = (int) s[last ? 2 : 3];
		final int oh = (int) o[last ? 1 : 2], ow = (int) o[last ? 2 : 3];
		final int[] k = l.getKernelSize(), st = l.getStride(), pad = l.getPadding();
		final boolean same = l.getConvolutionMode() == ConvolutionMode.Same;
		final int padY = same ? Math.max(0, (oh - 1) * st[0] + k[0] - h) / 2 : pad[0];
		final int padX = same ? Math.max(0, (ow - 1) * st[1] + k[1] - w) / 2 : pad[1];
		final float[] x = in.dup('c').data().asFloat(), e = epsilon.dup('c').data().asFloat();
		final float[] dx = new float[x.length];
		final boolean max = l.getPoolingType() == PoolingType.MAX;
		for (int ch = 0; ch < c; ch++) {
			for (int oy = 0; oy < oh; oy++) {
				for (int ox = 0; ox < ow; ox++) {
					final float g = e[last ? (oy * ow + ox) * c + ch : (ch * oh + oy) * ow + ox];
					int best = -1, n = 0;
					for (int ky = 0; ky < k[0]; ky++) {
						for (int kx = 0; kx < k[1]; kx++) {
							final int y = oy * st[0] - padY + ky, xx = ox * st[1] - padX + kx;
							if (y < 0 || y >= h || xx < 0 || xx >= w) continue;
							final int at = last ? (y * w + xx) * c + ch : (ch * h + y) * w + xx;
							if (best < 0 || x[at] > x[best]) best = at;
							n++;
						}
					}
					if (best < 0) continue;
					if (max) dx[best] += g;
					else {
						for (int ky = 0; ky < k[0]; ky++) {
							for (int kx = 0; kx < k[1]; kx++) {
								final int y = oy * st[0] - padY + ky, xx = ox * st[1] - padX + kx;
								if (y >= 0 && y < h && xx >= 0 && xx < w) dx[last ? (y * w + xx) * c + ch : (ch * h + y) * w + xx] += g / n;
							}
						}
					}
				}
			}
		}
		return Nd4j.create(dx, s, 'c');
	}
}
