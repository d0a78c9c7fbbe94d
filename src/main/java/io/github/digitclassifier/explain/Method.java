package io.github.digitclassifier.explain;

import io.github.digitclassifier.model.MacroValue;

/** How a prediction is explained: the values of the {@code method} key. */
public enum Method implements MacroValue {
	/** Whichever explains best where it can run: see {@link Explainers#create}. */
	AUTO,
	/** Grad-CAM (Selvaraju et al., 2017): a DL4J network's gradients at its last convolution. */
	GRADCAM,
	/** Occlusion (Zeiler and Fergus, 2014): patches of the image replaced by paper, for any model. */
	OCCLUSION;

	public static Method fromId(final String id) {
		return MacroValue.byId(values(), id, "method");
	}
}
