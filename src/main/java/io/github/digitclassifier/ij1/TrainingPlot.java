package io.github.digitclassifier.ij1;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import ij.gui.Plot;
import ij.gui.PlotWindow;
import io.github.digitclassifier.model.EpochRecord;

/** Loss and accuracy curves of a training run, redrawn after every epoch while it runs. */
public final class TrainingPlot {

	private final List<EpochRecord> history = new ArrayList<>();
	private PlotWindow window;

	public void add(final EpochRecord record) {
		history.add(record);
		final Plot plot = plot(history);
		if (window == null || !window.isVisible()) window = plot.show();
		else window.drawPlot(plot);
	}

	public static Plot plot(final List<EpochRecord> history) {
		final int n = history.size();
		final double[] epochs = new double[n], trainLoss = new double[n], validationLoss = new double[n];
		final double[] trainAccuracy = new double[n], validationAccuracy = new double[n];
		for (int i = 0; i < n; i++) {
			final EpochRecord r = history.get(i);
			epochs[i] = r.epoch();
			trainLoss[i] = r.trainLoss();
			validationLoss[i] = r.validationLoss();
			trainAccuracy[i] = r.trainAccuracy();
			validationAccuracy[i] = r.validationAccuracy();
		}
		final Plot plot = new Plot("Training Curves", "epoch", "loss / accuracy");
		plot.setColor(Color.BLUE);
		plot.addPoints(epochs, trainLoss, Plot.CONNECTED_CIRCLES);
		plot.setColor(Color.RED);
		plot.addPoints(epochs, validationLoss, Plot.CONNECTED_CIRCLES);
		plot.setColor(new Color(0, 120, 255));
		plot.addPoints(epochs, trainAccuracy, Plot.LINE);
		plot.setColor(new Color(200, 0, 0));
		plot.addPoints(epochs, validationAccuracy, Plot.LINE);
		plot.setLegend("train_loss\tvalidation_loss\ttrain_accuracy\tvalidation_accuracy", Plot.AUTO_POSITION);
		plot.setLimits(0.5, Math.max(2, n) + 0.5, 0, Math.max(1, max(trainLoss, validationLoss)));
		return plot;
	}

	private static double max(final double[] a, final double[] b) {
		double m = 0;
		for (int i = 0; i < a.length; i++) m = Math.max(m, Math.max(Double.isFinite(a[i]) ? a[i] : 0, Double.isFinite(b[i]) ? b[i] : 0));
		return m;
	}
}
