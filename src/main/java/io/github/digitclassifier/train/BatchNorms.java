package io.github.digitclassifier.train;

import java.util.List;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.adapters.OutputAdapter;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import io.github.digitclassifier.backend.Backends;
import io.github.digitclassifier.backend.ChannelStatistics;
import io.github.digitclassifier.model.Layouts;
import io.github.digitclassifier.preprocess.ImageBatches;
import io.github.digitclassifier.preprocess.PreparedImages;

/**
 * Sets the population statistics of a network's batch normalisation layers to the exact mean and
 * variance of their inputs over training images ("precise BN"). The moving averages that training
 * keeps lag behind weights that still change fast: after the 32 updates of a 500-image,
 * four-epoch run they were off by half their size, and the network that had learned in training
 * mode classified at chance in inference mode.
 */
public final class BatchNorms {

	/** Images whose activations give the statistics: enough for a mean and variance per channel to settle. */
	static final int SAMPLE = 2000;

	/**
	 * Images for a layer after a convolution, each giving a value per channel at every position:
	 * 500 images of 8x8 activations give 16 times the 2,000 values of a dense layer. The later
	 * layers' passes run most of the network: with 2,000 images each, statistics took a large part
	 * of an epoch of 64x64 colour pictures (AVX2).
	 */
	static final int SAMPLE_CONVOLUTIONAL = 500;

	/** Images per forward pass, unless the CPU needs fewer ({@link Backends#imagesPerPass}). */
	private static final int BATCH = 256;

	private BatchNorms() {}

	/**
	 * Recomputes every batch normalisation layer's statistics, first to last, each with those
	 * before it already set, on unaugmented training images as inference will see them.
	 */
	public static void recalibrate(final MultiLayerNetwork network, final PreparedImages images, final int classes) {
		// Forward passes run faster channels-last; that copy gets each layer's statistics too, for the next layer.
		final MultiLayerNetwork fast = Layouts.channelsLast(network);
		final List<InputType> outputs = outputTypes(fast, images);
		for (int i = 0; i < network.getnLayers(); i++) {
			if (fast.getLayerWiseConfigurations().getConf(i).getLayer() instanceof BatchNormalization layer) {
				final InputType input = i == 0 ? Layouts.inputType(fast, images.preprocessing()) : outputs.isEmpty() ? null :
					outputs.get(i - 1);
				final Moments moments = moments(fast, i, layer, images, sample(input), classes);
				if (moments.count == 0) return;
				set(network, i, layer, moments);
				if (fast != network) set(fast, i, layer, moments);
			}
		}
	}

	/** Images to measure a layer with this input on ({@code null}: unknown). */
	static int sample(final InputType input) {
		return input instanceof InputType.InputTypeConvolutional ? SAMPLE_CONVOLUTIONAL : SAMPLE;
	}

	/** Each layer's output type, or none when DL4J cannot size the network in advance. */
	private static List<InputType> outputTypes(final MultiLayerNetwork network, final PreparedImages images) {
		try {
			return network.getLayerWiseConfigurations().getLayerActivationTypes(Layouts.inputType(network, images.preprocessing()));
		}
		catch (final RuntimeException unknownShapes) {
			return List.of();
		}
	}

	private static Moments moments(final MultiLayerNetwork network, final int index, final BatchNormalization layer,
		final PreparedImages images, final int sample, final int classes)
	{
		final InputPreProcessor preProcessor = network.getLayerWiseConfigurations().getInputPreProcess(index);
		final MultiLayerNetwork head = index == 0 ? null : head(network, index);
		final Moments moments = new Moments();
		// Measured where the activations are, in DL4J's workspace: the head's output taken out of it is a new
		// array each batch (118 MB for a 64x64 colour network's first layer), which took longer than the layer.
		final OutputAdapter<ChannelStatistics.Moments> statistics = activations -> {
			INDArray input = activations[0];
			if (preProcessor != null) {
				input = preProcessor.preProcess(input, (int) input.size(0), LayerWorkspaceMgr.noWorkspaces());
			}
			return ChannelStatistics.of(input, input.rank() == 4 && layer.getCnn2DFormat() == CNN2DFormat.NHWC);
		};
		final int batch = Backends.imagesPerPass(network, Layouts.inputType(network, images.preprocessing()), BATCH);
		try (ImageBatches batches = ImageBatches.sample(images, sample, batch, classes)) {
			while (batches.hasNext()) {
				final INDArray features = Layouts.forNetwork(batches.next().getFeatures(), network);
				moments.add(head == null ? statistics.apply(features) : head.output(features, null, null, statistics));
			}
		}
		return moments;
	}

	/**
	 * The first {@code layers} layers as a network of their own, sharing the network's parameters:
	 * its forward passes run in DL4J's workspaces, much faster than
	 * {@code feedForwardToLayer}, which allocates every activation anew.
	 */
	private static MultiLayerNetwork head(final MultiLayerNetwork network, final int layers) {
		final MultiLayerConfiguration configuration = network.getLayerWiseConfigurations().clone();
		configuration.getConfs().subList(layers, configuration.getConfs().size()).clear();
		configuration.getInputPreProcessors().keySet().removeIf(i -> i >= layers);
		long parameters = 0;
		for (int i = 0; i < layers; i++) parameters += network.getLayer(i).numParams();
		final MultiLayerNetwork head = new MultiLayerNetwork(configuration);
		// The layers' parameters come first in the network's flat parameter vector, in order.
		head.init(network.params().get(NDArrayIndex.all(), NDArrayIndex.interval(0, parameters)), false);
		return head;
	}

	private static void set(final MultiLayerNetwork network, final int index, final BatchNormalization layer,
		final Moments moments)
	{
		final var parameters = network.getLayer(index).paramTable(); // views of the network's parameters
		final double[] variance = moments.variance();
		assign(parameters.get(BatchNormalizationParamInitializer.GLOBAL_MEAN), moments.mean);
		if (layer.isUseLogStd()) {
			final double[] log10Std = new double[variance.length];
			for (int c = 0; c < variance.length; c++) log10Std[c] = Math.log10(Math.sqrt(variance[c] + layer.getEps()));
			assign(parameters.get(BatchNormalizationParamInitializer.GLOBAL_LOG_STD), log10Std);
		}
		else {
			assign(parameters.get(BatchNormalizationParamInitializer.GLOBAL_VAR), variance);
		}
	}

	private static void assign(final INDArray target, final double[] values) {
		target.assign(Nd4j.create(values).reshape(target.shape()));
	}

	/** Per-channel mean and variance merged over batches (Chan, Golub and LeVeque's pairwise update, in double). */
	private static final class Moments {
		long count;
		double[] mean;
		double[] squaredDeviations;

		void add(final ChannelStatistics.Moments batch) {
			if (mean == null) {
				mean = new double[batch.mean().length];
				squaredDeviations = new double[batch.mean().length];
			}
			final long n = batch.count(), total = count + n;
			for (int c = 0; c < mean.length; c++) {
				final double delta = batch.mean()[c] - mean[c];
				mean[c] += delta * n / total;
				squaredDeviations[c] += batch.variance()[c] * n + delta * delta * count * n / total;
			}
			count = total;
		}

		double[] variance() {
			final double[] variance = new double[mean.length];
			for (int c = 0; c < mean.length; c++) variance[c] = squaredDeviations[c] / count;
			return variance;
		}
	}
}
