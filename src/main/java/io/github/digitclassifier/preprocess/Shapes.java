package io.github.digitclassifier.preprocess;

import java.util.ArrayList;
import java.util.List;

import io.github.digitclassifier.model.ClassShape;

/** The shapes of digits, measured on prepared digit inputs (whose fit keeps each digit's aspect). */
public final class Shapes {

	private Shapes() {}

	/**
	 * Each class's ink aspect over the prepared images (up to 2,000 per class); an empty list
	 * for inputs that are not digits, or when a class has fewer than two images with ink.
	 */
	public static List<ClassShape> of(final PreparedImages images, final int classes) {
		final Preprocessing p = images.preprocessing();
		if (p.fit() != Preprocessing.Fit.CENTER_OF_MASS) return List.of();
		final double[] sum = new double[classes], squares = new double[classes];
		final int[] count = new int[classes];
		final float[] input = new float[p.pixelCount()];
		for (int i = 0; i < images.size(); i++) {
			final int c = images.classIndex(i);
			if (count[c] >= 2000) continue;
			images.copyTo(i, input, 0);
			final double aspect = aspect(input, p.width(), p.height());
			if (Double.isNaN(aspect)) continue;
			sum[c] += aspect;
			squares[c] += aspect * aspect;
			count[c]++;
		}
		final List<ClassShape> shapes = new ArrayList<>(classes);
		for (int c = 0; c < classes; c++) {
			if (count[c] < 2) return List.of(); // too few to measure: record none
			final double mean = sum[c] / count[c];
			shapes.add(new ClassShape(mean, Math.sqrt(Math.max(0, squares[c] / count[c] - mean * mean))));
		}
		return shapes;
	}

	/** Width over height of what is above the content level; NaN when nothing is. */
	public static double aspect(final float[] pixels, final int w, final int h) {
		final int[] box = Preprocessor.contentBox(pixels, w, h);
		return box == null ? Double.NaN : (box[2] - box[0] + 1.0) / (box[3] - box[1] + 1.0);
	}
}
