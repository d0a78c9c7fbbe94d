package io.github.digitclassifier.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.digitclassifier.SyntheticImages;
import io.github.digitclassifier.data.ClassFolders;
import io.github.digitclassifier.data.Dataset;
import io.github.digitclassifier.model.TrainingChoice;
import io.github.digitclassifier.preprocess.PreparedImages;
import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.preprocess.Preprocessor;

class InputChoicesTest {

	@TempDir
	Path dir;

	@Test
	void autoReadsHandwrittenDigitsAsDigits() throws Exception {
		final InputChoices.Chosen chosen = InputChoices.choose(ClassFolders.scan(Path.of("sample-data/train")), InputRequest.auto());
		assertEquals(Preprocessing.digits(), chosen.preprocessing());
		final TrainingChoice preprocessing = chosen.choices().get(0);
		assertEquals("digits", preprocessing.value());
		assertTrue(preprocessing.why().startsWith("auto: 100% of 300 sampled training images are ink on a plain background"),
			preprocessing.why());
		assertEquals(new TrainingChoice("size", "28", "auto: digits are read at MNIST's 28x28"), chosen.choices().get(1));
	}

	@Test
	void autoTakesPicturesThatFillTheirFrameWholeAndStandardisesThem() throws Exception {
		final Dataset textures = ClassFolders.scan(SyntheticImages.writeTextures(dir, 40, 5));
		final InputChoices.Chosen chosen = InputChoices.choose(textures, InputRequest.auto());
		assertEquals("resize", chosen.choices().get(0).value());
		final String why = chosen.choices().get(0).why();
		final int inkPercent = Integer.parseInt(why.substring("auto: ".length(), why.indexOf('%')));
		assertTrue(inkPercent < 10 && why.contains("% of 160 sampled training images are ink") && why.contains("fill their frame"), why);
		// Heights 28..36, some images wider: the median shorter side.
		final TrainingChoice size = chosen.choices().get(1);
		assertTrue(size.why().startsWith("auto: the sampled images' median shorter side is "), size.why());
		final Preprocessing p = chosen.preprocessing();
		assertEquals(Preprocessing.Fit.CENTER_CROP, p.fit());
		assertEquals(Integer.parseInt(size.value()), p.width());
		assertTrue(p.width() >= 28 && p.width() <= 36, "size " + p.width());

		final Preprocessing standardised = InputChoices.standardised(textures, p);
		// Grating means 70..180 and amplitudes 30..70 around them: a mean near 125 and a spread of tens.
		final double mean = standardised.standardisation().mean().get(0), std = standardised.standardisation().std().get(0);
		assertTrue(mean > 100 && mean < 150 && std > 25 && std < 80, "mean " + mean + ", std " + std);
		// Its inputs, over the training images, have mean 0 and standard deviation 1.
		final PreparedImages prepared = PreparedImages.prepare(textures, new Preprocessor(standardised));
		final float[] all = new float[prepared.size() * standardised.pixelCount()];
		for (int i = 0; i < prepared.size(); i++) prepared.copyTo(i, all, i * standardised.pixelCount());
		double sum = 0, squares = 0;
		for (final float v : all) {
			sum += v;
			squares += v * v;
		}
		assertEquals(0, sum / all.length, 1e-3);
		assertEquals(1, Math.sqrt(squares / all.length), 1e-3);
	}

	@Test
	void whatIsAskedForIsTakenAndSaidSo() throws Exception {
		final Dataset digits = ClassFolders.scan(Path.of("sample-data/train"));
		final InputChoices.Chosen chosen = InputChoices.choose(digits, new InputRequest(InputRequest.Mode.RESIZE, InputRequest.Channels.GREY, 40));
		assertEquals(List.of(new TrainingChoice("preprocessing", "resize", "asked for"), new TrainingChoice("size", "40", "asked for"),
			new TrainingChoice("channels", "grey", "asked for")), chosen.choices());
		assertEquals(40, chosen.preprocessing().width());
		assertEquals(Preprocessing.digits(48), InputChoices.choose(digits, new InputRequest(InputRequest.Mode.DIGITS, InputRequest.Channels.AUTO, 48)).preprocessing());
		assertEquals(34, Preprocessing.digits(48).fitSize()); // MNIST's 20/28 of the side
		final String message = assertThrows(IllegalArgumentException.class, () -> new InputRequest(InputRequest.Mode.AUTO, InputRequest.Channels.AUTO, 8)).getMessage();
		assertEquals("size must be 0 (auto) or between 16 and 128, not 8", message);
	}
}
