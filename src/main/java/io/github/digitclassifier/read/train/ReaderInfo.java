package io.github.digitclassifier.read.train;

import java.util.List;

import io.github.digitclassifier.model.EpochRecord;

/**
 * How a number reader was trained, as its model file records it.
 *
 * @param startedFrom "scratch", or the model file fine-tuned
 * @param trainingImages labelled images trained on (those with writing found)
 * @param validationImages labelled images validated on
 * @param bestEpoch the epoch kept: best whole-number accuracy on the validation images
 * @param validationAccuracy the kept epoch's whole-number accuracy on them
 * @param history each epoch's losses and whole-number accuracies
 */
public record ReaderInfo(String startedFrom, int trainingImages, int validationImages, int epochs, long seed, int bestEpoch,
	double validationAccuracy, List<EpochRecord> history, String created) {

	public ReaderInfo {
		history = List.copyOf(history);
	}
}
