package io.github.digitclassifier.ij1;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import io.github.digitclassifier.model.EpochRecord;

/**
 * A training run's curves, redrawn after every epoch while it runs: loss above, accuracy below,
 * each on an axis of its own; training in blue with solid lines and circles, validation in orange
 * with dotted lines and squares, in both; the best epoch (lowest validation loss, whose weights are
 * kept) marked by a grey line.
 */
public final class TrainingPlot {

	static final Color TRAIN = new Color(31, 119, 180), VALIDATION = new Color(230, 110, 0), BEST = Color.GRAY;
	private static final int WIDTH = 520, HEIGHT = 260;

	private final List<EpochRecord> history = new ArrayList<>();
	private ImagePlus window;

	public void add(final EpochRecord record) {
		history.add(record);
		final ImageProcessor curves = render(history);
		if (window == null || window.getWindow() == null) {
			window = new ImagePlus("Training Curves", curves);
			window.show();
		}
		else {
			window.setProcessor(curves);
		}
	}

	/** Both plots, loss above accuracy, as one image. */
	public static ImageProcessor render(final List<EpochRecord> history) {
		final ImageProcessor loss = plot("Loss", "loss", history, EpochRecord::trainLoss, EpochRecord::validationLoss, false).getProcessor();
		final ImageProcessor accuracy = plot("Accuracy", "accuracy", history, EpochRecord::trainAccuracy, EpochRecord::validationAccuracy, true)
			.getProcessor();
		final ColorProcessor both = new ColorProcessor(Math.max(loss.getWidth(), accuracy.getWidth()), loss.getHeight() + accuracy.getHeight());
		both.setColor(Color.WHITE);
		both.fill();
		both.insert(loss.convertToRGB(), 0, 0);
		both.insert(accuracy.convertToRGB(), 0, loss.getHeight());
		return both;
	}

	/** The epoch whose weights training keeps: the first with the lowest validation loss. */
	static int bestEpoch(final List<EpochRecord> history) {
		EpochRecord best = null;
		for (final EpochRecord r : history) {
			if (best == null || r.validationLoss() < best.validationLoss()) best = r;
		}
		return best == null ? 0 : best.epoch();
	}

	static Plot plot(final String title, final String yLabel, final List<EpochRecord> history, final ToDoubleFunction<EpochRecord> train,
		final ToDoubleFunction<EpochRecord> validation, final boolean unitRange)
	{
		final int n = history.size();
		final double[] epochs = new double[n], trainValues = new double[n], validationValues = new double[n];
		double max = unitRange ? 1 : 0;
		for (int i = 0; i < n; i++) {
			epochs[i] = history.get(i).epoch();
			trainValues[i] = train.applyAsDouble(history.get(i));
			validationValues[i] = validation.applyAsDouble(history.get(i));
			if (!unitRange) max = Math.max(max, Math.max(finite(trainValues[i]), finite(validationValues[i])));
		}
		final Plot plot = new Plot(title, "epoch", yLabel);
		plot.setSize(WIDTH, HEIGHT);
		final double lastEpoch = Math.max(2, n);
		plot.setLimits(0.5, lastEpoch + 0.5, 0, max > 0 ? max * 1.05 : 1);
		plot.setColor(TRAIN, TRAIN);
		plot.setLineWidth(2);
		plot.addPoints(epochs, trainValues, Plot.CONNECTED_CIRCLES);
		plot.setColor(VALIDATION);
		plot.setLineWidth(1);
		plot.addPoints(epochs, validationValues, Plot.BOX);
		for (int i = 1; i < n; i++) plot.drawDottedLine(epochs[i - 1], validationValues[i - 1], epochs[i], validationValues[i], 4);
		plot.setLegend("train\tvalidation", Plot.AUTO_POSITION);
		final int best = bestEpoch(history);
		if (best > 0) {
			plot.setColor(BEST);
			plot.drawDottedLine(best, 0, best, max > 0 ? max * 1.05 : 1, 2);
			plot.addText("best", best, max > 0 ? max * 1.05 : 1);
		}
		return plot;
	}

	private static double finite(final double value) {
		return Double.isFinite(value) ? value : 0;
	}
}
