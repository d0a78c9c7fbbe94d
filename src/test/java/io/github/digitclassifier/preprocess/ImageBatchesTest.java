package io.github.digitclassifier.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import io.github.digitclassifier.data.ClassFolders;

class ImageBatchesTest {

	@Test
	void anEpochOfSeveralPassesShowsEveryImageThatOftenEachTimeAugmentedAnew() throws Exception {
		final PreparedImages images = PreparedImages.prepare(ClassFolders.scan(Path.of("sample-data/test")),
			new Preprocessor(Preprocessing.digits()));
		// Geometric changes only: non-digits (with every class alike as their label) are HandwritingStylerTest's.
		final Augmenter augmenter = new Augmenter(new Augmentation(10, 0.1, 0.1, false), Preprocessing.digits());
		final List<float[]> once = inputs(ImageBatches.epoch(images, 64, 10, augmenter, 42, 1, 1, false));
		final List<float[]> thrice = inputs(ImageBatches.epoch(images, 64, 10, augmenter, 42, 1, 3, false));
		assertEquals(200, once.size());
		assertEquals(600, thrice.size());
		// The first pass is the single-pass epoch itself: runs on large data sets stay as they were.
		for (int i = 0; i < once.size(); i++) assertArrayEquals(once.get(i), thrice.get(i));
		// Each image comes once per pass, its label with it; no two of its three versions are alike.
		final Map<Integer, Integer> perClass = new HashMap<>();
		try (ImageBatches batches = ImageBatches.epoch(images, 64, 10, augmenter, 42, 1, 3, false)) {
			while (batches.hasNext()) {
				final float[][] labels = batches.next().getLabels().toFloatMatrix();
				for (final float[] row : labels) {
					for (int c = 0; c < row.length; c++) if (row[c] == 1) perClass.merge(c, 1, Integer::sum);
				}
			}
		}
		for (int c = 0; c < 10; c++) assertEquals(60, perClass.get(c), "class " + c);
		final List<float[]> secondPass = thrice.subList(200, 400);
		for (final float[] a : once) for (final float[] b : secondPass) assertFalse(java.util.Arrays.equals(a, b));
	}

	private static List<float[]> inputs(final ImageBatches batches) {
		final List<float[]> all = new ArrayList<>();
		try (batches) {
			while (batches.hasNext()) {
				final DataSet batch = batches.next();
				final float[] features = batch.getFeatures().ravel().toFloatVector();
				for (int i = 0; i < batch.numExamples(); i++) {
					all.add(java.util.Arrays.copyOfRange(features, i * 784, (i + 1) * 784));
				}
			}
		}
		return all;
	}

	@Test
	void balancedEpochsDrawEveryClassAsOften() throws Exception {
		final java.nio.file.Path root = java.nio.file.Files.createTempDirectory("imbalanced");
		io.github.digitclassifier.SyntheticImages.writeShapes(root, 40, 3);
		for (int i = 4; i < 40; i++) java.nio.file.Files.delete(root.resolve("cross").resolve("cross" + i + ".png"));
		final PreparedImages images = PreparedImages.prepare(ClassFolders.scan(root), new Preprocessor(Preprocessing.digits()));
		final int[] drawn = new int[4];
		try (ImageBatches batches = ImageBatches.epoch(images, 16, 4, null, 1, 1, 20, true)) {
			while (batches.hasNext()) {
				for (final float[] row : batches.next().getLabels().toFloatMatrix()) {
					for (int c = 0; c < 4; c++) if (row[c] == 1) drawn[c]++;
				}
			}
		}
		// 124 images, 20 passes' worth of draws: about 620 a class, the 4 crosses among them too.
		assertEquals(124 * 20, java.util.Arrays.stream(drawn).sum());
		for (final int d : drawn) assertTrue(d > 520 && d < 720, java.util.Arrays.toString(drawn));
	}
}
