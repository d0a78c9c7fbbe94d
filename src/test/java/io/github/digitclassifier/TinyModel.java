package io.github.digitclassifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.digitclassifier.model.Architecture;
import io.github.digitclassifier.model.Balance;
import io.github.digitclassifier.model.Recipe;
import io.github.digitclassifier.preprocess.Augmentation;
import io.github.digitclassifier.train.InputRequest;
import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.train.Trainer;
import io.github.digitclassifier.train.TrainingProgress;
import io.github.digitclassifier.train.TrainingResult;

/** A LeNet trained once per test run on synthetic shapes, shared by the tests that need a model. */
public final class TinyModel {

	public static final Recipe RECIPE = new Recipe(Architecture.LENET, 4, 16, 2e-3, 1, null, 7, 0.2, 0, 0, Balance.NONE);

	private static Path folder;
	private static TrainingResult result;

	private TinyModel() {}

	public static synchronized Path folder() {
		if (folder == null) {
			try {
				folder = Files.createTempDirectory("digit-classifier-shapes");
				SyntheticImages.writeShapes(folder.resolve("train"), 50, 1);
				SyntheticImages.writeShapes(folder.resolve("test"), 15, 2);
			}
			catch (final IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return folder;
	}

	public static Path train() {
		return folder().resolve("train");
	}

	public static Path test() {
		return folder().resolve("test");
	}

	public static synchronized TrainingResult result() {
		if (result == null) result = trainWith(RECIPE);
		return result;
	}

	public static TrainingResult trainWith(final Recipe recipe) {
		try {
			return Trainer.train(train(), test(), InputRequest.digits(), recipe, TrainingProgress.NONE);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static Recipe augmented() {
		return RECIPE.withAugmentation(Augmentation.digits());
	}
}
