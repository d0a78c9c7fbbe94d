package io.github.digitclassifier.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

import io.github.digitclassifier.SyntheticImages;
import io.github.digitclassifier.TinyModel;
import io.github.digitclassifier.model.EpochRecord;
import io.github.digitclassifier.model.Recipe;
import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.train.InputRequest;

class TrainerTest {

	@Test
	void tinyLeNetLearnsShapesFarAboveChance() {
		final TrainingResult result = TinyModel.result();
		// Four classes: chance is 25%.
		assertTrue(result.validation().accuracy() > 0.8, "validation accuracy " + result.validation().accuracy());
		assertEquals(TinyModel.RECIPE.epochs(), result.history().size());
		final EpochRecord first = result.history().get(0);
		final EpochRecord last = result.history().get(result.history().size() - 1);
		assertTrue(last.trainLoss() < first.trainLoss(), "loss fell: " + result.history());
		assertTrue(last.seconds() > 0);
		assertEquals(SyntheticImages.SHAPES, result.bundle().metadata().classNames());
		assertEquals(result.validation().accuracy(), result.bundle().metadata().metrics().get("validation_accuracy"), 1e-9);
		assertEquals(200, result.bundle().metadata().trainingImages());
		final io.github.digitclassifier.model.TrainingData data = result.bundle().metadata().data();
		assertEquals(TinyModel.train().toAbsolutePath().toString(), data.trainFolder());
		assertEquals(TinyModel.test().toAbsolutePath().toString(), data.validationFolder());
		assertEquals(List.of(50, 50, 50, 50), data.trainingImagesPerClass());
		assertEquals(List.of(15, 15, 15, 15), data.validationImagesPerClass());
		assertEquals(Preprocessing.digits(), result.bundle().metadata().preprocessing());
		assertEquals(TinyModel.RECIPE, result.bundle().metadata().recipe());
	}

	@Test
	void theDefaultsLearnFromAFewHundredImages() throws Exception {
		// 500 images make 8 batches of 64: four epochs of one pass each ended at chance (moving batch
		// normalisation statistics that had not settled, and too few updates).
		final List<String> said = new ArrayList<>();
		final TrainingResult result = Trainer.train(Path.of("sample-data/train"), Path.of("sample-data/test"),
			InputRequest.digits(), Recipe.defaults(), new TrainingProgress() {
				@Override
				public void status(final String message) {
					said.add(message);
				}
			});
		assertTrue(result.validation().accuracy() >= 0.9, "accuracy on sample-data/test " + result.validation().accuracy());
		assertTrue(said.contains("passes_per_epoch: 9 (500 training images make few updates: each epoch goes over them 9 times " +
			"(64 updates at least))"),
			said.toString());
		assertEquals(Recipe.defaults().withBalance(io.github.digitclassifier.model.Balance.NONE), result.bundle().metadata().recipe());
	}

	@Test
	void autoTrainsOnPicturesThatFillTheirFrame() throws Exception {
		final Path root = folders(SyntheticImages::writeTextures, 11);
		final TrainingResult result = trainTiny(root, InputRequest.auto());
		assertEquals("resize", result.choices().get(0).value());
		assertEquals(result.choices(), result.bundle().metadata().choices());
		assertEquals(Preprocessing.Fit.CENTER_CROP, result.bundle().metadata().preprocessing().fit());
		assertTrue(result.bundle().metadata().preprocessing().standardisation() != null);
		// Four classes: chance is 25%.
		assertTrue(result.validation().accuracy() > 0.8, "validation accuracy " + result.validation().accuracy());
	}

	@Test
	void autoKeepsColourAndTellsPicturesApartByItAlone() throws Exception {
		final Path root = folders(SyntheticImages::writeColourTextures, 21);
		final TrainingResult result = trainTiny(root, InputRequest.auto());
		final Preprocessing preprocessing = result.bundle().metadata().preprocessing();
		assertEquals(3, preprocessing.channels());
		assertEquals(new io.github.digitclassifier.model.TrainingChoice("channels", "rgb",
			"auto: 100% of 240 sampled training images are in colour (5% keep colour)"), result.choices().get(2));
		assertEquals(3, preprocessing.standardisation().mean().size());
		// Tints scale each channel differently: so do the per-channel figures.
		final List<Double> means = preprocessing.standardisation().mean();
		assertTrue(means.get(2) < means.get(0) && means.get(2) < means.get(1), "blue is the dimmest on average: " + means);
		assertTrue(result.validation().accuracy() > 0.9, "validation accuracy " + result.validation().accuracy());
		// Classify Folder's path reads the files in colour too.
		final var folder = new io.github.digitclassifier.predict.Predictor(new io.github.digitclassifier.runtime.dl4j.NetworkClassifier(result.bundle())).predictFolder(root.resolve("test"));
		assertEquals(80, folder.predictions().size());
		assertTrue(folder.predictions().stream().filter(p -> p.file().startsWith(p.prediction().className() + "/")).count() > 72);
		// The same images as grey: brightness varies as much as between hues.
		final TrainingResult grey = trainTiny(root, new InputRequest(InputRequest.Mode.AUTO, InputRequest.Channels.GREY, 0));
		assertEquals(1, grey.bundle().metadata().preprocessing().channels());
		assertTrue(grey.validation().accuracy() < result.validation().accuracy() - 0.2,
			"grey " + grey.validation().accuracy() + ", colour " + result.validation().accuracy());
	}

	@Test
	void picturesAreAugmentedWhenTheRunSeesThemOftenEnough() throws Exception {
		final Path root = folders(SyntheticImages::writeCells, 41);
		final Recipe augmenting = TinyModel.RECIPE.withAugmentation(io.github.digitclassifier.preprocess.Augmentation.digits());
		// (Grey discs and rings on a plain ground look like ink to auto: resize is asked for.)
		final InputRequest resize = new InputRequest(InputRequest.Mode.RESIZE, InputRequest.Channels.AUTO, 0);
		// 120 cells, 4 epochs of one pass: each is seen 4 times, too few for changes to pay off.
		final TrainingResult brief = Trainer.train(root.resolve("train"), root.resolve("test"), resize, augmenting,
			TrainingProgress.NONE);
		final io.github.digitclassifier.model.TrainingChoice none = brief.choices().get(3);
		assertEquals("augment", none.setting());
		assertEquals("none", none.value());
		assertTrue(none.why().contains("each training image is seen 4 times"), none.why());
		assertEquals(null, brief.bundle().metadata().recipe().augmentation());
		// 8 epochs: augmented, with every flip and turn, as cells seen from above have no "up".
		final TrainingResult longer = Trainer.train(root.resolve("train"), root.resolve("test"), resize,
			augmenting.withEpochs(8), TrainingProgress.NONE);
		assertEquals("pictures", longer.choices().get(3).value());
		assertEquals(io.github.digitclassifier.preprocess.Augmentation.pictures(true, true),
			longer.bundle().metadata().recipe().augmentation());
	}

	@Test
	void imbalancedClassesWeighTheLossOrAreSampledEvenly() throws Exception {
		final Path root = java.nio.file.Files.createTempDirectory("imbalanced");
		SyntheticImages.writeShapes(root.resolve("train"), 40, 31);
		SyntheticImages.writeShapes(root.resolve("test"), 10, 32);
		// Three of the four classes keep 10 of their 40 images.
		for (final String shape : List.of("cross", "square", "triangle")) {
			for (int i = 10; i < 40; i++) java.nio.file.Files.delete(root.resolve("train").resolve(shape).resolve(shape + i + ".png"));
		}
		final TrainingResult weighted = Trainer.train(root.resolve("train"), root.resolve("test"), InputRequest.digits(),
			TinyModel.RECIPE.withBalance(io.github.digitclassifier.model.Balance.AUTO), TrainingProgress.NONE);
		final io.github.digitclassifier.model.TrainingChoice choice = weighted.choices().stream()
			.filter(c -> c.setting().equals("balance")).findFirst().orElseThrow();
		assertEquals("weights", choice.value());
		assertTrue(choice.why().startsWith("auto: 'circle' has 40 training images, 'cross' 10 (4.00 times as many)"), choice.why());
		assertEquals(io.github.digitclassifier.model.Balance.WEIGHTS, weighted.bundle().metadata().recipe().balance());
		// The loss weights of a bundle: 70 images over 4 classes, 40 circles weigh 70 / 160 each, the others 70 / 40.
		final var loss = (org.nd4j.linalg.lossfunctions.impl.LossNegativeLogLikelihood)
			((org.deeplearning4j.nn.conf.layers.OutputLayer) weighted.bundle().network().getLayerWiseConfigurations()
				.getConf(5).getLayer()).getLossFn();
		assertArrayEquals(new float[] { 70f / 160, 70f / 40, 70f / 40, 70f / 40 }, loss.getWeights().toFloatVector(), 1e-6f);
		final TrainingResult sampled = Trainer.train(root.resolve("train"), root.resolve("test"), InputRequest.digits(),
			TinyModel.RECIPE.withBalance(io.github.digitclassifier.model.Balance.SAMPLING), TrainingProgress.NONE);
		assertEquals("asked for; 'circle' has 40 training images, 'cross' 10 (4.00 times as many)",
			sampled.choices().stream().filter(c -> c.setting().equals("balance")).findFirst().orElseThrow().why());
		assertEquals(io.github.digitclassifier.model.Balance.SAMPLING, sampled.bundle().metadata().recipe().balance());
	}

	/** Writes class folders of synthetic images. */
	private interface Writer {
		Path write(Path root, int perClass, long seed) throws java.io.IOException;
	}

	/** A temporary folder with {@code train} (60 a class) and {@code test} (20 a class) written by {@code writer}. */
	private static Path folders(final Writer writer, final long seed) throws java.io.IOException {
		final Path root = java.nio.file.Files.createTempDirectory("pictures");
		writer.write(root.resolve("train"), 60, seed);
		writer.write(root.resolve("test"), 20, seed + 1);
		return root;
	}

	private static TrainingResult trainTiny(final Path root, final InputRequest input) throws java.io.IOException {
		return Trainer.train(root.resolve("train"), root.resolve("test"), input, TinyModel.RECIPE, TrainingProgress.NONE);
	}

	@Test
	void sameSeedGivesSameWeightsAndHistory() {
		final Recipe recipe = TinyModel.augmented().withEpochs(2);
		final TrainingResult a = TinyModel.trainWith(recipe);
		final TrainingResult b = TinyModel.trainWith(recipe);
		assertArrayEquals(a.bundle().network().params().toFloatVector(), b.bundle().network().params().toFloatVector());
		assertEquals(a.history().get(1).validationLoss(), b.history().get(1).validationLoss());
	}

	@Test
	void reportsProgressAndStopsWhenCancelled() {
		final List<String> heard = new ArrayList<>();
		final TrainingProgress cancelInSecondEpoch = new TrainingProgress() {
			private int epochs;

			@Override
			public void batchDone(final int epoch, final int batch, final int batches, final double loss) {
				heard.add("batch " + epoch + "." + batch + "/" + batches);
			}

			@Override
			public void epochDone(final EpochRecord record) {
				epochs++;
				heard.add("epoch " + record.epoch());
			}

			@Override
			public boolean isCancelled() {
				return epochs >= 1 && heard.size() > 15;
			}
		};
		assertThrows(CancellationException.class, () -> Trainer.train(TinyModel.train(), TinyModel.test(),
			InputRequest.digits(), TinyModel.RECIPE, cancelInSecondEpoch));
		// 200 images in batches of 16: 13 updates an epoch.
		assertEquals("batch 1.1/13", heard.get(0));
		assertEquals("epoch 1", heard.get(13));
		assertEquals(16, heard.size());
	}

	@Test
	void aRunNoBetterThanChanceSaysSo() throws Exception {
		// Adam at 9.9 throws the weights about: DL4J's clipped loss stays finite, the accuracy at chance.
		final Recipe wild = new Recipe(io.github.digitclassifier.model.Architecture.LENET, 1, 64, 9.9, 1, null, 42, 0.1, 0, 0, null);
		final List<String> warnings = new ArrayList<>();
		final TrainingResult result = Trainer.train(Path.of("sample-data/train"), Path.of("sample-data/test"), InputRequest.digits(), wild,
			new TrainingProgress() {
				@Override
				public void warning(final String message) {
					warnings.add(message);
				}
			});
		assertTrue(result.validation().accuracy() < 0.15, "accuracy " + result.validation().accuracy());
		assertTrue(warnings.stream().anyMatch(w -> w.contains("hardly better than chance") && w.contains("learning_rate")),
			warnings.toString());
	}

	@Test
	void refusesASingleClassAndMismatchedFolders() throws Exception {
		final var root = java.nio.file.Files.createTempDirectory("one-class");
		SyntheticImages.writeShapes(root.resolve("train"), 3, 1);
		java.nio.file.Files.createDirectories(root.resolve("other/circle"));
		final var message = assertThrows(IllegalArgumentException.class, () -> Trainer.train(root.resolve("train"),
			root.resolve("other"), InputRequest.digits(), TinyModel.RECIPE, TrainingProgress.NONE)).getMessage();
		assertTrue(message.contains("other"), message);
	}
}
