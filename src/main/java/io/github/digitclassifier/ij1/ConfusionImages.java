package io.github.digitclassifier.ij1;

import java.awt.Color;
import java.awt.Font;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.TextRoi;
import ij.process.FloatProcessor;
import io.github.digitclassifier.evaluate.EvaluationResult;

/** The confusion matrix as a small image: rows actual, columns predicted, brightness the row share. */
public final class ConfusionImages {

	private static final int CELL = 32;

	private ConfusionImages() {}

	public static ImagePlus of(final EvaluationResult result) {
		final long[][] counts = result.confusionMatrix();
		final int n = counts.length;
		final FloatProcessor pixels = new FloatProcessor(n * CELL, n * CELL);
		final Overlay labels = new Overlay();
		final Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
		for (int actual = 0; actual < n; actual++) {
			long total = 0;
			for (final long c : counts[actual]) total += c;
			for (int predicted = 0; predicted < n; predicted++) {
				final float share = total == 0 ? 0 : (float) counts[actual][predicted] / total;
				pixels.setValue(share);
				pixels.setRoi(predicted * CELL, actual * CELL, CELL, CELL);
				pixels.fill();
				final TextRoi text = new TextRoi(predicted * CELL + 2, actual * CELL + 9, Long.toString(counts[actual][predicted]), font);
				text.setStrokeColor(share > 0.5 ? Color.BLACK : Color.WHITE);
				labels.add(text);
			}
		}
		pixels.resetRoi();
		pixels.setMinAndMax(0, 1);
		final ImagePlus image = new ImagePlus("Confusion Matrix (rows actual, columns predicted: " +
			String.join(" ", result.classNames()) + ")", pixels);
		image.setOverlay(labels);
		return image;
	}
}
