package io.github.digitclassifier.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.List;

import org.junit.jupiter.api.Test;

import ij.process.ImageProcessor;
import io.github.digitclassifier.model.EpochRecord;

/** The curves a person reads at a glance: loss and accuracy each on its own axis, both series in both, the best epoch marked. */
class TrainingPlotTest {

	private static final List<EpochRecord> HISTORY = List.of(new EpochRecord(1, 1.4, 0.62, 0.9, 0.7, 3),
		new EpochRecord(2, 0.8, 0.85, 0.45, 0.88, 3), new EpochRecord(3, 0.5, 0.93, 0.52, 0.86, 3), new EpochRecord(4, 0.4, 0.95, 0.6, 0.85, 3));

	@Test
	void lossAboveAccuracyEachWithBothSeries() {
		assertEquals(2, TrainingPlot.bestEpoch(HISTORY));
		final ImageProcessor curves = TrainingPlot.render(HISTORY);
		final int half = curves.getHeight() / 2;
		for (final int[] rows : new int[][] { { 0, half }, { half, curves.getHeight() } }) {
			assertTrue(count(curves, rows, TrainingPlot.TRAIN) > 50, "training curve missing");
			assertTrue(count(curves, rows, TrainingPlot.VALIDATION) > 20, "validation curve missing");
			assertTrue(count(curves, rows, TrainingPlot.BEST) > 10, "best epoch not marked");
		}
	}

	private static int count(final ImageProcessor image, final int[] rows, final Color colour) {
		int n = 0;
		for (int y = rows[0]; y < rows[1]; y++) {
			for (int x = 0; x < image.getWidth(); x++) if ((image.getPixel(x, y) & 0xffffff) == (colour.getRGB() & 0xffffff)) n++;
		}
		return n;
	}

	/** Writes the curves to a file, for a person to look at. */
	public static void main(final String[] args) throws Exception {
		javax.imageio.ImageIO.write(TrainingPlot.render(HISTORY).getBufferedImage(), "png", new java.io.File(args[0]));
	}
}
