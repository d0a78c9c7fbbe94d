package io.github.digitclassifier.train;

import java.util.List;

import io.github.digitclassifier.data.ClassBalance;
import io.github.digitclassifier.data.SkippedFile;
import io.github.digitclassifier.evaluate.EvaluationResult;
import io.github.digitclassifier.model.EpochRecord;
import io.github.digitclassifier.model.ModelBundle;
import io.github.digitclassifier.model.TrainingChoice;

/**
 * A trained model, its history, its final validation, the training classes' balance, the files
 * that were skipped on the way and how the run's settings were decided.
 */
public record TrainingResult(ModelBundle bundle, List<EpochRecord> history, EvaluationResult validation,
	ClassBalance balance, List<SkippedFile> skipped, int bestEpoch, List<TrainingChoice> choices) {}
