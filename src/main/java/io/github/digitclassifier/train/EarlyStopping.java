package io.github.digitclassifier.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import io.github.digitclassifier.evaluate.EvaluationResult;
import io.github.digitclassifier.model.EpochRecord;

/** Early stopping on the validation loss: the best epoch so far, and whether to wait longer for a better one. */
final class EarlyStopping {

	/** The epoch with the lowest validation loss, its validation and a copy of its weights (batch normalisation statistics included). */
	record Best(EpochRecord epoch, EvaluationResult validation, INDArray parameters) {}

	private final int patience;
	private Best best;

	/** {@code patience} epochs without a better validation loss stop training; 0 never does. */
	EarlyStopping(final int patience) {
		this.patience = patience;
	}

	/** Keeps this epoch when it is the best yet; true when training should stop after it. */
	boolean stopAfter(final EpochRecord epoch, final EvaluationResult validation, final MultiLayerNetwork network) {
		if (best == null || epoch.validationLoss() < best.epoch().validationLoss()) {
			best = new Best(epoch, validation, network.params().dup());
			return false;
		}
		return patience > 0 && epoch.epoch() - best.epoch().epoch() >= patience;
	}

	Best best() {
		return best;
	}
}
