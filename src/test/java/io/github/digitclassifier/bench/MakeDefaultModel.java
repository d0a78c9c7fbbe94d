package io.github.digitclassifier.bench;

import java.nio.file.Path;
import java.util.Locale;

import io.github.digitclassifier.evaluate.EvaluationResult;
import io.github.digitclassifier.evaluate.Evaluator;
import io.github.digitclassifier.exchange.OnnxFiles;
import io.github.digitclassifier.model.EpochRecord;
import io.github.digitclassifier.model.ModelBundle;
import io.github.digitclassifier.model.Recipe;
import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.runtime.dl4j.NetworkClassifier;
import io.github.digitclassifier.train.InputRequest;
import io.github.digitclassifier.train.Trainer;
import io.github.digitclassifier.train.TrainingProgress;
import io.github.digitclassifier.train.TrainingResult;

/**
 * Trains the bundled default model: the default recipe on the 60,000 MNIST training images (10%
 * held out for validation), then measures it on the 10,000 test images and records that.
 * Arguments: MNIST class-folder root, output bundle, and epochs unless the default.
 */
public final class MakeDefaultModel {

	public static void main(final String[] args) throws Exception {
		final Path mnist = Path.of(args[0]);
		final Path out = Path.of(args[1]);
		final Recipe recipe = args.length > 2 ? Recipe.defaults(Integer.parseInt(args[2])) : Recipe.defaults();
		final long start = System.nanoTime();
		final TrainingResult result = Trainer.train(mnist.resolve("train"), null, InputRequest.digits(), recipe,
			new TrainingProgress() {
				@Override
				public void status(final String message) {
					System.out.println(message);
				}

				@Override
				public void epochDone(final EpochRecord r) {
					System.out.println(String.format(Locale.ROOT,
						"epoch %d: train_loss %.4f train_accuracy %.4f validation_loss %.4f validation_accuracy %.4f (%.0f s)",
						r.epoch(), r.trainLoss(), r.trainAccuracy(), r.validationLoss(), r.validationAccuracy(), r.seconds()));
				}
			});
		final double minutes = (System.nanoTime() - start) / 60e9;
		final EvaluationResult test = Evaluator.evaluate(new NetworkClassifier(result.bundle()), mnist.resolve("test"));
		final ModelBundle bundle = new ModelBundle(result.bundle().network(),
			result.bundle().metadata().withMetric("test_accuracy", test.accuracy()).withMetric("training_minutes", minutes));
		OnnxFiles.saveBundle(bundle, out);
		System.out.println(test.evaluation().stats());
		System.out.println(String.format(Locale.ROOT, "RESULT test_accuracy %.4f training_minutes %.1f", test.accuracy(), minutes));
	}
}
