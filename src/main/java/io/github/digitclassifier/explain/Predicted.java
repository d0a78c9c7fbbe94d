package io.github.digitclassifier.explain;

import io.github.digitclassifier.preprocess.Placement;
import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.preprocess.Preprocessor;
import io.github.digitclassifier.runtime.Classifier;

/** An image's prepared input, where it comes from, and the class predicted for it: what is explained. */
record Predicted(float[] prepared, Placement placement, int index, float probability) {

	static Predicted of(final Classifier classifier, final Preprocessor preprocessor, final Pixels pixels) {
		final float[] prepared = new float[classifier.preprocessing().pixelCount()];
		final Placement placement = preprocessor.prepareInto(pixels.image(), prepared, 0);
		final float[] probabilities = classifier.probabilities(prepared, 1);
		final int best = argmax(probabilities);
		return new Predicted(prepared, placement, best, probabilities[best]);
	}

	static int argmax(final float[] values) {
		int best = 0;
		for (int i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
		return best;
	}

	Explanation explanation(final String method, final float[] heat, final int w, final int h, final Classifier classifier) {
		final Preprocessing p = classifier.preprocessing();
		return new Explanation(method, heat, w, h, prepared, p.width(), p.height(), p.channels(), index,
			classifier.classNames().get(index), probability);
	}
}
