package io.github.digitclassifier.read.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.Adam;

import io.github.digitclassifier.NumberImages;
import io.github.digitclassifier.data.ImageFiles;
import io.github.digitclassifier.read.NumberStrips;
import io.github.digitclassifier.read.sequence.StripTraining.LabeledStrip;

/** The strip network learns real numbers (MNIST sample digits, touching) through DL4J with CTC's loss computed outside it. */
class StripTrainingTest {

	@TempDir
	Path dir;

	@Test
	void learnsToSpellTouchingNumbersAndReadsThemBackFromItsFilesInDl4jAndOnnxRuntime() throws IOException {
		final NumberImages.Digits digits = NumberImages.Digits.load(Path.of("sample-data/train"));
		final Random random = new Random(3);
		final List<LabeledStrip> batch = new ArrayList<>();
		while (batch.size() < 8) {
			final NumberImages.Sample sample = NumberImages.draw(digits, 1 + batch.size() % 4, NumberImages.Condition.TOUCHING,
				20 + random.nextInt(40), random.nextBoolean(), random);
			final var grey = ImageFiles.toFloat(sample.image());
			final Strip strip = NumberStrips.of(grey.update(null).getCurrentStorageArray(), (int) grey.dimension(0), (int) grey.dimension(1));
			batch.add(new LabeledStrip(strip, sample.text().chars().map(c -> c - '0').toArray()));
		}
		final var network = StripNetworks.create(new Adam(3e-3), 7);
		final double[] losses = new double[150];
		StripTraining.train(network, step -> batch, losses.length, (step, loss) -> {
			losses[step] = loss;
			return true;
		});
		assertTrue(losses[losses.length - 1] < 0.05 * losses[0], "loss from " + losses[0] + " to " + losses[losses.length - 1]);
		final Path zip = dir.resolve("strips.zip"), onnx = dir.resolve("strips.onnx");
		final StripReader trained = new StripReader(network);
		trained.save(zip);
		Files.write(onnx, trained.onnx());
		final List<Strip> strips = batch.stream().map(LabeledStrip::strip).toList();
		final List<StripReader.Frames> frames = StripReader.load(zip).read(strips);
		final StripReader inOnnxRuntime = StripReader.load(onnx);
		final List<StripReader.Frames> exported = inOnnxRuntime.read(strips);
		for (int i = 0; i < batch.size(); i++) {
			assertArrayEquals(batch.get(i).digits(), frames.get(i).best().symbols(), "strip " + i);
			assertArrayEquals(batch.get(i).digits(), frames.get(i).best(batch.get(i).digits().length).symbols(), "strip " + i + ", count given");
			// Strips of several widths: ONNX Runtime scores them as DL4J does.
			assertEquals(frames.get(i).frames(), exported.get(i).frames());
			final float[] a = frames.get(i).logits(), b = exported.get(i).logits();
			for (int k = 0; k < a.length; k++) assertEquals(a[k], b[k], 1e-3 * Math.max(1, Math.abs(a[k])), "strip " + i + ", logit " + k);
			// A strip reads the same alone as among wider ones: no padding of theirs reaches its frames.
			final float[] alone = inOnnxRuntime.read(List.of(strips.get(i))).get(0).logits();
			for (int k = 0; k < b.length; k++) assertEquals(b[k], alone[k], 1e-4 * Math.max(1, Math.abs(b[k])), "strip " + i + " alone, logit " + k);
		}
	}
}
