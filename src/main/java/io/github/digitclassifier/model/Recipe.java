package io.github.digitclassifier.model;

import io.github.digitclassifier.preprocess.Augmentation;

/**
 * How a model is trained; recorded in its bundle so that a run can be repeated.
 *
 * @param network the architecture
 * @param epochs passes over the training images
 * @param batchSize images per update
 * @param learningRate Adam's step size in the first epoch
 * @param learningRateDecay factor applied to the step size after each epoch; 1 keeps it constant
 * @param augmentation random changes to training images, or null for none
 * @param seed seeds weights, shuffling, the split and augmentation
 * @param validationFraction share of each class held out when no test folder is given
 * @param patience stop after this many epochs without a better validation loss; 0 never stops early
 * @param minUpdatesPerEpoch an epoch over fewer than this many batches goes over the images as many
 *        times as it takes, shuffled and augmented anew each time; 0 (bundles written before it
 *        existed) means one pass
 * @param balance how classes of unequal size are made up for; {@link Balance#AUTO} before
 *        training, what it chose in a bundle (none in bundles written before it existed)
 */
public record Recipe(Architecture network, int epochs, int batchSize, double learningRate,
	double learningRateDecay, Augmentation augmentation, long seed, double validationFraction, int patience,
	int minUpdatesPerEpoch, Balance balance)
{
	public Recipe {
		if (network == null) throw new IllegalArgumentException("network must be set");
		if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1, not " + epochs);
		if (batchSize < 1) throw new IllegalArgumentException("batch_size must be at least 1, not " + batchSize);
		if (!(learningRate > 0 && learningRate < 10)) {
			throw new IllegalArgumentException("learning_rate must be a number above 0 (and below 10), not " + learningRate);
		}
		if (!(learningRateDecay > 0 && learningRateDecay <= 1)) {
			throw new IllegalArgumentException("learning rate decay must be above 0 and at most 1, not " + learningRateDecay);
		}
		if (!(validationFraction > 0 && validationFraction < 1)) {
			throw new IllegalArgumentException("validation_fraction must be between 0 and 1 (exclusive), not " + validationFraction);
		}
		if (patience < 0) throw new IllegalArgumentException("patience must be 0 (off) or more, not " + patience);
		if (balance == null) balance = Balance.NONE;
		if (minUpdatesPerEpoch < 0) throw new IllegalArgumentException("minUpdatesPerEpoch must be 0 or more, not " + minUpdatesPerEpoch);
	}

	/**
	 * The defaults' fewest updates per epoch: 500 images in batches of 64 make only 8 updates an
	 * epoch, too few for four epochs to train the network on a small set such as sample-data.
	 */
	public static final int MIN_UPDATES_PER_EPOCH = 64;

	/** How far the defaults anneal the step size over a run: to 1/16 of learning_rate in the last epoch. */
	public static final double ANNEALING = 1.0 / 16;

	/**
	 * The defaults: the stronger network, augmented, four epochs (short enough to wait for, long
	 * enough for MNIST), Adam at 2e-3 annealed to 1/16 of it, at least
	 * {@value #MIN_UPDATES_PER_EPOCH} updates an epoch.
	 */
	public static Recipe defaults() {
		return defaults(4);
	}

	/** The defaults over another number of epochs, the step size still annealed over the whole run. */
	public static Recipe defaults(final int epochs) {
		return new Recipe(Architecture.CNN, epochs, 64, 2e-3, decayOver(epochs), Augmentation.digits(), 42, 0.1, 0,
			MIN_UPDATES_PER_EPOCH, Balance.AUTO);
	}

	/** The factor per epoch that takes the step size to {@link #ANNEALING} of its start in the last of {@code epochs}. */
	public static double decayOver(final int epochs) {
		return epochs <= 1 ? 1 : Math.pow(ANNEALING, 1.0 / (epochs - 1));
	}

	public Recipe withEpochs(final int newEpochs) {
		return new Recipe(network, newEpochs, batchSize, learningRate, learningRateDecay, augmentation, seed, validationFraction, patience,
			minUpdatesPerEpoch, balance);
	}

	public Recipe withAugmentation(final Augmentation newAugmentation) {
		return new Recipe(network, epochs, batchSize, learningRate, learningRateDecay, newAugmentation, seed, validationFraction, patience,
			minUpdatesPerEpoch, balance);
	}

	public Recipe withBalance(final Balance newBalance) {
		return new Recipe(network, epochs, batchSize, learningRate, learningRateDecay, augmentation, seed, validationFraction, patience,
			minUpdatesPerEpoch, newBalance);
	}

	/** How often an epoch goes over {@code images} training images: enough for {@link #minUpdatesPerEpoch} batches. */
	public int passesPerEpoch(final int images) {
		if (images == 0) return 1;
		final long wanted = (long) minUpdatesPerEpoch * batchSize;
		return (int) Math.max(1, (wanted + images - 1) / images);
	}
}
