package io.github.digitclassifier.model;

/**
 * One line of a training history.
 *
 * @param trainLoss mean loss of the epoch's updates (on augmented images when augmenting)
 * @param trainAccuracy accuracy on a fixed sample of training images, unaugmented, after the epoch
 * @param seconds wall time of the epoch, validation included
 */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
	double validationAccuracy, double seconds) {}
