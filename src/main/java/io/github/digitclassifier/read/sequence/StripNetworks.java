package io.github.digitclassifier.read.sequence;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;

import io.github.digitclassifier.backend.Backends;

/**
 * The network that reads a strip of writing frame by frame: convolutions only, so that it takes
 * strips of any width. Two 3x3 convolutions with pooling leave a quarter of the width; a
 * convolution over the remaining height makes one column of features per {@link Strip#FRAME}
 * columns, two more along the width widen each frame's view to about two digits, and a last one
 * gives each frame a score for the ten digits and the blank (CTC's, {@link Ctc}).
 */
public final class StripNetworks {

	/** Ten digits and the blank. */
	public static final int SYMBOLS = 11;

	private StripNetworks() {}

	/** A network over the ten digits and the blank. */
	public static MultiLayerNetwork create(final IUpdater updater, final long seed) {
		return create(updater, seed, SYMBOLS);
	}

	/** A network over {@code symbols} scores per frame: an alphabet's symbols and, last, the blank. */
	public static MultiLayerNetwork create(final IUpdater updater, final long seed, final int symbols) {
		if (symbols < 2) throw new IllegalArgumentException("A strip network needs at least one symbol besides the blank");
		Backends.prepare();
		final MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
			.cacheMode(CacheMode.DEVICE)
			.seed(seed)
			.weightInit(WeightInit.RELU)
			.updater(updater)
			.convolutionMode(ConvolutionMode.Same)
			.list()
			.layer(conv(3, 3, 32, Activation.RELU))
			.layer(new BatchNormalization.Builder().build())
			.layer(pool())
			.layer(conv(3, 3, 64, Activation.RELU))
			.layer(new BatchNormalization.Builder().build())
			.layer(pool())
			.layer(conv(3, 3, 128, Activation.RELU))
			.layer(new BatchNormalization.Builder().build())
			.layer(new ConvolutionLayer.Builder(Strip.HEIGHT / 4, 3).convolutionMode(ConvolutionMode.Truncate).padding(0, 1)
				.nOut(128).activation(Activation.RELU).build())
			.layer(new BatchNormalization.Builder().build())
			.layer(conv(1, 5, 128, Activation.RELU))
			.layer(new BatchNormalization.Builder().build())
			.layer(conv(1, 5, 128, Activation.RELU))
			.layer(new BatchNormalization.Builder().build())
			.layer(conv(1, 1, symbols, Activation.IDENTITY))
			.setInputType(InputType.convolutional(Strip.HEIGHT, 128, 1))
			.build();
		final MultiLayerNetwork network = new MultiLayerNetwork(conf);
		network.init();
		Backends.useFastLayers(network);
		return network;
	}

	private static ConvolutionLayer conv(final int h, final int w, final int filters, final Activation activation) {
		return new ConvolutionLayer.Builder(h, w).stride(1, 1).nOut(filters).activation(activation).build();
	}

	private static SubsamplingLayer pool() {
		return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build();
	}
}
