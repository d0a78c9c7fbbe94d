package io.github.digitclassifier.explain;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import io.github.digitclassifier.model.Classifier;

/** The explainer a method names, for a model. */
public final class Explainers {

	private Explainers() {}

	/**
	 * The explainer of {@code method} for {@code classifier}; {@code network} is the same model's DL4J
	 * network, null when it has none (an ONNX file, a bioimage.io package). Auto: see {@link #auto}.
	 */
	public static Explainer create(final Method method, final Classifier classifier, final MultiLayerNetwork network) {
		final Method chosen = method == Method.AUTO ? auto(network) : method;
		if (chosen == Method.GRADCAM) {
			if (network == null) {
				throw new IllegalArgumentException("method=gradcam needs a model bundle's network (its gradients); this model has none: " +
					"use method=occlusion or auto");
			}
			return new GradCam(network, classifier.classNames(), classifier.preprocessing());
		}
		return new Occlusion(classifier);
	}

	/** What auto runs: occlusion (see the README's Explain Prediction for the deletion figures that chose it). */
	static Method auto(final MultiLayerNetwork network) {
		return Method.OCCLUSION;
	}
}
