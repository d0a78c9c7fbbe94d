package io.github.digitclassifier.runtime.onnx;

import java.util.List;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.runtime.Classifier;

/**
 * An ONNX network run by ONNX Runtime, on all cores. Images go in as the network's input wants
 * them: {@code [n, c, h, w]}, {@code [n, h, w, c]} (Keras) or {@code [n, h, w]} (grey); a network
 * with a fixed batch size gets batches of that size. Outputs that are logits (or log-probabilities)
 * are turned into probabilities with a softmax.
 */
public final class OnnxClassifier implements Classifier {

	/** Where an image's channels are in the network's input. */
	enum Layout { CHANNELS_FIRST, CHANNELS_LAST, GREY }

	/** What the network's outputs are. */
	enum Scores { PROBABILITIES, LOGITS }

	/**
	 * Images per run when the network takes any batch size. ONNX Runtime's first runs of a large
	 * batch grow its memory arena, which slows a first classification down; runs of 64 barely grow
	 * it, and are no slower than large ones after (32 to 128 alike).
	 */
	static final int RUN_BATCH = 64;

	/** How far a row of probabilities may sum from 1. */
	private static final double SUM_TOLERANCE = 1e-3;

	private final OrtEnvironment environment;
	private final OrtSession session;
	private final String source;
	private final String input;
	private final Layout layout;
	/** The batch size the network was exported with, or 0 when any size goes. */
	private final int fixedBatch;
	private final Scores scores;
	private final List<String> classNames;
	private final Preprocessing preprocessing;

	OnnxClassifier(final OrtEnvironment environment, final OrtSession session, final String source, final String input,
		final Layout layout, final int fixedBatch, final Scores scores, final List<String> classNames, final Preprocessing preprocessing)
	{
		this.environment = environment;
		this.session = session;
		this.source = source;
		this.input = input;
		this.layout = layout;
		this.fixedBatch = fixedBatch;
		this.scores = scores;
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

	@Override
	public float[] probabilities(final float[] images, final int n) {
		final int size = preprocessing.pixelCount();
		final int classes = classNames.size();
		final float[] out = new float[n * classes];
		final int step = fixedBatch > 0 ? fixedBatch : RUN_BATCH;
		for (int from = 0; from < n; from += step) {
			final int count = Math.min(step, n - from);
			final int run = fixedBatch > 0 ? fixedBatch : count;
			final float[] chunk = new float[run * size]; // a fixed batch's tail is padded with zeros
			copyInLayout(images, from * size, count, chunk);
			final float[] result = run(chunk, run);
			System.arraycopy(result, 0, out, from * classes, count * classes);
		}
		for (int i = 0; i < n; i++) toProbabilities(out, i * classes, classes);
		return out;
	}

	/** Copies {@code count} images [c, h, w] into the network's layout. */
	private void copyInLayout(final float[] images, final int offset, final int count, final float[] chunk) {
		final int c = preprocessing.channels(), plane = preprocessing.width() * preprocessing.height();
		if (layout != Layout.CHANNELS_LAST || c == 1) {
			System.arraycopy(images, offset, chunk, 0, count * c * plane);
			return;
		}
		for (int i = 0; i < count; i++) {
			final int from = offset + i * c * plane, to = i * c * plane;
			for (int ch = 0; ch < c; ch++) {
				for (int p = 0; p < plane; p++) chunk[to + p * c + ch] = images[from + ch * plane + p];
			}
		}
	}

	private float[] run(final float[] chunk, final int batch) {
		final Preprocessing p = preprocessing;
		final long[] shape = switch (layout) {
			case CHANNELS_FIRST -> new long[] { batch, p.channels(), p.height(), p.width() };
			case CHANNELS_LAST -> new long[] { batch, p.height(), p.width(), p.channels() };
			case GREY -> new long[] { batch, p.height(), p.width() };
		};
		final float[] out;
		try {
			out = Sessions.run(environment, session, input, chunk, shape);
		}
		catch (final OrtException e) {
			throw new IllegalArgumentException("ONNX model " + source + " failed: " + e.getMessage(), e);
		}
		if (out.length != batch * classNames.size()) {
			throw new IllegalArgumentException("ONNX model " + source + " gave " + out.length + " scores for " + batch + " images of " +
				classNames.size() + " classes");
		}
		return out;
	}

	/** Softmax of logits in place; probabilities are checked to be probabilities. */
	private void toProbabilities(final float[] out, final int from, final int classes) {
		if (scores == Scores.LOGITS) {
			float max = Float.NEGATIVE_INFINITY;
			for (int c = 0; c < classes; c++) max = Math.max(max, out[from + c]);
			double sum = 0;
			for (int c = 0; c < classes; c++) sum += Math.exp(out[from + c] - max);
			for (int c = 0; c < classes; c++) out[from + c] = (float) (Math.exp(out[from + c] - max) / sum);
			return;
		}
		double sum = 0;
		boolean inRange = true;
		for (int c = 0; c < classes; c++) {
			sum += out[from + c];
			inRange &= out[from + c] >= 0 && out[from + c] <= 1;
		}
		if (!inRange || Math.abs(sum - 1) > SUM_TOLERANCE) {
			throw new IllegalArgumentException("ONNX model " + source + " gives outputs that are not class probabilities (a row sums to " +
				(float) sum + "): if they are logits, say \"scores\": \"logits\" in its description");
		}
	}

	@Override
	public void close() {
		try {
			session.close();
		}
		catch (final OrtException e) {
			throw new IllegalStateException("Could not close ONNX model " + source + ": " + e.getMessage(), e);
		}
	}
}
