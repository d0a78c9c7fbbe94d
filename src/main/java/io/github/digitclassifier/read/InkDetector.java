package io.github.digitclassifier.read;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.github.digitclassifier.backend.Backends;
import io.github.digitclassifier.exchange.OnnxExport;
import io.github.digitclassifier.runtime.onnx.Sessions;

/**
 * Finds handwriting: a small fully convolutional network that gives every pixel of a grey image a
 * score (a logit) of being handwritten ink, against paper, security print, printed rules, boxes and
 * text, scanner margins and page edges. Trained on synthetic documents (models/README.md); runs in
 * ONNX Runtime on the whole image at its own resolution, which it sees in cells of 4x4 pixels.
 */
public final class InkDetector implements AutoCloseable {

	/** The bundled detector. */
	public static final String BUNDLED = "/models/ink-detector.onnx";

	/** The ONNX model's output: each pixel's logit, [image, 1, row, column]. */
	static final String LOGITS = "logits";

	/** The network sees the image in cells of this many pixels square, each cell's pixels as channels, and answers for each pixel. */
	public static final int PATCH = 4;

	/** Channels in and out: a cell's pixels. */
	public static final int CHANNELS = PATCH * PATCH;

	/** Images of more cells than this are scored in horizontal bands of about this many (with overlap). */
	private static final int BAND_CELLS = 1 << 16;

	/** Rows of cells each band reads beyond its own on either side: more than the network's reach (6 cells). */
	private static final int OVERLAP = 8;

	private static Optional<InkDetector> bundled;

	private final OrtEnvironment environment;
	private final OrtSession session;
	private final String source;

	private InkDetector(final OrtEnvironment environment, final OrtSession session, final String source) {
		this.environment = environment;
		this.session = session;
		this.source = source;
	}

	/** A detector exported to ONNX, run in ONNX Runtime. */
	public static InkDetector onnx(final byte[] onnx, final String source) throws IOException {
		return new InkDetector(Sessions.environment(source), Sessions.open(onnx, source), source);
	}

	/** The detector that comes with the plugin, loaded once; empty where ONNX Runtime cannot start. */
	public static synchronized Optional<InkDetector> bundled() {
		if (bundled == null) bundled = Sessions.bundled(BUNDLED, "ink detector", InkDetector::onnx);
		return bundled;
	}

	@Override
	public void close() {
		if (bundled != null && bundled.orElse(null) == this) return;
		try {
			session.close();
		}
		catch (final OrtException e) {
			throw new IllegalStateException("Could not close ink detector: " + e.getMessage(), e);
		}
	}

	/** Each pixel's logit of being handwriting, row by row, for a grey image given row by row. */
	public float[] logits(final float[] grey, final int w, final int h) {
		final int cw = cells(w), ch = cells(h);
		final float[] packed = pack(input(grey, w, h), w, h);
		final float[] out = new float[packed.length];
		final int rows = Math.max(1, BAND_CELLS / cw);
		for (int y0 = 0; y0 < ch; y0 += rows) {
			final int y1 = Math.min(ch, y0 + rows);
			final int from = Math.max(0, y0 - OVERLAP), to = Math.min(ch, y1 + OVERLAP);
			final float[] band = new float[CHANNELS * (to - from) * cw];
			for (int c = 0; c < CHANNELS; c++) System.arraycopy(packed, (c * ch + from) * cw, band, c * (to - from) * cw, (to - from) * cw);
			final float[] scored = run(band, cw, to - from);
			for (int c = 0; c < CHANNELS; c++) {
				System.arraycopy(scored, (c * (to - from) + y0 - from) * cw, out, (c * ch + y0) * cw, (y1 - y0) * cw);
			}
		}
		return unpack(out, w, h);
	}

	/** Cells of {@link #PATCH} pixels along a side of {@code size} pixels. */
	public static int cells(final int size) {
		return (size + PATCH - 1) / PATCH;
	}

	/**
	 * An image row by row as the network's input: {@link #CHANNELS} planes of
	 * {@code cells(h)} x {@code cells(w)}, channel {@code dy * PATCH + dx} holding each cell's
	 * pixel (dx, dy); 0 beyond the image.
	 */
	public static float[] pack(final float[] image, final int w, final int h) {
		final int cw = cells(w), ch = cells(h);
		final float[] packed = new float[CHANNELS * cw * ch];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) packed[((y % PATCH * PATCH + x % PATCH) * ch + y / PATCH) * cw + x / PATCH] = image[y * w + x];
		}
		return packed;
	}

	/** The inverse of {@link #pack}: the image's pixels row by row. */
	public static float[] unpack(final float[] packed, final int w, final int h) {
		final int cw = cells(w), ch = cells(h);
		final float[] image = new float[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) image[y * w + x] = packed[((y % PATCH * PATCH + x % PATCH) * ch + y / PATCH) * cw + x / PATCH];
		}
		return image;
	}

	private float[] run(final float[] input, final int w, final int h) {
		try {
			return Sessions.run(environment, session, OnnxExport.INPUT, input, new long[] { 1, CHANNELS, h, w });
		}
		catch (final OrtException e) {
			throw new IllegalStateException("Ink detector " + source + " failed: " + e.getMessage(), e);
		}
	}

	/**
	 * The network's input: the grey image turned so that ink is dark (as {@link Ink} tells the
	 * polarity: ink lies farther from the median than paper's other side), less its median, over
	 * its spread (the 2nd to 98th percentile, at least a twentieth of the median), so that any
	 * exposure and contrast look alike.
	 */
	public static float[] input(final float[] grey, final int w, final int h) {
		final int step = Math.max(1, grey.length / 50_000);
		final float[] sample = new float[(grey.length + step - 1) / step];
		int n = 0;
		for (int i = 0; i < grey.length; i += step) if (Float.isFinite(grey[i])) sample[n++] = grey[i];
		final float[] sorted = Arrays.copyOf(sample, Math.max(1, n));
		Arrays.sort(sorted);
		final float median = sorted[sorted.length / 2];
		final float low = sorted[(int) (0.005 * (sorted.length - 1))], high = sorted[(int) (0.995 * (sorted.length - 1))];
		final boolean dark = median - low > high - median;
		// At least a twentieth of the paper's level (in any units), so that a blank page's noise stays small; within +-8.
		final float spread = Math.max(Math.max(1e-6f, 0.05f * Math.abs(median)),
			sorted[(int) (0.98 * (sorted.length - 1))] - sorted[(int) (0.02 * (sorted.length - 1))]);
		final float[] input = new float[grey.length];
		for (int i = 0; i < grey.length; i++) {
			final float v = Float.isFinite(grey[i]) ? grey[i] : median;
			input[i] = Math.max(-8, Math.min(8, (dark ? v - median : median - v) / spread));
		}
		return input;
	}

	/**
	 * The network, for training: on cells of {@link #PATCH} x {@link #PATCH} pixels (each cell's
	 * pixels its channels, {@link #pack}), six 3x3 convolutions of 32 filters, each with batch
	 * normalisation (it sees 13 cells, 52 px, around each cell), and a 1x1 convolution to a logit for
	 * each of the cell's pixels. Convolutions only: it takes images of any size. On cells, it costs
	 * a sixteenth of what the same layers cost on pixels.
	 */
	public static MultiLayerNetwork create(final IUpdater updater, final long seed) {
		Backends.prepare();
		final NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
			.cacheMode(CacheMode.DEVICE)
			.seed(seed)
			.weightInit(WeightInit.RELU)
			.updater(updater)
			.convolutionMode(ConvolutionMode.Same)
			.list();
		for (int i = 0; i < 6; i++) {
			list.layer(new ConvolutionLayer.Builder(3, 3).stride(1, 1).nOut(32).activation(Activation.RELU).build());
			list.layer(new BatchNormalization.Builder().build());
		}
		list.layer(new ConvolutionLayer.Builder(1, 1).stride(1, 1).nOut(CHANNELS).activation(Activation.IDENTITY).build());
		final MultiLayerConfiguration conf = list.setInputType(InputType.convolutional(24, 24, CHANNELS)).build();
		final MultiLayerNetwork network = new MultiLayerNetwork(conf);
		network.init();
		return network;
	}

	/** A trained DL4J detector as ONNX: any image size. */
	public static byte[] onnx(final MultiLayerNetwork network) {
		return OnnxExport.onnx(network, new long[] { CHANNELS, -1, -1 }, LOGITS, new long[] { CHANNELS, -1, -1 },
			"Digit Classifier ink detector: a logit of handwritten ink per pixel, " + PATCH + "x" + PATCH + " pixels per cell as channels");
	}
}
