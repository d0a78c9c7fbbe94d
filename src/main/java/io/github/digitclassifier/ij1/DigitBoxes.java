package io.github.digitclassifier.ij1;

import java.awt.Color;
import java.util.List;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;
import io.github.digitclassifier.read.NumberReading;
import io.github.digitclassifier.read.ReadDigit;

/** The digits read, as boxes on the image's overlay (and in the ROI Manager when it is open). */
public final class DigitBoxes {

	/** Digits read with confidence. */
	static final Color SURE = Color.GREEN;

	/** Digits under {@code min_confidence}. */
	static final Color UNSURE = Color.RED;

	/** Names of the boxes start with this, so that reading again replaces them on the overlay. */
	static final String NAME = "number-digit ";

	private DigitBoxes() {}

	/**
	 * Adds a box per digit, on the stack slice {@code stackIndices.get(i)[0]} of reading {@code i}
	 * (all slices for a single image), moved by ({@code dx}, {@code dy}) (the selection's corner).
	 */
	public static void show(final ImagePlus image, final List<int[]> stackIndices, final List<NumberReading> readings,
		final int dx, final int dy)
	{
		Overlay overlay = image.getOverlay();
		if (overlay == null) overlay = new Overlay();
		for (int i = overlay.size() - 1; i >= 0; i--) {
			final String name = overlay.get(i).getName();
			if (name != null && name.startsWith(NAME)) overlay.remove(i);
		}
		final RoiManager manager = RoiManager.getInstance();
		for (int i = 0; i < readings.size(); i++) {
			final List<ReadDigit> digits = readings.get(i).digits();
			for (int d = 0; d < digits.size(); d++) {
				final ReadDigit digit = digits.get(d);
				final Roi box = new Roi(digit.x() + dx, digit.y() + dy, digit.width(), digit.height());
				box.setStrokeColor(digit.low() ? UNSURE : SURE);
				box.setName(String.format(java.util.Locale.ROOT, "%s%d-%d: %s (%.3f)", NAME, i + 1, d + 1, digit.className(), digit.confidence()));
				if (image.getStackSize() > 1) box.setPosition(stackIndices.get(i)[0]);
				overlay.add(box);
				if (manager != null) manager.addRoi((Roi) box.clone());
			}
		}
		image.setOverlay(overlay);
	}
}
