package io.github.digitclassifier.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.digitclassifier.SyntheticImages;
import io.github.digitclassifier.TinyModel;
import io.github.digitclassifier.data.ImageFiles;
import io.github.digitclassifier.exchange.OnnxFiles;
import io.github.digitclassifier.model.ModelBundle;
import io.github.digitclassifier.model.ModelBundles;
import io.github.digitclassifier.runtime.Classifier;
import io.github.digitclassifier.runtime.dl4j.NetworkClassifier;
import io.github.digitclassifier.runtime.load.ModelFiles;
import io.github.digitclassifier.train.InputRequest;
import io.github.digitclassifier.train.Trainer;
import io.github.digitclassifier.train.TrainingProgress;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

/** Explanations put their heat on what is written, not on the paper around it. */
class ExplainTest {

	/** The least share of the heat that must lie on the digit (its box grown by half its size: a fourteenth of the cluttered page). */
	static final double SHARE = 0.6;

	private static final Path SEVEN = Path.of("sample-data/test/7/test-00000.png");

	private static ModelBundle bundle;
	private static Pages.Page page;

	@TempDir
	static Path dir;

	@BeforeAll
	static void load() throws Exception {
		bundle = ModelBundles.loadDefault();
		page = Pages.cluttered(SEVEN, 480, 360, 250, 150, 2, 1);
	}

	private static void assertOnTheDigit(final Explanation e, final Pages.Page on, final String what) {
		final int[] a = on.around();
		final double share = e.shareWithin(a[0], a[1], a[2], a[3]);
		System.out.printf(Locale.ROOT, "%s: %s %.0f%% of the heat on the digit, class %s (%.2f)%n", what, e.method(), 100 * share,
			e.className(), e.probability());
		assertTrue(share > SHARE, what + ": only " + Math.round(100 * share) + "% of the heat on the digit");
		for (final float v : e.heat()) assertTrue(v >= 0);
		assertEquals(on.image().dimension(0) * on.image().dimension(1), e.heat().length);
	}

	@Test
	void occlusionOfTheBundledModelFindsTheDigit() {
		final Explanation e = new Occlusion(new NetworkClassifier(bundle)).explain(page.image());
		assertEquals("7", e.className());
		assertOnTheDigit(e, page, "bundled model");
	}

	@Test
	void gradCamOfTheBundledModelFindsTheDigit() {
		final Explanation e = new GradCam(bundle.network(), bundle.metadata().classNames(), bundle.metadata().preprocessing())
			.explain(page.image());
		assertEquals("7", e.className());
		assertOnTheDigit(e, page, "bundled model");
	}

	@Test
	void occlusionOfAnOnnxExportFindsTheDigit() throws Exception {
		final Path onnx = dir.resolve("mnist.onnx");
		OnnxFiles.export(bundle, onnx);
		try (Classifier model = ModelFiles.load(onnx)) {
			final Explanation e = new Occlusion(model).explain(page.image());
			assertEquals("7", e.className());
			assertOnTheDigit(e, page, "ONNX export");
		}
	}

	@Test
	void bothMethodsFindTheColourOfAColourModel() throws Exception {
		final Path train = SyntheticImages.writeColourTextures(dir.resolve("colour/train"), 30, 1);
		final Path test = SyntheticImages.writeColourTextures(dir.resolve("colour/test"), 10, 2);
		final ModelBundle colour = Trainer.train(train, test, InputRequest.auto(), TinyModel.RECIPE, TrainingProgress.NONE).bundle();
		assertEquals(3, colour.metadata().preprocessing().channels());
		final Path red = Files.list(test.resolve("red")).sorted().findFirst().orElseThrow();
		// Large enough that the model, trained on whole textures, still sees red rather than the grey paper.
		final Pages.Page on = Pages.colour(ImageFiles.read(red, 3), 3, 192, 144, 80, 30, 3);
		final Explanation occlusion = new Occlusion(new NetworkClassifier(colour)).explain(on.image());
		assertEquals("red", occlusion.className());
		assertOnTheDigit(occlusion, on, "colour model");
		final Explanation gradCam = new GradCam(colour.network(), colour.metadata().classNames(), colour.metadata().preprocessing())
			.explain(on.image());
		assertOnTheDigit(gradCam, on, "colour model");
		// Removed to its paper, a texture keeps its colour and so its class; removed to the training mean it loses both.
		final RandomAccessibleInterval<FloatType> texture = ImageFiles.read(red, 3);
		final float[] random = DeletionCurve.randomHeat((int) (texture.dimension(0) * texture.dimension(1)), 1);
		final NetworkClassifier model = new NetworkClassifier(colour);
		final double[] toPaper = DeletionCurve.curve(model, texture, random, occlusion.predicted(), 4, 1, DeletionCurve.Removal.PAPER);
		final double[] toMean = DeletionCurve.curve(model, texture, random, occlusion.predicted(), 4, 1);
		System.out.printf(Locale.ROOT, "colour model, all pixels removed: red %.2f to the paper, %.2f to the mean%n", toPaper[4], toMean[4]);
		assertTrue(toMean[4] < 0.5 && toMean[4] < toPaper[4], java.util.Arrays.toString(toMean) + " against " + java.util.Arrays.toString(toPaper));
	}

	@Test
	void aMapOfTheDigitDeletesFasterThanRandomOrder() {
		final NetworkClassifier model = new NetworkClassifier(bundle);
		final Explanation e = new Occlusion(model).explain(page.image());
		final double explained = DeletionCurve.area(DeletionCurve.curve(model, page.image(), e.heat(), e.predicted(), 20, 1));
		final double random = DeletionCurve.area(DeletionCurve.curve(model, page.image(),
			DeletionCurve.randomHeat(e.heat().length, 2), e.predicted(), 20, 1));
		assertTrue(explained < random, "deletion area " + explained + " against random " + random);
	}

	@Test
	void gradCamNeedsANetwork() {
		assertThrows(IllegalArgumentException.class, () -> Explainers.create(Method.GRADCAM, new NetworkClassifier(bundle), null));
		assertThrows(IllegalArgumentException.class, () -> Method.fromId("shap"));
	}
}
