package io.github.digitclassifier.model;

import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.github.digitclassifier.preprocess.Preprocessing;

/** A DL4J network as a {@link Classifier}, run channels-last (see {@link Layouts#channelsLast}). */
public final class NetworkClassifier implements Classifier {

	private final MultiLayerNetwork network;
	private final List<String> classNames;
	private final Preprocessing preprocessing;

	public NetworkClassifier(final ModelBundle bundle) {
		this(bundle.network(), bundle.metadata().classNames(), bundle.metadata().preprocessing());
	}

	/** A network whose outputs are {@code classNames}, of inputs prepared as {@code preprocessing} says. */
	public NetworkClassifier(final MultiLayerNetwork network, final List<String> classNames, final Preprocessing preprocessing) {
		this.network = Layouts.channelsLast(network);
		this.classNames = List.copyOf(classNames);
		this.preprocessing = preprocessing;
	}

	@Override
	public List<String> classNames() {
		return classNames;
	}

	@Override
	public Preprocessing preprocessing() {
		return preprocessing;
	}

	/** DL4J networks are not thread-safe, hence the lock. */
	@Override
	public float[] probabilities(final float[] images, final int n) {
		final Preprocessing p = preprocessing;
		synchronized (network) {
			final INDArray input = Nd4j.create(images, new long[] { n, p.channels(), p.height(), p.width() });
			return network.output(Layouts.forNetwork(input, network), false).ravel().toFloatVector();
		}
	}
}
