package io.github.digitclassifier.read.sequence;

import java.util.List;
import java.util.function.IntFunction;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a strip network with CTC's loss ({@link Ctc}): DL4J runs the network forward and back;
 * the loss and its gradient at the network's output are computed here, frame by frame, and fed to
 * DL4J's backward pass as the output's error (DL4J has no CTC loss for its layers).
 */
public final class StripTraining {

	/** A strip and the symbols written in it (digits, or indices into a reader's alphabet). */
	public record LabeledStrip(Strip strip, int[] digits) {}

	private StripTraining() {}

	/**
	 * Trains on {@code steps} batches ({@code batches.apply(step)}); {@code progress} hears each
	 * step's mean loss and may stop the training by answering false.
	 */
	public static void train(final MultiLayerNetwork network, final IntFunction<List<LabeledStrip>> batches, final int steps,
		final ProgressListener progress)
	{
		for (int step = 0; step < steps; step++) {
			final double loss = step(network, batches.apply(step), step);
			if (!progress.step(step, loss)) return;
		}
	}

	/** Hears the mean loss of each step; false stops the training. */
	public interface ProgressListener {
		boolean step(int step, double meanLoss);
	}

	/** One step of Adam (or the network's updater) on a batch; its mean loss over the strips the frames can spell. */
	public static double step(final MultiLayerNetwork network, final List<LabeledStrip> batch, final int iteration) {
		final List<Strip> strips = batch.stream().map(LabeledStrip::strip).toList();
		final int width = strips.stream().mapToInt(Strip::width).max().orElse(Strip.FRAME);
		network.setInput(Nd4j.create(StripReader.input(strips, width), new long[] { strips.size(), 1, Strip.HEIGHT, width }, 'c'));
		final List<INDArray> activations = network.feedForward(true, false);
		final INDArray out = activations.get(activations.size() - 1);
		final int n = batch.size(), symbols = (int) out.size(1), frames = (int) out.size(3);
		final float[] all = out.dup('c').data().asFloat();
		final float[] error = new float[all.length];
		final float[] gradient = new float[frames * symbols];
		double total = 0;
		int counted = 0;
		for (int i = 0; i < n; i++) {
			final int own = strips.get(i).width() / Strip.FRAME;
			// Each strip's own gradient: DL4J's updater divides their sum by the batch size.
			final double loss = Ctc.loss(StripReader.frameByFrame(all, i, frames, own, symbols), own, symbols, batch.get(i).digits(), gradient);
			if (Double.isFinite(loss)) {
				total += loss;
				counted++;
			}
			for (int k = 0; k < symbols; k++) {
				for (int t = 0; t < own; t++) error[(i * symbols + k) * frames + t] = gradient[t * symbols + k];
			}
		}
		final INDArray epsilon = Nd4j.create(error, out.shape(), 'c');
		final Pair<Gradient, INDArray> backward = network.backpropGradient(epsilon, LayerWorkspaceMgr.noWorkspaces());
		final Gradient g = backward.getFirst();
		network.getUpdater().update(network, g, iteration, 0, n, LayerWorkspaceMgr.noWorkspaces());
		network.params().subi(g.gradient());
		network.setIterationCount(iteration + 1);
		return counted == 0 ? Double.NaN : total / counted;
	}
}
