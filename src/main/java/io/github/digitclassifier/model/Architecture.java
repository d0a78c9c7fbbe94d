package io.github.digitclassifier.model;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossNegativeLogLikelihood;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import io.github.digitclassifier.backend.Backends;
import io.github.digitclassifier.preprocess.Preprocessing;

/** The networks a model can be: each builds its DL4J configuration for an input size and classes. */
public enum Architecture implements MacroValue {

	/**
	 * The classic DL4J LeNet: conv 5x5x20, max-pool, conv 5x5x50, max-pool, dense 500 ReLU,
	 * softmax; convolutions without activation, as in DL4J's example and the PyTorch peer. Trains
	 * channels-last, which DL4J trains faster than channels-first.
	 */
	LENET(CNN2DFormat.NHWC) {
		@Override
		NeuralNetConfiguration.ListBuilder layers(final NeuralNetConfiguration.Builder base, final Preprocessing input,
			final int classes, final double[] classWeights)
		{
			return base.list()
				.layer(conv(5, 20, Activation.IDENTITY))
				.layer(maxPool())
				.layer(conv(5, 50, Activation.IDENTITY))
				.layer(maxPool())
				.layer(new DenseLayer.Builder().nOut(500).activation(Activation.RELU).build())
				.layer(softmax(classes, 0, classWeights));
		}
	},

	/**
	 * A small CNN with batch normalisation and dropout: conv 5x5x32, BN, max-pool, conv 5x5x64,
	 * BN, max-pool, dense 256, BN, softmax, dropping 50% of the softmax layer's input. (Dropping
	 * 25% of the dense input too slowed the short default run down more than it helped.) Inputs
	 * larger than 44 px get more blocks (conv 3x3x128 keeping the size, BN, max-pool) until the
	 * feature maps are at most 8 px wide, so the dense layer stays small. Trains channels-first:
	 * DL4J's batch normalisation trains slower channels-last.
	 */
	CNN(CNN2DFormat.NCHW) {
		@Override
		NeuralNetConfiguration.ListBuilder layers(final NeuralNetConfiguration.Builder base, final Preprocessing input,
			final int classes, final double[] classWeights)
		{
			final NeuralNetConfiguration.ListBuilder list = base.list()
				.layer(conv(5, 32, Activation.RELU))
				.layer(new BatchNormalization.Builder().build())
				.layer(maxPool())
				.layer(conv(5, 64, Activation.RELU))
				.layer(new BatchNormalization.Builder().build())
				.layer(maxPool());
			for (int side = extraBlockInput(input); side > MAX_DENSE_SIDE; side /= 2) {
				list.layer(new ConvolutionLayer.Builder(3, 3).stride(1, 1).convolutionMode(ConvolutionMode.Same).nOut(128)
					.activation(Activation.RELU).build())
					.layer(new BatchNormalization.Builder().build())
					.layer(maxPool());
			}
			return list
				.layer(new DenseLayer.Builder().nOut(256).activation(Activation.RELU).build())
				.layer(new BatchNormalization.Builder().build())
				.layer(softmax(classes, 0.5, classWeights));
		}
	};

	/** The widest feature maps the CNN's dense layer takes. */
	static final int MAX_DENSE_SIDE = 8;

	/** The side of the CNN's feature maps after its two 5x5 blocks. */
	static int extraBlockInput(final Preprocessing input) {
		return ((Math.min(input.width(), input.height()) - 4) / 2 - 4) / 2;
	}

	/** The layout of the activations while training; see {@link Layouts}. */
	private final CNN2DFormat trainingLayout;

	Architecture(final CNN2DFormat trainingLayout) {
		this.trainingLayout = trainingLayout;
	}

	public static Architecture fromId(final String id) {
		return MacroValue.byId(values(), id, "network");
	}

	/**
	 * The configuration for a recipe: Adam whose step size shrinks by the recipe's decay each
	 * epoch; {@code classWeights}, one per class or null, weigh the loss of each class's images.
	 */
	public MultiLayerConfiguration configuration(final Preprocessing input, final int classes, final Recipe recipe,
		final double[] classWeights)
	{
		final ISchedule schedule = new ExponentialSchedule(ScheduleType.EPOCH, recipe.learningRate(), recipe.learningRateDecay());
		return configuration(input, classes, new Adam(schedule), recipe.seed(), classWeights);
	}

	/** The configuration for inputs prepared as {@code input} says (size and channels), unweighted. */
	public MultiLayerConfiguration configuration(final Preprocessing input, final int classes, final IUpdater updater,
		final long seed)
	{
		return configuration(input, classes, updater, seed, null);
	}

	private MultiLayerConfiguration configuration(final Preprocessing input, final int classes, final IUpdater updater,
		final long seed, final double[] classWeights)
	{
		Backends.prepare();
		final NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
			// Keeps each convolution's output from the forward pass for the backward pass, which
			// otherwise runs the convolution again, slowing training.
			.cacheMode(CacheMode.DEVICE)
			.seed(seed)
			.weightInit(WeightInit.XAVIER)
			.updater(updater);
		return layers(base, input, classes, classWeights)
			.setInputType(InputType.convolutional(input.height(), input.width(), input.channels(), trainingLayout)).build();
	}

	abstract NeuralNetConfiguration.ListBuilder layers(NeuralNetConfiguration.Builder base, Preprocessing input, int classes,
		double[] classWeights);

	private static ConvolutionLayer conv(final int size, final int filters, final Activation activation) {
		return new ConvolutionLayer.Builder(size, size).stride(1, 1).nOut(filters).activation(activation).build();
	}

	private static SubsamplingLayer maxPool() {
		return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build();
	}

	private static OutputLayer softmax(final int classes, final double keep, final double[] classWeights) {
		final OutputLayer.Builder builder = (classWeights == null ? new OutputLayer.Builder(LossFunction.NEGATIVELOGLIKELIHOOD) :
			new OutputLayer.Builder(new LossNegativeLogLikelihood(Nd4j.create(classWeights).castTo(DataType.FLOAT))))
			.nOut(classes).activation(Activation.SOFTMAX);
		if (keep > 0) builder.dropOut(keep); // DL4J's dropOut(p) keeps each input with probability p
		return builder.build();
	}
}
