package io.github.digitclassifier.read.sequence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.github.digitclassifier.backend.Backends;
import io.github.digitclassifier.exchange.OnnxExport;
import io.github.digitclassifier.runtime.onnx.Sessions;

/**
 * Reads strips of writing with a strip network ({@link StripNetworks}): each strip's frames, from
 * which its digits are read on the best path. The network runs in DL4J as trained, or in ONNX
 * Runtime as exported ({@link #onnx()}), which is how the bundled one runs: reading numbers then
 * needs no ND4J, whose start is slow.
 */
public final class StripReader implements AutoCloseable {

	/** The bundled strip network, trained on numbers made of MNIST's training digits (models/README.md). */
	public static final String BUNDLED = "/models/strip-reader-mnist.onnx";

	/** The ONNX model's output: each frame's scores (logits), [strip, symbol, 1, frame]. */
	static final String FRAMES = "frames";

	/** Strips of one width scored at a time. */
	private static final int BATCH = 32;

	private static Optional<StripReader> bundled;

	/** Scores a batch: {@code n} strips [n, 1, HEIGHT, width] row by row, to logits [n, SYMBOLS, 1, width / FRAME]. */
	private interface Scorer {
		float[] score(float[] input, int n, int width);
	}

	private final Scorer scorer;
	private final MultiLayerNetwork network; // null when it runs in ONNX Runtime
	private final OrtSession session; // null when it runs in DL4J
	private final int symbols;

	/** A reader running a DL4J strip network. */
	public StripReader(final MultiLayerNetwork network) {
		this.network = network;
		this.session = null;
		this.symbols = symbols(network);
		this.scorer = (input, n, width) -> {
			final INDArray out;
			synchronized (network) {
				out = network.output(Nd4j.create(input, new long[] { n, 1, Strip.HEIGHT, width }, 'c'), false);
			}
			return out.dup('c').data().asFloat();
		};
	}

	private StripReader(final OrtEnvironment environment, final OrtSession session, final String source, final int symbols) {
		this.network = null;
		this.session = session;
		this.symbols = symbols;
		this.scorer = (input, n, width) -> {
			try {
				return Sessions.run(environment, session, OnnxExport.INPUT, input, new long[] { n, 1, Strip.HEIGHT, width });
			}
			catch (final OrtException e) {
				throw new IllegalStateException("Strip network " + source + " failed: " + e.getMessage(), e);
			}
		};
	}

	/** Frees ONNX Runtime's session, if it runs in one; the bundled reader stays open for the session of the plugin. */
	@Override
	public void close() {
		if (session == null || bundled != null && bundled.orElse(null) == this) return;
		try {
			session.close();
		}
		catch (final OrtException e) {
			throw new IllegalStateException("Could not close strip network: " + e.getMessage(), e);
		}
	}

	/** A strip network over the ten digits exported to ONNX ({@link #onnx()}), run in ONNX Runtime. */
	public static StripReader onnx(final byte[] onnx, final String source) throws IOException {
		return onnx(onnx, source, StripNetworks.SYMBOLS);
	}

	/** A strip network of {@code symbols} scores per frame (the blank last) exported to ONNX, run in ONNX Runtime. */
	public static StripReader onnx(final byte[] onnx, final String source, final int symbols) throws IOException {
		return new StripReader(Sessions.environment(source), Sessions.open(onnx, source), source, symbols);
	}

	/** The scores per frame of a DL4J strip network: its last convolution's filters. */
	private static int symbols(final MultiLayerNetwork network) {
		return (int) network.getLayer(network.getnLayers() - 1).getParam("W").size(0);
	}

	/** Scores per frame: the alphabet's symbols and, last, the blank. */
	public int symbols() {
		return symbols;
	}

	/** A strip network from a file: ONNX ({@code .onnx}) or DL4J's zip. */
	public static StripReader load(final Path file) throws IOException {
		if (file.getFileName().toString().endsWith(".onnx")) return onnx(Files.readAllBytes(file), file.toString());
		Backends.prepare();
		return new StripReader(ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false));
	}

	/**
	 * The strip network that comes with the plugin, loaded once; empty where ONNX Runtime cannot
	 * start (touching digits are then cut apart).
	 */
	public static synchronized Optional<StripReader> bundled() {
		if (bundled == null) bundled = Sessions.bundled(BUNDLED, "strip network", StripReader::onnx);
		return bundled;
	}

	/** Saves a DL4J strip network as DL4J's zip. */
	public void save(final Path file) throws IOException {
		ModelSerializer.writeModel(dl4j(), file.toFile(), false);
	}

	/** A DL4J strip network as ONNX: any batch and width. */
	public byte[] onnx() {
		return onnx("the digits 0-9");
	}

	/** As {@link #onnx()}, its description naming the symbols scored ({@code what}). */
	public byte[] onnx(final String what) {
		return OnnxExport.onnx(dl4j(), new long[] { 1, Strip.HEIGHT, -1 }, FRAMES, new long[] { symbols, 1, -1 },
			"Digit Classifier strip network: scores of " + what + " and CTC's blank per 4 columns of a 32-row strip");
	}

	private MultiLayerNetwork dl4j() {
		if (network == null) throw new IllegalStateException("This strip network runs in ONNX Runtime; only a DL4J one can be saved");
		return network;
	}

	/**
	 * A strip's frames as the network scored them ({@code symbols} scores each, the blank last), to
	 * be read with or without a count of digits.
	 */
	public record Frames(float[] logits, int frames, int symbols) {

		/** Frames of the ten digits and the blank. */
		public Frames(final float[] logits, final int frames) {
			this(logits, frames, StripNetworks.SYMBOLS);
		}

		/** The digits on the best path. */
		public Ctc.Reading best() {
			return Ctc.bestPath(logits, frames, symbols);
		}

		/** The digits on the best path that spells exactly {@code count}; null when the frames are too few. */
		public Ctc.Reading best(final int count) {
			return Ctc.bestPath(logits, frames, symbols, count);
		}

		/**
		 * How likely each digit 0-9 is at the frame where the reading's {@code i}-th digit is
		 * likeliest (the blank left out).
		 */
		public double[] digitProbabilities(final Ctc.Reading reading, final int i) {
			final int peak = reading.peakFrames()[i];
			final double[] p = new double[symbols - 1];
			double max = Double.NEGATIVE_INFINITY, sum = 0;
			for (int d = 0; d < p.length; d++) max = Math.max(max, logits[peak * symbols + d]);
			for (int d = 0; d < p.length; d++) sum += p[d] = Math.exp(logits[peak * symbols + d] - max);
			for (int d = 0; d < p.length; d++) p[d] /= sum;
			return p;
		}
	}

	/**
	 * Each strip's frames, up to {@link #BATCH} strips of the same width at a time: padded to a
	 * wider neighbour, a strip's last frames would depend on which strips share its batch.
	 */
	public List<Frames> read(final List<Strip> strips) {
		final Frames[] frames = new Frames[strips.size()];
		final Integer[] order = IntStream.range(0, strips.size()).boxed().toArray(Integer[]::new);
		Arrays.sort(order, Comparator.comparingInt(i -> strips.get(i).width()));
		for (int from = 0, to; from < order.length; from = to) {
			final int width = strips.get(order[from]).width();
			to = from + 1;
			while (to < order.length && to - from < BATCH && strips.get(order[to]).width() == width) to++;
			final List<Integer> batch = Arrays.asList(order).subList(from, to);
			final float[] all = scorer.score(input(batch.stream().map(strips::get).toList(), width), batch.size(), width);
			final int count = width / Strip.FRAME;
			for (int k = 0; k < batch.size(); k++) frames[batch.get(k)] = new Frames(frameByFrame(all, k, count, count, symbols), count, symbols);
		}
		return List.of(frames);
	}

	/**
	 * The logits of strip {@code n}'s first {@code own} frames in the network's output [strip,
	 * symbol, 1, frame] of {@code frames} frames, frame by frame, symbol within frame.
	 */
	static float[] frameByFrame(final float[] output, final int n, final int frames, final int own, final int symbols) {
		final float[] logits = new float[own * symbols];
		for (int k = 0; k < symbols; k++) {
			for (int t = 0; t < own; t++) logits[t * symbols + k] = output[(n * symbols + k) * frames + t];
		}
		return logits;
	}

	/** Strips as one network input, [strip, 1, row, column] row by row, padded with empty columns to {@code width}. */
	static float[] input(final List<Strip> strips, final int width) {
		final float[] data = new float[strips.size() * Strip.HEIGHT * width];
		for (int n = 0; n < strips.size(); n++) {
			final Strip s = strips.get(n);
			for (int y = 0; y < Strip.HEIGHT; y++) System.arraycopy(s.pixels(), y * s.width(), data, (n * Strip.HEIGHT + y) * width, s.width());
		}
		return data;
	}
}
