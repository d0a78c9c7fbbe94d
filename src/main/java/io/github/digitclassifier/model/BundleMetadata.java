package io.github.digitclassifier.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.digitclassifier.preprocess.Preprocessing;

/**
 * What a model bundle knows about its network: the classes, how images are prepared, how it was
 * trained and how well it did. Stored as JSON beside the DL4J network.
 *
 * @param format always {@link #FORMAT}
 * @param formatVersion the layout of this metadata; readers refuse newer ones. 2 added the
 *        preprocessing's channels and standardisation, the recipe's fewest updates per epoch and
 *        the choices; a version 1 bundle reads as grey, stretched per image, one pass an epoch. 3
 *        may hold the network as ONNX beside DL4J's ({@link ModelBundles#INFERENCE_ENTRY}; left out
 *        when the export does not know a layer); the metadata is as in 2
 * @param choices how the training's settings were decided (none in version 1)
 * @param data the images trained and validated on (null for a model made otherwise)
 * @param metrics named figures, e.g. {@code validation_accuracy}
 * @param created ISO-8601 time of writing
 */
public record BundleMetadata(String format, int formatVersion, List<String> classNames, Preprocessing preprocessing,
	Recipe recipe, List<TrainingChoice> choices, TrainingData data, List<EpochRecord> history, Map<String, Double> metrics, int trainingImages, String created,
	String libraryVersion, String dl4jVersion)
{
	public static final String FORMAT = "digit-classifier-model";
	public static final int FORMAT_VERSION = 3;

	public BundleMetadata {
		classNames = classNames == null ? null : List.copyOf(classNames);
		history = history == null ? List.of() : List.copyOf(history);
		choices = choices == null ? List.of() : List.copyOf(choices);
		// Kept in order (Map.copyOf's order changes from run to run), so that files written from it are the same each time.
		metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
	}

	public BundleMetadata withMetric(final String name, final double value) {
		final Map<String, Double> more = new LinkedHashMap<>(metrics);
		more.put(name, value);
		return new BundleMetadata(format, formatVersion, classNames, preprocessing, recipe, choices, data, history, more,
			trainingImages, created, libraryVersion, dl4jVersion);
	}
}
