package io.github.digitclassifier.explain;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import io.github.digitclassifier.runtime.Classifier;

/** The explainer a method names, for a model. */
public final class Explainers {

	/** What auto runs for a model with a DL4J network: chosen by the deletion figures (docs/explain.md, docs/benchmarks.md). */
	static final Method AUTO_WITH_NETWORK = Method.OCCLUSION;

	private Explainers() {}

	/**
	 * The explainer of {@code method} for {@code classifier}; {@code network} is the same model's DL4J
	 * network, null when it has none (an ONNX file, a bioimage.io package). Auto: occlusion for a
	 * model without a network, else {@link #AUTO_WITH_NETWORK}.
	 */
	public static Explainer create(final Method method, final Classifier classifier, final MultiLayerNetwork network) {
		final Method chosen = method != Method.AUTO ? method : network == null ? Method.OCCLUSION : AUTO_WITH_NETWORK;
		if (chosen == Method.GRADCAM) {
			if (network == null) {
				throw new IllegalArgumentException("method=gradcam needs a model bundle's network (its gradients); this model has none: " +
					"use method=occlusion or auto");
			}
			return new GradCam(network, classifier.classNames(), classifier.preprocessing());
		}
		return new Occlusion(classifier);
	}

	/** Whether the method may use the model's DL4J network (loading it costs time). */
	public static boolean needsNetwork(final Method method) {
		return method == Method.GRADCAM || method == Method.AUTO && AUTO_WITH_NETWORK == Method.GRADCAM;
	}
}
