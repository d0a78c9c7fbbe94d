package io.github.digitclassifier.model;

import java.util.List;

/**
 * The images a model was trained and validated on, so that a run can be repeated: the folders
 * (the validation folder is the training folder when a share of it was held out, see the recipe's
 * seed and validation fraction) and the number of usable images per class.
 */
public record TrainingData(String trainFolder, String validationFolder, List<Integer> trainingImagesPerClass,
	List<Integer> validationImagesPerClass) {}
