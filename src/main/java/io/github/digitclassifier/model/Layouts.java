package io.github.digitclassifier.model;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import io.github.digitclassifier.preprocess.Preprocessing;

/**
 * Where a network keeps an image's channels: first (NCHW, DL4J's default) or last (NHWC,
 * OneDNN's own layout, which spares a reorder before and after every convolution). For grey
 * images both layouts hold the same pixels in the same order, only the shape differs; colour
 * images are reordered.
 */
public final class Layouts {

	private Layouts() {}

	/** The layout of a network's input: that of its first layer, channels first unless it says otherwise. */
	public static CNN2DFormat of(final MultiLayerNetwork network) {
		final Layer first = network.getLayerWiseConfigurations().getConf(0).getLayer();
		if (first instanceof ConvolutionLayer c && c.getCnn2dDataFormat() != null) return c.getCnn2dDataFormat();
		return CNN2DFormat.NCHW;
	}

	/** The input type of images prepared as {@code preprocessing} says, in the network's layout. */
	public static InputType inputType(final MultiLayerNetwork network, final Preprocessing preprocessing) {
		return InputType.convolutional(preprocessing.height(), preprocessing.width(), preprocessing.channels(), of(network));
	}

	/** Images {@code [n, c, h, w]} as the network takes them: grey ones as a view, colour ones reordered. */
	public static INDArray forNetwork(final INDArray images, final MultiLayerNetwork network) {
		if (of(network) == CNN2DFormat.NCHW) return images;
		if (images.size(1) == 1) return images.reshape(images.size(0), images.size(2), images.size(3), 1);
		return images.permute(0, 2, 3, 1).dup('c');
	}

	/**
	 * The network with channels-last activations, computing the same outputs: DL4J runs the CNN's
	 * forward passes faster channels-last. Its parameters are a copy; the dense layer after the last
	 * convolution gets its rows in channels-last order, since it now sees the features flattened as
	 * (y, x, channel) instead of (channel, y, x). A network with layers this does not know is
	 * returned as it is.
	 */
	public static MultiLayerNetwork channelsLast(final MultiLayerNetwork network) {
		if (of(network) == CNN2DFormat.NHWC) return network;
		final MultiLayerConfiguration configuration = network.getLayerWiseConfigurations().clone();
		final int layers = configuration.getConfs().size();
		boolean images = true; // until the activations are flattened for the dense layers
		for (int i = 0; i < layers; i++) {
			if (configuration.getInputPreProcess(i) instanceof CnnToFeedForwardPreProcessor) images = false;
			final Layer layer = configuration.getConf(i).getLayer();
			if (layer.getClass() == ConvolutionLayer.class) ((ConvolutionLayer) layer).setCnn2dDataFormat(CNN2DFormat.NHWC);
			else if (layer.getClass() == SubsamplingLayer.class) ((SubsamplingLayer) layer).setCnn2dDataFormat(CNN2DFormat.NHWC);
			// Batch normalisation of flat features stays as it is: it treats them as [n, features, 1, 1].
			else if (layer.getClass() == BatchNormalization.class) {
				if (images) ((BatchNormalization) layer).setCnn2DFormat(CNN2DFormat.NHWC);
			}
			else if (layer.getClass() != DenseLayer.class && layer.getClass() != OutputLayer.class) return network;
		}
		for (final InputPreProcessor preprocessor : configuration.getInputPreProcessors().values()) {
			if (preprocessor instanceof CnnToFeedForwardPreProcessor flatten) flatten.setFormat(CNN2DFormat.NHWC);
		}
		final MultiLayerNetwork converted = new MultiLayerNetwork(configuration);
		converted.init(network.params().dup(), false);
		for (int i = 0; i < layers; i++) {
			if (configuration.getInputPreProcess(i) instanceof CnnToFeedForwardPreProcessor flatten) {
				final String key = i + "_W";
				final INDArray rows = network.getParam(key); // [channels * height * width, out], rows as (c, y, x)
				converted.setParam(key, rows.reshape(flatten.getNumChannels(), flatten.getInputHeight(), flatten.getInputWidth(),
					rows.size(1)).permute(1, 2, 0, 3).dup().reshape(rows.shape()));
			}
		}
		return converted;
	}
}
