package io.github.digitclassifier.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.Adam;

import io.github.digitclassifier.TinyModel;
import io.github.digitclassifier.evaluate.EvaluationResult;
import io.github.digitclassifier.evaluate.Evaluator;
import io.github.digitclassifier.model.Architecture;
import io.github.digitclassifier.model.BundleMetadata;
import io.github.digitclassifier.model.Layouts;
import io.github.digitclassifier.model.ModelBundle;
import io.github.digitclassifier.model.ModelBundles;
import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.runtime.Classifier;
import io.github.digitclassifier.runtime.dl4j.NetworkClassifier;
import io.github.digitclassifier.runtime.load.ModelFiles;

class OnnxExportTest {

	@TempDir
	Path dir;

	/** Exports, loads through ONNX Runtime, and compares probabilities of random prepared images. */
	private void assertSameProbabilities(final ModelBundle bundle, final String name) throws IOException {
		final Path onnx = dir.resolve(name + ".onnx");
		OnnxFiles.export(bundle, onnx);
		assertTrue(Files.isRegularFile(OnnxFiles.descriptionOf(onnx)));
		final Preprocessing p = bundle.metadata().preprocessing();
		final Random random = new Random(5);
		final int n = 37;
		final float[] images = new float[n * p.pixelCount()];
		for (int i = 0; i < images.length; i++) images[i] = random.nextFloat() * (random.nextInt(4) == 0 ? 0 : 1);
		try (Classifier exported = ModelFiles.load(onnx)) {
			assertEquals(bundle.metadata().classNames(), exported.classNames());
			assertEquals(p, exported.preprocessing());
			final float[] expected = new NetworkClassifier(bundle).probabilities(images, n);
			assertArrayEquals(expected, exported.probabilities(images, n), 1e-5f, name);
		}
	}

	@Test
	void theBundledCnnGivesTheSameProbabilitiesThroughOnnxRuntime() throws IOException {
		assertSameProbabilities(ModelBundles.loadDefault(), "cnn");
	}

	@Test
	void aChannelsLastLeNetGivesTheSameProbabilities() throws IOException {
		final ModelBundle lenet = TinyModel.result().bundle();
		assertEquals(org.deeplearning4j.nn.conf.CNN2DFormat.NHWC, Layouts.of(lenet.network()), "LeNet trains channels-last");
		assertSameProbabilities(lenet, "lenet");
	}

	@Test
	void colourNetworksOfEitherKindGiveTheSameProbabilities() throws IOException {
		// 48 px: the CNN with one more block, whose 3x3 convolutions pad to keep the size.
		assertSameProbabilities(random(Architecture.CNN, 48), "cnn-colour");
		assertSameProbabilities(random(Architecture.LENET, 32), "lenet-colour");
	}

	/** A colour network with random weights and random batch-normalisation statistics. */
	static ModelBundle random(final Architecture architecture, final int size) {
		final Preprocessing p = Preprocessing.pictures(size, 3, new Preprocessing.Standardisation(List.of(1.0, 2.0, 3.0), List.of(4.0, 5.0, 6.0)));
		final List<String> classes = List.of("a", "b", "c", "d", "e");
		final MultiLayerNetwork network = new MultiLayerNetwork(architecture.configuration(p, classes.size(), new Adam(), 3));
		network.init();
		final Random random = new Random(9);
		for (int i = 0; i < network.getnLayers(); i++) {
			if (network.getLayerWiseConfigurations().getConf(i).getLayer() instanceof BatchNormalization) {
				for (final String key : List.of("mean", "log10stdev", "gamma", "beta")) {
					final float[] values = network.getParam(i + "_" + key).toFloatVector();
					for (int c = 0; c < values.length; c++) values[c] = (float) (random.nextGaussian() * 0.3);
					network.setParam(i + "_" + key, org.nd4j.linalg.factory.Nd4j.create(values, network.getParam(i + "_" + key).shape()));
				}
			}
		}
		final BundleMetadata metadata = new BundleMetadata(BundleMetadata.FORMAT, BundleMetadata.FORMAT_VERSION, classes, p, null, null,
			null, null, null, 0, "2026-11-25T00:00:00Z", ModelBundles.libraryVersion(), ModelBundles.dl4jVersion());
		return new ModelBundle(network, metadata);
	}

	@Test
	void evaluatingTheOnnxFileEqualsEvaluatingTheBundle() throws IOException {
		final Path onnx = dir.resolve("default.onnx");
		OnnxFiles.export(ModelBundles.loadDefault(), onnx);
		final EvaluationResult bundle = Evaluator.evaluate(new NetworkClassifier(ModelBundles.loadDefault()), Path.of("sample-data/test"));
		final EvaluationResult exported;
		try (Classifier model = ModelFiles.load(onnx)) {
			exported = Evaluator.evaluate(model, Path.of("sample-data/test"));
		}
		assertEquals(bundle.report().table().text(), exported.report().table().text());
		assertEquals(bundle.confusionTable().text(), exported.confusionTable().text());
		assertEquals(bundle.loss(), exported.loss(), 1e-5);
	}

	@Test
	void anOnnxFileWithoutItsDescriptionIsRefusedNamingIt() throws IOException {
		final Path onnx = dir.resolve("alone.onnx");
		OnnxFiles.export(ModelBundles.loadDefault(), onnx);
		Files.delete(OnnxFiles.descriptionOf(onnx));
		final String message = assertThrows(IOException.class, () -> ModelFiles.load(onnx)).getMessage();
		assertTrue(message.contains(onnx.toString()) && message.contains("alone.onnx.json"), message);
	}

	@Test
	void aFileThatIsNotOnnxIsRefusedNamingIt() throws IOException {
		final Path onnx = Files.writeString(dir.resolve("text.onnx"), "not a model");
		Files.writeString(OnnxFiles.descriptionOf(onnx), "{\"classNames\": [\"a\"], \"preprocessing\": {\"fit\": \"resize\"}}");
		final String message = assertThrows(IOException.class, () -> ModelFiles.load(onnx)).getMessage();
		assertTrue(message.contains(onnx.toString()) && message.contains("not an ONNX model"), message);
		assertFalse(message.isBlank());
	}
}
