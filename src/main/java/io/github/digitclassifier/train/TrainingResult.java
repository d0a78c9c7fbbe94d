package io.github.digitclassifier.train;

import java.util.List;

import io.github.digitclassifier.data.ClassBalance;
import io.github.digitclassifier.data.SkippedFile;
import io.github.digitclassifier.evaluate.EvaluationResult;
import io.github.digitclassifier.model.EpochRecord;
import io.github.digitclassifier.model.ModelBundle;

/**
 * A trained model, its history, its final validation, the training classes' balance and the
 * files that were skipped on the way.
 */
public record TrainingResult(ModelBundle bundle, List<EpochRecord> history, EvaluationResult validation,
	ClassBalance balance, List<SkippedFile> skipped, int bestEpoch) {}
