package io.github.digitclassifier.evaluate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import io.github.digitclassifier.data.ClassFolders;
import io.github.digitclassifier.data.Dataset;
import io.github.digitclassifier.data.LabeledImage;
import io.github.digitclassifier.data.SkippedFile;
import io.github.digitclassifier.preprocess.ImageBatches;
import io.github.digitclassifier.preprocess.PreparedImages;
import io.github.digitclassifier.preprocess.Preprocessor;
import io.github.digitclassifier.runtime.Classifier;

/** Measures a model on labelled images with DL4J's {@link Evaluation}. */
public final class Evaluator {

	/** Images per forward pass when evaluating. */
	public static final int BATCH = 256;

	private Evaluator() {}

	/**
	 * Evaluates a model on a test folder. The folder's classes must be classes of the model; it
	 * may lack some of them.
	 */
	public static EvaluationResult evaluate(final Classifier model, final Path testFolder) throws IOException {
		final Dataset scanned = ClassFolders.scan(testFolder);
		final Dataset test = inModelClasses(scanned, model.classNames());
		final PreparedImages images = PreparedImages.prepare(test, new Preprocessor(model.preprocessing()));
		images.dataset().requireClassesPresent(scanned.classNames());
		final EvaluationResult result = evaluate(model, images);
		final List<SkippedFile> skipped = new ArrayList<>(test.skipped());
		skipped.addAll(images.skipped());
		return new EvaluationResult(result.evaluation(), result.classNames(), result.loss(), skipped, result.outcomes());
	}

	/** Evaluates a model on prepared images whose class indices are the model's outputs; each outcome names its file. */
	public static EvaluationResult evaluate(final Classifier model, final PreparedImages images) {
		final EvaluationResult result;
		try (ImageBatches batches = ImageBatches.inOrder(images, BATCH, model.classNames().size())) {
			result = evaluate(model, batches, images.dataset().skipped());
		}
		final List<LabeledImage> files = images.dataset().images();
		final List<EvaluationResult.Outcome> named = new ArrayList<>(result.outcomes().size());
		for (int i = 0; i < result.outcomes().size(); i++) {
			final EvaluationResult.Outcome o = result.outcomes().get(i);
			named.add(new EvaluationResult.Outcome(files.get(i).file(), o.actual(), o.predicted(), o.confidence()));
		}
		return new EvaluationResult(result.evaluation(), result.classNames(), result.loss(), result.skipped(), named);
	}

	/** Evaluates a model on batches; the loss is the mean categorical cross-entropy. */
	public static EvaluationResult evaluate(final Classifier model, final ImageBatches batches, final List<SkippedFile> skipped) {
		final List<String> classNames = model.classNames();
		final Evaluation evaluation = new Evaluation(classNames);
		final List<EvaluationResult.Outcome> outcomes = new ArrayList<>();
		double lossSum = 0;
		long count = 0;
		while (batches.hasNext()) {
			final DataSet batch = batches.next();
			final int n = batch.numExamples();
			final INDArray output = Nd4j.create(model.probabilities(batch.getFeatures().ravel().toFloatVector(), n),
				new long[] { n, classNames.size() });
			evaluation.eval(batch.getLabels(), output);
			final float[][] p = output.toFloatMatrix(), y = batch.getLabels().toFloatMatrix();
			lossSum += crossEntropySum(p, y);
			for (int r = 0; r < n; r++) {
				final int predicted = argmax(p[r]);
				outcomes.add(new EvaluationResult.Outcome(null, argmax(y[r]), predicted, p[r][predicted]));
			}
			count += batch.numExamples();
		}
		return new EvaluationResult(evaluation, classNames, count == 0 ? Double.NaN : lossSum / count, skipped, outcomes);
	}

	/** The summed categorical cross-entropy of softmax outputs against one-hot labels. */
	private static double crossEntropySum(final float[][] p, final float[][] y) {
		double sum = 0;
		for (int r = 0; r < p.length; r++) {
			for (int c = 0; c < p[r].length; c++) {
				if (y[r][c] > 0) sum -= y[r][c] * Math.log(Math.max(p[r][c], 1e-7f));
			}
		}
		return sum;
	}

	/** The first class of the highest value, as DL4J's Evaluation takes it. */
	private static int argmax(final float[] values) {
		int best = 0;
		for (int c = 1; c < values.length; c++) if (values[c] > values[best]) best = c;
		return best;
	}

	/** The data set with its class indices turned into the model's, refusing unknown classes. */
	static Dataset inModelClasses(final Dataset dataset, final List<String> modelClasses) {
		final List<String> unknown = dataset.classNames().stream().filter(c -> !modelClasses.contains(c)).toList();
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("Test folder " + dataset.root() + " has class folders the model does not know: " +
				unknown + " (the model knows " + modelClasses + ")");
		}
		final List<LabeledImage> relabelled = dataset.images().stream()
			.map(i -> new LabeledImage(i.file(), modelClasses.indexOf(dataset.classNames().get(i.classIndex()))))
			.toList();
		return new Dataset(dataset.root(), modelClasses, relabelled, dataset.skipped());
	}
}
