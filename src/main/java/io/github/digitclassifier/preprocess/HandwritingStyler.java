package io.github.digitclassifier.preprocess;

import java.util.SplittableRandom;

/**
 * Restyles a prepared digit (content bright on dark, 0..1) as another writer, pen or scanner would
 * have given it (see {@link HandwritingStyle}), and prepares it again as a scan of it would be:
 * cropped, fitted and centred by mass. Works on a canvas twice the input's size, so that thicker,
 * wider or slanted digits are not clipped before they are fitted again.
 */
final class HandwritingStyler {

	private final HandwritingStyle style;
	private final Preprocessor preprocessor;
	private final int size;
	private final int canvas;

	HandwritingStyler(final HandwritingStyle style, final Preprocessing input) {
		if (input.fit() != Preprocessing.Fit.CENTER_OF_MASS || input.channels() != 1) {
			throw new IllegalArgumentException("Handwriting styles apply to grey digit inputs only");
		}
		this.style = style;
		this.preprocessor = new Preprocessor(input);
		this.size = input.width();
		this.canvas = 2 * size;
	}

	/** Whether this image is restyled: the first draw of its random numbers. */
	boolean picks(final SplittableRandom random) {
		return style.share() > 0 && random.nextDouble() < style.share();
	}

	/** Whether this image gives way to a non-digit: the first draw of its random numbers. */
	boolean picksNonDigit(final SplittableRandom random) {
		return style.nonDigits() > 0 && random.nextDouble() < style.nonDigits();
	}

	/**
	 * Writes a non-digit made of two prepared digits into {@code target}: the two side by side,
	 * touching or overlapping a little, or a part (a third to two thirds, left or right) of the
	 * first; prepared again as a scan of it would be.
	 */
	void nonDigit(final float[] first, final float[] second, final float[] target, final int offset, final SplittableRandom random) {
		final int w = 3 * size;
		final float[] pixels = new float[w * size];
		final int[] a = box(first, size);
		// A part of a narrow digit (a 1) would still be a 1: those give pairs only.
		if (random.nextBoolean() || a[2] - a[0] + 1 < 0.5 * (a[3] - a[1] + 1)) {
			final int[] b = box(second, size);
			// The second starts where the first ends, moved left by up to a fifth of the size (overlap) or right by 1.
			final int dx = a[2] - b[0] + 1 - random.nextInt(-1, size / 5 + 1);
			paste(first, pixels, w, 0, 0, size);
			paste(second, pixels, w, Math.max(0, dx), 0, size);
		}
		else {
			final int width = a[2] - a[0] + 1;
			final int keep = Math.max(1, (int) Math.round(width * random.nextDouble(0.33, 0.67)));
			final boolean left = random.nextBoolean();
			paste(first, pixels, w, 0, left ? a[0] : a[2] - keep + 1, left ? a[0] + keep : a[2] + 1);
		}
		preprocessor.refit(pixels, w, size, target, offset);
	}

	/** Lays columns {@code from..to-1} of a digit onto a wider canvas, {@code dx} to the right, keeping the brighter. */
	private void paste(final float[] digit, final float[] canvas, final int w, final int dx, final int from, final int to) {
		for (int y = 0; y < size; y++) {
			for (int x = from; x < to; x++) {
				final int tx = x + dx;
				if (tx < w) canvas[y * w + tx] = Math.max(canvas[y * w + tx], digit[y * size + x]);
			}
		}
	}

	/** Writes the restyled digit into {@code target} at {@code offset}; {@code one}: it is a 1 (which may get a flag and a foot). */
	void restyle(final float[] source, final int sourceOffset, final float[] target, final int offset, final boolean one,
		final SplittableRandom random)
	{
		final int c = canvas, margin = (canvas - size) / 2;
		float[] pixels = new float[c * c];
		for (int y = 0; y < size; y++) System.arraycopy(source, sourceOffset + y * size, pixels, (y + margin) * c + margin, size);
		final double scale = size / 28.0; // styles are sized for the 28-pixel input
		if (one && random.nextDouble() < style.continentalOnes()) flagAndFoot(pixels, random);
		if (chance(random)) cutAtBorder(pixels, random);
		// Half thinner (a finer pen, by up to a pixel), half thicker, thick markers rarer than felt tips.
		final double u = random.nextDouble();
		pixels = strokes(pixels, (random.nextBoolean() ? -Math.min(1, style.strokeWidth()) * u : style.strokeWidth() * u * Math.sqrt(u)) * scale);
		if (chance(random)) binarise(pixels, random.nextDouble(0.25, 0.6));
		pixels = warp(pixels, random, scale);
		preprocessor.refit(pixels, c, c, target, offset);
		final float[] out = new float[size * size];
		System.arraycopy(target, offset, out, 0, out.length);
		if (chance(random)) lowerResolution(out, random.nextInt(8, 17));
		if (chance(random)) Gaussians.blur(out, size, size, random.nextDouble(0.3, 1.2) * scale, random.nextDouble(0.3, 1.2) * scale);
		if (chance(random)) ruledLine(out, random);
		stretchToOne(out);
		if (chance(random)) noise(out, random);
		System.arraycopy(out, 0, target, offset, out.length);
	}

	/**
	 * A 1 written with a flag from its top down to the left (a fifth to two fifths of its height,
	 * 35 to 60 degrees below the horizontal: flatter and longer, it reads as a 7)
	 * and for some of them ({@link #FOOT}) a foot across its bottom, in the 1's own stroke width.
	 */
	private void flagAndFoot(final float[] pixels, final SplittableRandom random) {
		final int[] box = box(pixels, canvas);
		final double height = box[3] - box[1] + 1;
		final boolean[] ink = new boolean[pixels.length];
		for (int i = 0; i < ink.length; i++) ink[i] = pixels[i] > 0.5f;
		final double half = Math.max(1, Strokes.width(ink, canvas, canvas)) / 2.0;
		final double topX = inkCentre(pixels, box[1], box), bottomX = inkCentre(pixels, box[3], box);
		final double length = height * random.nextDouble(0.2, 0.4), angle = Math.toRadians(random.nextDouble(35, 60));
		line(pixels, topX, box[1] + half, topX - length * Math.cos(angle), box[1] + half + length * Math.sin(angle), half);
		if (random.nextDouble() < FOOT) {
			final double foot = height * random.nextDouble(0.12, 0.25);
			line(pixels, bottomX - foot, box[3] - half, bottomX + foot, box[3] - half, half);
		}
	}

	/**
	 * Odds that a flagged 1 gets a foot too: with half of them, MNIST's 2s (whose base a foot
	 * resembles) were read as 1 several times as often.
	 */
	static final double FOOT = 0.2;

	/** The mean x of the ink in row {@code y} (within the box). */
	private double inkCentre(final float[] pixels, final int y, final int[] box) {
		double sum = 0, weight = 0;
		for (int x = box[0]; x <= box[2]; x++) {
			sum += x * pixels[y * canvas + x];
			weight += pixels[y * canvas + x];
		}
		return weight > 0 ? sum / weight : (box[0] + box[2]) / 2.0;
	}

	/** Draws a segment {@code half} pixels either side of its axis, its edge a pixel soft, keeping the brighter. */
	private void line(final float[] pixels, final double x0, final double y0, final double x1, final double y1, final double half) {
		final double dx = x1 - x0, dy = y1 - y0, length2 = Math.max(1e-9, dx * dx + dy * dy);
		final int left = (int) Math.floor(Math.min(x0, x1) - half - 1), right = (int) Math.ceil(Math.max(x0, x1) + half + 1);
		final int top = (int) Math.floor(Math.min(y0, y1) - half - 1), bottom = (int) Math.ceil(Math.max(y0, y1) + half + 1);
		for (int y = Math.max(0, top); y <= Math.min(canvas - 1, bottom); y++) {
			for (int x = Math.max(0, left); x <= Math.min(canvas - 1, right); x++) {
				final double t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / length2));
				final double distance = Math.hypot(x - x0 - t * dx, y - y0 - t * dy);
				final float value = (float) Math.max(0, Math.min(1, half + 0.5 - distance));
				pixels[y * canvas + x] = Math.max(pixels[y * canvas + x], value);
			}
		}
	}

	private boolean chance(final SplittableRandom random) {
		return random.nextDouble() < style.scanning();
	}

	/** Removes up to a sixth of the digit at one side: a digit that ran into its box border. */
	private void cutAtBorder(final float[] pixels, final SplittableRandom random) {
		final int[] box = box(pixels, canvas);
		final int side = random.nextInt(4);
		final boolean vertical = side < 2;
		final int extent = vertical ? box[2] - box[0] : box[3] - box[1];
		final int cut = 1 + random.nextInt(Math.max(1, extent / 6));
		for (int y = 0; y < canvas; y++) {
			for (int x = 0; x < canvas; x++) {
				final boolean gone = switch (side) {
					case 0 -> x < box[0] + cut;
					case 1 -> x > box[2] - cut;
					case 2 -> y < box[1] + cut;
					default -> y > box[3] - cut;
				};
				if (gone) pixels[y * canvas + x] = 0;
			}
		}
	}

	/** The content's bounds in a square of {@code side}: x0, y0, x1, y1 (the whole square when there is none). */
	private static int[] box(final float[] pixels, final int side) {
		final int[] box = Paper.contentBox(pixels, side, side);
		return box == null ? new int[] { 0, 0, side - 1, side - 1 } : box;
	}

	/**
	 * Thickens ({@code width > 0}) or thins strokes by about {@code width} pixels: whole steps of
	 * a 3x3 grey dilation or erosion, the fraction blended in.
	 */
	private float[] strokes(final float[] pixels, final double width) {
		final double steps = Math.abs(width) / 2; // one 3x3 step widens a stroke by 2 pixels
		float[] current = pixels;
		for (int k = 0; k < (int) steps; k++) current = Strokes.morph(current, canvas, canvas, width > 0);
		final double fraction = steps - (int) steps;
		if (fraction > 0) {
			final float[] next = Strokes.morph(current, canvas, canvas, width > 0);
			for (int i = 0; i < next.length; i++) next[i] = (float) (current[i] + fraction * (next[i] - current[i]));
			current = next;
		}
		return current;
	}

	private static void binarise(final float[] pixels, final double threshold) {
		for (int i = 0; i < pixels.length; i++) pixels[i] = pixels[i] > threshold ? 1f : 0f;
	}

	/**
	 * Slants, changes the aspect (or stretches the digit to a square) and warps it elastically:
	 * each output pixel samples the canvas at an affine map of itself about the content's centre
	 * plus a smooth random displacement.
	 */
	private float[] warp(final float[] pixels, final SplittableRandom random, final double scale) {
		final int c = canvas;
		final int[] box = box(pixels, canvas);
		final double cx = (box[0] + box[2]) / 2.0, cy = (box[1] + box[3]) / 2.0;
		final double shear = uniform(random, -style.slant(), style.slant());
		double sx, sy;
		if (random.nextDouble() < style.filled()) {
			// Stretched to a square: the sides grow to the longer one (a 1 becomes a block).
			final double w = box[2] - box[0] + 1, h = box[3] - box[1] + 1;
			sx = Math.max(w, h) / w;
			sy = Math.max(w, h) / h;
		}
		else {
			final double ratio = Math.exp(uniform(random, -style.aspect(), style.aspect()));
			sx = Math.sqrt(ratio);
			sy = 1 / sx;
		}
		final double amplitude = uniform(random, 0, style.elastic()) * scale;
		final float[] fx = displacement(random, amplitude, scale), fy = displacement(random, amplitude, scale);
		final float[] out = new float[c * c];
		for (int y = 0; y < c; y++) {
			for (int x = 0; x < c; x++) {
				// Inverse map: undo the scaling, then the shear (x' = x + shear * (y - cy)).
				final double v = (y - cy) / sy;
				final double u = (x - cx) / sx - shear * v;
				out[y * c + x] = Interpolations.zeroExtended(pixels, c, c, cx + u + fx[y * c + x], cy + v + fy[y * c + x]);
			}
		}
		return out;
	}

	/** A smooth random field with the given root-mean-square, or none. */
	private float[] displacement(final SplittableRandom random, final double amplitude, final double scale) {
		final float[] field = new float[canvas * canvas];
		if (amplitude <= 0) return field;
		for (int i = 0; i < field.length; i++) field[i] = (float) random.nextDouble(-1, 1);
		Gaussians.blur(field, canvas, canvas, 4 * scale, 4 * scale);
		double sum = 0;
		for (final float v : field) sum += v * v;
		final double rms = Math.sqrt(sum / field.length);
		if (rms > 0) for (int i = 0; i < field.length; i++) field[i] *= (float) (amplitude / rms);
		return field;
	}

	/** A digit scanned at {@code pixels} for its box: averaged down to that and back up (linear). */
	private void lowerResolution(final float[] pixels, final int boxPixels) {
		final double factor = (double) Math.round(size * 20 / 28.0) / boxPixels;
		final int small = Math.max(2, (int) Math.round(size / factor));
		final float[] down = new float[small * small];
		final float[] counts = new float[small * small];
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				final int i = Math.min(small - 1, (int) (y / factor)) * small + Math.min(small - 1, (int) (x / factor));
				down[i] += pixels[y * size + x];
				counts[i]++;
			}
		}
		for (int i = 0; i < down.length; i++) if (counts[i] > 0) down[i] /= counts[i];
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				pixels[y * size + x] = Interpolations.borderExtended(down, 0, small, small, (x + 0.5) / factor - 0.5, (y + 0.5) / factor - 0.5);
			}
		}
	}

	/** A faint to strong line, one or two pixels wide, across the input: a ruled line or box edge. */
	private void ruledLine(final float[] pixels, final SplittableRandom random) {
		final boolean horizontal = random.nextDouble() < 0.75;
		final int at = random.nextInt(size);
		final int width = random.nextInt(1, 3);
		final float strength = (float) random.nextDouble(0.2, 0.8);
		for (int k = at; k < Math.min(size, at + width); k++) {
			for (int i = 0; i < size; i++) {
				final int p = horizontal ? k * size + i : i * size + k;
				pixels[p] = Math.max(pixels[p], strength);
			}
		}
	}

	/** A uniform draw from {@code from..to}; {@code from} when the range is empty (a style switched off). */
	private static double uniform(final SplittableRandom random, final double from, final double to) {
		return to > from ? random.nextDouble(from, to) : from;
	}

	/** Stretches the brightest value back to 1, as preparing a scan does. */
	private static void stretchToOne(final float[] pixels) {
		float max = 0;
		for (final float v : pixels) max = Math.max(max, v);
		if (max > 0) for (int i = 0; i < pixels.length; i++) pixels[i] = Math.min(1f, pixels[i] / max);
	}

	/** Sensor noise and paper texture: Gaussian noise and sparse specks, clipped to 0..1. */
	private static void noise(final float[] pixels, final SplittableRandom random) {
		final double sigma = random.nextDouble(0.02, 0.1);
		for (int i = 0; i < pixels.length; i++) {
			double v = pixels[i] + sigma * random.nextGaussian();
			if (random.nextDouble() < 0.01) v = random.nextDouble(0.2, 0.6);
			pixels[i] = (float) Math.min(1, Math.max(0, v));
		}
	}
}
