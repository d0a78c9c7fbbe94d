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
 */
public record Recipe(Architecture network, int epochs, int batchSize, double learningRate,
	double learningRateDecay, Augmentation augmentation, long seed, double validationFraction, int patience)
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
	}

	/** The defaults: the stronger network, augmented, ten epochs, the step size shrinking 10% an epoch. */
	public static Recipe defaults() {
		return new Recipe(Architecture.CNN, 10, 64, 1e-3, 0.9, Augmentation.digits(), 42, 0.1, 0);
	}

	public Recipe withEpochs(final int newEpochs) {
		return new Recipe(network, newEpochs, batchSize, learningRate, learningRateDecay, augmentation, seed, validationFraction, patience);
	}

	public Recipe withAugmentation(final Augmentation newAugmentation) {
		return new Recipe(network, epochs, batchSize, learningRate, learningRateDecay, newAugmentation, seed, validationFraction, patience);
	}
}
