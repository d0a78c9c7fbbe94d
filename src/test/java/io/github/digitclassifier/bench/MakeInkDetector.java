package io.github.digitclassifier.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import io.github.digitclassifier.NumberImages;
import io.github.digitclassifier.backend.Backends;
import io.github.digitclassifier.read.InkDetector;

/**
 * Trains the bundled ink detector ({@link InkDetector}) on {@link InkTrainingPages}: crops of
 * {@code size} px, a fresh batch each step, Adam annealed to 1/16 over the steps, a sigmoid's
 * cross-entropy per pixel (handwriting weighted twice, its faint edges not at all). Every 250 steps
 * it prints the pixel precision and recall on 64 pages drawn with another seed, and writes the ONNX
 * model so far. Stops after the steps or the minutes, whichever come first.
 * Arguments: digit class folders (data/mnist/train), output ONNX, output DL4J zip, steps, minutes,
 * batch, crop size, seed.
 */
public final class MakeInkDetector {

	static final float INK_WEIGHT = 2;

	public static void main(final String[] args) throws Exception {
		final NumberImages.Digits digits = NumberImages.Digits.load(Path.of(args[0]));
		final Path onnx = Path.of(args[1]), zip = Path.of(args[2]);
		final int steps = Integer.parseInt(args[3]);
		final double minutes = Double.parseDouble(args[4]);
		final int batch = Integer.parseInt(args[5]), size = Integer.parseInt(args[6]);
		final long seed = Long.parseLong(args[7]);
		final MultiLayerNetwork network = InkDetector.create(
			new Adam(new ExponentialSchedule(ScheduleType.ITERATION, 3e-3, Math.pow(1 / 16.0, 1.0 / steps))), seed);
		System.out.println("parameters " + network.numParams());
		final InkTrainingPages.Page[] check = pages(digits, seed + 1, 0, 64, size);
		final long start = System.nanoTime();
		double mean = 0;
		try (var blas = Backends.singleThreadedBlas()) {
			// The next batch is drawn while the network trains on this one.
			var next = java.util.concurrent.CompletableFuture.supplyAsync(() -> pages(digits, seed, 0, batch, size));
			for (int step = 0; step < steps; step++) {
				final InkTrainingPages.Page[] pages = next.join();
				final long following = (long) (step + 1) * batch;
				next = java.util.concurrent.CompletableFuture.supplyAsync(() -> pages(digits, seed, following, batch, size));
				final double loss = step(network, pages, step);
				mean = step == 0 ? loss : 0.98 * mean + 0.02 * loss;
				final double elapsed = (System.nanoTime() - start) / 60e9;
				if (step % 50 == 0) System.out.println(String.format(Locale.ROOT, "step %d loss %.4f (%.1f min)", step, mean, elapsed));
				final boolean last = step + 1 == steps || elapsed > minutes;
				if ((step + 1) % 250 == 0 || last) {
					System.out.println(String.format(Locale.ROOT, "step %d check: %s", step + 1, measure(network, check)));
					Files.write(onnx, InkDetector.onnx(network));
					ModelSerializer.writeModel(network, zip.toFile(), true);
				}
				if (last) break;
			}
		}
		System.out.println(String.format(Locale.ROOT, "RESULT minutes %.1f", (System.nanoTime() - start) / 60e9));
	}

	static InkTrainingPages.Page[] pages(final NumberImages.Digits digits, final long seed, final long first, final int count, final int size) {
		final InkTrainingPages.Page[] pages = new InkTrainingPages.Page[count];
		IntStream.range(0, count).parallel().forEach(i -> pages[i] = InkTrainingPages.page(digits, size, size,
			new Random(seed * 1_000_003L + first + i)));
		return pages;
	}

	private static INDArray input(final InkTrainingPages.Page[] pages) {
		final int w = pages[0].width(), h = pages[0].height(), cells = InkDetector.CHANNELS * InkDetector.cells(w) * InkDetector.cells(h);
		final float[] data = new float[pages.length * cells];
		for (int n = 0; n < pages.length; n++) {
			System.arraycopy(InkDetector.pack(InkDetector.input(pages[n].grey(), w, h), w, h), 0, data, n * cells, cells);
		}
		return Nd4j.create(data, new long[] { pages.length, InkDetector.CHANNELS, InkDetector.cells(h), InkDetector.cells(w) }, 'c');
	}

	static double step(final MultiLayerNetwork network, final InkTrainingPages.Page[] pages, final int iteration) {
		final int w = pages[0].width(), h = pages[0].height(), n = pages.length, cells = InkDetector.CHANNELS * InkDetector.cells(w) * InkDetector.cells(h);
		network.setInput(input(pages));
		final var activations = network.feedForward(true, false);
		final INDArray out = activations.get(activations.size() - 1);
		final float[] logits = out.dup('c').data().asFloat();
		final float[] error = new float[logits.length];
		double total = 0;
		for (int k = 0; k < n; k++) {
			final float[] target = InkDetector.pack(pages[k].target(), w, h);
			for (int i = 0; i < cells; i++) {
				final float t = target[i];
				if (t == InkTrainingPages.EDGE) continue;
				final double z = logits[k * cells + i], p = 1 / (1 + Math.exp(-z));
				final float weight = t > 0.5f ? INK_WEIGHT : 1;
				// Cross-entropy of the sigmoid, computed stably from the logit.
				total += weight * (Math.max(z, 0) - z * t + Math.log1p(Math.exp(-Math.abs(z))));
				error[k * cells + i] = (float) (weight * (p - t) / cells);
			}
		}
		final Pair<Gradient, INDArray> backward = network.backpropGradient(Nd4j.create(error, out.shape(), 'c'), LayerWorkspaceMgr.noWorkspaces());
		final Gradient g = backward.getFirst();
		network.getUpdater().update(network, g, iteration, 0, n, LayerWorkspaceMgr.noWorkspaces());
		network.params().subi(g.gradient());
		network.setIterationCount(iteration + 1);
		return total / (n * (double) cells);
	}

	/** Pixel precision and recall of the handwriting at logit 0 (probability 0.5), edges left out. */
	static String measure(final MultiLayerNetwork network, final InkTrainingPages.Page[] pages) {
		final int w = pages[0].width(), h = pages[0].height(), cells = InkDetector.CHANNELS * InkDetector.cells(w) * InkDetector.cells(h);
		final float[] logits = network.output(input(pages), false).dup('c').data().asFloat();
		long tp = 0, fp = 0, fn = 0;
		for (int k = 0; k < pages.length; k++) {
			final float[] target = InkDetector.pack(pages[k].target(), w, h);
			for (int i = 0; i < cells; i++) {
				final float t = target[i];
				if (t == InkTrainingPages.EDGE) continue;
				final boolean ink = logits[k * cells + i] > 0;
				if (ink && t > 0.5f) tp++;
				else if (ink) fp++;
				else if (t > 0.5f) fn++;
			}
		}
		return String.format(Locale.ROOT, "precision %.3f recall %.3f IoU %.3f", tp / (double) Math.max(1, tp + fp),
			tp / (double) Math.max(1, tp + fn), tp / (double) Math.max(1, tp + fp + fn));
	}

	private MakeInkDetector() {}
}
