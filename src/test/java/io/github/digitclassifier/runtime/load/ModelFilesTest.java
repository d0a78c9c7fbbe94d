package io.github.digitclassifier.runtime.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;

import io.github.digitclassifier.TinyModel;
import io.github.digitclassifier.exchange.OnnxFiles;
import io.github.digitclassifier.model.ModelBundle;
import io.github.digitclassifier.model.ModelBundles;
import io.github.digitclassifier.runtime.Classifier;
import io.github.digitclassifier.runtime.dl4j.NetworkClassifier;
import io.github.digitclassifier.runtime.onnx.OnnxClassifier;

/** Bundles classify through ONNX Runtime from the ONNX copy written when they are saved; through DL4J without one. */
class ModelFilesTest {

	@TempDir
	Path dir;

	private static float[] images(final int n) {
		final Random random = new Random(3);
		final float[] images = new float[n * 28 * 28];
		for (int i = 0; i < images.length; i++) images[i] = random.nextFloat();
		return images;
	}

	@Test
	void aSavedBundleHoldsItsNetworkAsOnnxAndClassifiesThroughOnnxRuntimeAsDl4jDoes() throws IOException {
		final ModelBundle bundle = TinyModel.result().bundle();
		final Path file = dir.resolve("model.zip");
		OnnxFiles.saveBundle(bundle, file);
		assertNotNull(ModelBundles.inferenceNetwork(file));
		try (Classifier model = ModelFiles.load(file)) {
			assertInstanceOf(OnnxClassifier.class, model);
			assertArrayEquals(new NetworkClassifier(bundle).probabilities(images(9), 9), model.probabilities(images(9), 9), 1e-5f);
		}
		try (Classifier bundled = ModelFiles.loadOrDefault(null)) {
			assertInstanceOf(OnnxClassifier.class, bundled, "the bundled model has its ONNX copy");
		}
	}

	@Test
	void aBundleWithoutItsOnnxCopyClassifiesThroughDl4jAndIsLeftAsItWas() throws IOException {
		final Path old = Path.of("src/test/resources/io/github/digitclassifier/model/format1-bundle.zip");
		assertNull(ModelBundles.inferenceNetwork(old));
		final byte[] before = Files.readAllBytes(old);
		try (Classifier model = ModelFiles.load(old)) {
			assertInstanceOf(NetworkClassifier.class, model, "loading exports nothing");
			assertArrayEquals(new NetworkClassifier(ModelBundles.load(old)).probabilities(images(5), 5), model.probabilities(images(5), 5), 1e-5f);
		}
		assertArrayEquals(before, Files.readAllBytes(old));
	}

	@Test
	void aNetworkTheExportDoesNotKnowClassifiesThroughDl4j() throws IOException {
		final ModelBundle lenet = TinyModel.result().bundle();
		final MultiLayerConfiguration configuration = lenet.network().getLayerWiseConfigurations().clone();
		((DenseLayer) configuration.getConf(4).getLayer()).setActivationFn(Activation.ELU.getActivationFunction());
		final MultiLayerNetwork elu = new MultiLayerNetwork(configuration);
		elu.init(lenet.network().params().dup(), false);
		final Path file = dir.resolve("elu.zip");
		OnnxFiles.saveBundle(new ModelBundle(elu, lenet.metadata()), file);
		assertNull(ModelBundles.inferenceNetwork(file));
		try (Classifier model = ModelFiles.load(file)) {
			assertInstanceOf(NetworkClassifier.class, model);
			assertArrayEquals(new NetworkClassifier(elu, lenet.metadata().classNames(), lenet.metadata().preprocessing())
				.probabilities(images(3), 3), model.probabilities(images(3), 3), 1e-6f);
		}
	}
}
