package io.github.digitclassifier.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.preprocess.Preprocessor;
import io.github.digitclassifier.runtime.Classifier;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Occlusion (Zeiler and Fergus, 2014) for any {@link Classifier}: square patches of the image
 * replaced by the paper around them, each occluded image prepared and classified again; a pixel's
 * heat is the mean drop of the predicted class's probability over the patches that covered it
 * (never below 0). Patches are an eighth of the image's longer side, half overlapping; where a few
 * of them carry the heat, their region is looked at again with patches an eighth of its side (up
 * to {@link #LEVELS} times), so that a small digit on a large page gets a map as fine as its
 * strokes without occluding the whole page finely. The heat is the mean over the levels; a region
 * a finer level did not look at adds nothing there, its coarser patches having dropped little.
 */
public final class Occlusion implements Explainer {

	/** Patches per side of the region looked at. */
	static final int PATCHES = 8;

	/** Levels of refinement at most. */
	static final int LEVELS = 3;

	/** A region is looked at again where the heat is at least this share of its largest. */
	static final float HOT = 0.2f;

	/** Patches this small (pixels) are not refined further. */
	static final int FINEST_PATCH = 4;

	/** Occluded images classified in one call. */
	static final int BATCH = 64;

	private final Classifier classifier;
	private final Preprocessor preprocessor;

	public Occlusion(final Classifier classifier) {
		this.classifier = classifier;
		this.preprocessor = new Preprocessor(classifier.preprocessing());
	}

	@Override
	public Explanation explain(final RandomAccessibleInterval<? extends RealType<?>> image) {
		final Pixels pixels = Pixels.of(image);
		final Predicted predicted = Predicted.of(classifier, preprocessor, pixels);
		final int w = pixels.width, h = pixels.height;
		// Every occluded image is prepared again: on a large page where the model sees a small part
		// (the digits recipe's crop to the ink), the part with a margin of its own size stands for
		// the page, when it is predicted alike; the paper beyond it gets no heat.
		final int[] seen = seen(predicted, pixels);
		if (seen[2] - seen[0] < w || seen[3] - seen[1] < h) {
			final Pixels part = pixels.crop(seen);
			final Predicted inPart = Predicted.of(classifier, preprocessor, part);
			if (inPart.index() == predicted.index()) {
				final float[] partHeat = heat(part, inPart);
				final float[] heat = new float[w * h];
				for (int y = 0; y < part.height; y++) System.arraycopy(partHeat, y * part.width, heat, (seen[1] + y) * w + seen[0], part.width);
				return predicted.explanation(Method.OCCLUSION.id(), heat, w, h, classifier);
			}
		}
		return predicted.explanation(Method.OCCLUSION.id(), heat(pixels, predicted), w, h, classifier);
	}

	/** What the model input samples of the image, grown by its own size on every side, within the image: {x0, y0, x1, y1}. */
	private int[] seen(final Predicted predicted, final Pixels pixels) {
		final Preprocessing p = classifier.preprocessing();
		final double x0 = predicted.placement().imageX(0), x1 = predicted.placement().imageX(p.width());
		final double y0 = predicted.placement().imageY(0), y1 = predicted.placement().imageY(p.height());
		final double gx = Math.abs(x1 - x0), gy = Math.abs(y1 - y0);
		return new int[] { (int) Math.max(0, Math.floor(Math.min(x0, x1) - gx)), (int) Math.max(0, Math.floor(Math.min(y0, y1) - gy)),
			(int) Math.min(pixels.width, Math.ceil(Math.max(x0, x1) + gx)), (int) Math.min(pixels.height, Math.ceil(Math.max(y0, y1) + gy)) };
	}

	/** The heat of every pixel of these pixels, refined where it is. */
	private float[] heat(final Pixels pixels, final Predicted predicted) {
		final int w = pixels.width, h = pixels.height;
		final float[] heat = new float[w * h];
		int[] region = { 0, 0, w, h };
		int levels = 0;
		while (true) {
			final int side = Math.max(region[2] - region[0], region[3] - region[1]);
			final int patch = Math.max(2, (side + PATCHES - 1) / PATCHES);
			final float[] level = occlude(pixels, region, patch, predicted);
			for (int i = 0; i < heat.length; i++) heat[i] += level[i];
			levels++;
			if (patch <= FINEST_PATCH || levels == LEVELS) break;
			final int[] hot = hotBox(level, w, h, patch / 2, region);
			if (hot == null || Math.max(hot[2] - hot[0], hot[3] - hot[1]) > 0.75 * side) break;
			region = hot;
		}
		for (int i = 0; i < heat.length; i++) heat[i] /= levels;
		return heat;
	}

	/** The box around the heat of at least {@link #HOT} of its largest, grown by {@code margin}, within {@code region}; null if no heat. */
	private static int[] hotBox(final float[] level, final int w, final int h, final int margin, final int[] region) {
		float max = 0;
		for (final float v : level) max = Math.max(max, v);
		if (max <= 0) return null;
		int x0 = w, y0 = h, x1 = -1, y1 = -1;
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				if (level[y * w + x] >= HOT * max) {
					x0 = Math.min(x0, x); x1 = Math.max(x1, x);
					y0 = Math.min(y0, y); y1 = Math.max(y1, y);
				}
			}
		}
		return new int[] { Math.max(region[0], x0 - margin), Math.max(region[1], y0 - margin), Math.min(region[2], x1 + 1 + margin),
			Math.min(region[3], y1 + 1 + margin) };
	}

	/** The mean drop of the class's probability over the patches covering each pixel of the region (0 outside it). */
	private float[] occlude(final Pixels pixels, final int[] region, final int patch, final Predicted predicted) {
		final int w = pixels.width, h = pixels.height;
		final int stride = Math.max(1, patch / 2);
		final List<int[]> patches = new ArrayList<>();
		for (int y = region[1] - patch + stride; y < region[3]; y += stride) {
			for (int x = region[0] - patch + stride; x < region[2]; x += stride) {
				patches.add(new int[] { Math.max(region[0], x), Math.max(region[1], y), Math.min(region[2], x + patch),
					Math.min(region[3], y + patch) });
			}
		}
		final int size = classifier.preprocessing().pixelCount(), classes = classifier.classNames().size();
		final double[] sum = new double[w * h];
		final int[] count = new int[w * h];
		for (int from = 0; from < patches.size(); from += BATCH) {
			final int n = Math.min(BATCH, patches.size() - from), first = from;
			final float[] inputs = new float[n * size];
			IntStream.range(0, n).parallel().forEach(k -> {
				final int[] p = patches.get(first + k);
				final float[] occluded = pixels.values.clone();
				final float[] paper = pixels.paperAround(p);
				for (int y = p[1]; y < p[3]; y++) for (int x = p[0]; x < p[2]; x++) pixels.remove(occluded, y * w + x, paper);
				preprocessor.prepareInto(pixels.image(occluded), inputs, k * size);
			});
			final float[] probabilities = classifier.probabilities(inputs, n);
			for (int k = 0; k < n; k++) {
				final int[] p = patches.get(first + k);
				final float drop = predicted.probability() - probabilities[k * classes + predicted.index()];
				for (int y = p[1]; y < p[3]; y++) {
					for (int x = p[0]; x < p[2]; x++) {
						sum[y * w + x] += drop;
						count[y * w + x]++;
					}
				}
			}
		}
		final float[] level = new float[w * h];
		for (int i = 0; i < level.length; i++) level[i] = count[i] == 0 ? 0 : (float) Math.max(0, sum[i] / count[i]);
		return level;
	}
}
