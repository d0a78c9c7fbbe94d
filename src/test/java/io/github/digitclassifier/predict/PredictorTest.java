package io.github.digitclassifier.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.digitclassifier.SyntheticImages;
import io.github.digitclassifier.TinyModel;
import io.github.digitclassifier.data.ImageFiles;
import io.github.digitclassifier.data.SkippedFile;
import io.github.digitclassifier.runtime.dl4j.NetworkClassifier;

class PredictorTest {

	@TempDir
	Path dir;

	@Test
	void classifiesAFolderSkippingWhatIsNoImage() throws Exception {
		SyntheticImages.writeShapes(dir, 6, 11);
		Files.writeString(dir.resolve("circle/readme.txt"), "notes");
		Files.write(dir.resolve("cross/broken.png"), new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 1 });
		final Predictor predictor = new Predictor(new NetworkClassifier(TinyModel.result().bundle()));
		final FolderPredictions result = predictor.predictFolder(dir);
		assertEquals(24, result.predictions().size());
		assertEquals(List.of(dir.resolve("circle/readme.txt"), dir.resolve("cross/broken.png")),
			result.skipped().stream().map(SkippedFile::file).sorted().toList());
		assertTrue(result.skipped().get(1).reason().contains("broken.png"), result.skipped().toString());
		long right = 0;
		for (final FilePrediction p : result.predictions()) {
			assertTrue(p.file().matches("[a-z]+/[a-z]+\\d\\.png"), p.file());
			final double[] probabilities = p.prediction().probabilities();
			assertEquals(4, probabilities.length);
			assertEquals(1.0, java.util.Arrays.stream(probabilities).sum(), 1e-4);
			assertEquals(probabilities[p.prediction().classIndex()], p.prediction().confidence());
			if (p.file().startsWith(p.prediction().className() + "/")) right++;
		}
		assertTrue(right >= 18, right + " of 24 right");
		// One image alone gets what it got in the folder.
		final FilePrediction first = result.predictions().get(0);
		final Prediction alone = predictor.predict(ImageFiles.read(dir.resolve(first.file())));
		assertEquals(first.prediction().className(), alone.className());
		assertEquals(first.prediction().confidence(), alone.confidence(), 1e-5);
	}

	@Test
	void aFolderWithNothingToClassifyIsAnErrorNamingIt() throws Exception {
		final Predictor predictor = new Predictor(new NetworkClassifier(TinyModel.result().bundle()));
		final Path empty = Files.createDirectories(dir.resolve("empty"));
		Files.writeString(empty.resolve("notes.txt"), "no image");
		String message = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
			() -> predictor.predictFolder(empty)).getMessage();
		assertEquals("Folder " + empty + " holds no image (PNG, TIFF, JPEG, BMP or GIF), only 1 other file", message);
		final Path broken = Files.createDirectories(dir.resolve("broken"));
		Files.write(broken.resolve("a.png"), new byte[] { 1, 2, 3 });
		message = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> predictor.predictFolder(broken))
			.getMessage();
		assertTrue(message.startsWith("The one image in folder " + broken + " could not be read (" + broken.resolve("a.png")), message);
		// A folder reached through a link is classified like the folder itself.
		SyntheticImages.writeShapes(dir.resolve("real"), 2, 3);
		final Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("real"));
		assertEquals(8, predictor.predictFolder(link).predictions().size());
	}

	@Test
	void aFolderOfMoreThanOneBatchGivesWhatItsImagesGiveInMemory(@TempDir final Path dir) throws Exception {
		// 4 shapes x 260 images: two forward passes, the second of 16 images, and files read ahead in batches.
		SyntheticImages.writeShapes(dir, (Predictor.BATCH + 16) / 4, 11);
		final Predictor predictor = new Predictor(new NetworkClassifier(TinyModel.result().bundle()));
		final FolderPredictions folder = predictor.predictFolder(dir);
		assertEquals(Predictor.BATCH + 16, folder.predictions().size());
		final List<net.imglib2.RandomAccessibleInterval<? extends net.imglib2.type.numeric.RealType<?>>> images = new java.util.ArrayList<>();
		for (final FilePrediction p : folder.predictions()) images.add(ImageFiles.read(dir.resolve(p.file())));
		final List<Prediction> inMemory = predictor.predict(images);
		for (int i = 0; i < images.size(); i++) {
			assertEquals(inMemory.get(i).confidence(), folder.predictions().get(i).prediction().confidence(), 1e-6,
				folder.predictions().get(i).file());
		}
	}
}
