package io.github.digitclassifier.runtime.dl4j;

import java.util.Arrays;
import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.github.digitclassifier.backend.Backends;
import io.github.digitclassifier.model.Layouts;
import io.github.digitclassifier.model.ModelBundle;
import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.runtime.Classifier;

/** A DL4J network as a {@link Classifier}, run channels-last (see {@link Layouts#channelsLast}). */
public final class NetworkClassifier implements Classifier {

	private final MultiLayerNetwork network;
	private final List<String> classNames;
	private final Preprocessing preprocessing;
	/** Images per forward pass where the CPU needs a limit ({@link Backends#imagesPerPass}); else all given. */
	private final int imagesPerPass;

	public NetworkClassifier(final ModelBundle bundle) {
		this(bundle.network(), bundle.metadata().classNames(), bundle.metadata().preprocessing());
	}

	/** A network whose outputs are {@code classNames}, of inputs prepared as {@code preprocessing} says. */
	public NetworkClassifier(final MultiLayerNetwork network, final List<String> classNames, final Preprocessing preprocessing) {
		this(Layouts.channelsLast(network), classNames, preprocessing, -1);
	}

	/** With {@code imagesPerPass} images at most per forward pass; when negative, as many as this CPU runs best. */
	NetworkClassifier(final MultiLayerNetwork channelsLast, final List<String> classNames, final Preprocessing preprocessing,
		final int imagesPerPass)
	{
		this.network = channelsLast;
		this.classNames = List.copyOf(classNames);
		this.preprocessing = preprocessing;
		this.imagesPerPass = imagesPerPass >= 0 ? imagesPerPass :
			Backends.imagesPerPass(channelsLast, Layouts.inputType(channelsLast, preprocessing), Integer.MAX_VALUE);
	}

	@Override
	public List<String> classNames() {
		return classNames;
	}

	@Override
	public Preprocessing preprocessing() {
		return preprocessing;
	}

	@Override
	public float[] probabilities(final float[] images, final int n) {
		if (n <= imagesPerPass) return output(images, n);
		final int size = preprocessing.pixelCount(), classes = classNames.size();
		final float[] probabilities = new float[n * classes];
		for (int from = 0; from < n; from += imagesPerPass) {
			final int count = Math.min(imagesPerPass, n - from);
			final float[] pass = output(Arrays.copyOfRange(images, from * size, (from + count) * size), count);
			System.arraycopy(pass, 0, probabilities, from * classes, pass.length);
		}
		return probabilities;
	}

	/** One forward pass. DL4J networks are not thread-safe, hence the lock. */
	private float[] output(final float[] images, final int n) {
		final Preprocessing p = preprocessing;
		synchronized (network) {
			final INDArray input = Nd4j.create(images, new long[] { n, p.channels(), p.height(), p.width() });
			return network.output(Layouts.forNetwork(input, network), false).ravel().toFloatVector();
		}
	}
}
