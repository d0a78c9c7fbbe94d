package io.github.digitclassifier.explain;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/** Explains a model's prediction for an image: a heat map of what drove it. Safe to call from several threads. */
public interface Explainer {

	/** The explanation of a grey image (2D) or one of red, green and blue planes (x, y, channel). */
	Explanation explain(RandomAccessibleInterval<? extends RealType<?>> image);
}
