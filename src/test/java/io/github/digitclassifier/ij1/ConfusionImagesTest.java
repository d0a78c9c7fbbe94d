package io.github.digitclassifier.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import ij.gui.TextRoi;
import io.github.digitclassifier.TinyModel;
import io.github.digitclassifier.evaluate.EvaluationResult;
import io.github.digitclassifier.evaluate.Evaluator;
import io.github.digitclassifier.runtime.dl4j.NetworkClassifier;

class ConfusionImagesTest {

	@Test
	void cellsShowEachRowsShareAndCount() throws Exception {
		final EvaluationResult result = Evaluator.evaluate(new NetworkClassifier(TinyModel.result().bundle()), TinyModel.test());
		final ImagePlus image = ConfusionImages.of(result);
		final long[][] counts = result.confusionMatrix();
		assertEquals(4 * 32, image.getWidth());
		assertEquals(16, image.getOverlay().size());
		for (int actual = 0; actual < 4; actual++) {
			for (int predicted = 0; predicted < 4; predicted++) {
				// Each class has 15 test images: the cell's brightness is its share of them.
				assertEquals(counts[actual][predicted] / 15f, image.getProcessor().getf(predicted * 32 + 16, actual * 32 + 16), 1e-6f);
				assertEquals(Long.toString(counts[actual][predicted]),
					((TextRoi) image.getOverlay().get(actual * 4 + predicted)).getText().trim());
			}
		}
	}
}
