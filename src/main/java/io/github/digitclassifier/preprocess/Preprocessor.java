package io.github.digitclassifier.preprocess;

import java.util.Arrays;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Turns any 2D grey image into a model input: intensities normalised to 0..1 (content bright),
 * placed and scaled as {@link Preprocessing} says, down-sampled without aliasing. The one path
 * for training, evaluation and prediction. Stateless, so one instance serves many threads.
 */
public final class Preprocessor {

	/** Normalised intensity above which a pixel counts as content when cropping. */
	static final float CONTENT_LEVEL = 0.2f;

	/** Content is told from noise after a blur of the image's size over this (images under 75 pixels are not blurred). */
	static final double DETECTION_BLUR_FRACTION = 150;

	private final Preprocessing settings;

	public Preprocessor(final Preprocessing settings) {
		this.settings = settings;
	}

	public Preprocessing settings() {
		return settings;
	}

	/** The prepared image, row by row, {@code width * height} values in 0..1. */
	public float[] prepare(final RandomAccessibleInterval<? extends RealType<?>> image) {
		final float[] out = new float[settings.pixelCount()];
		prepareInto(image, out, 0);
		return out;
	}

	public void prepareInto(final RandomAccessibleInterval<? extends RealType<?>> image, final float[] out, final int offset) {
		if (image.numDimensions() != 2) {
			throw new IllegalArgumentException("Expected a 2D image, got " + image.numDimensions() + " dimensions");
		}
		final int w = (int) image.dimension(0);
		final int h = (int) image.dimension(1);
		final float[] pixels = copyRows(image, w * h);
		if (!normalise(pixels, w, h)) {
			Arrays.fill(out, offset, offset + settings.pixelCount(), 0f);
			return;
		}
		if (settings.fit() == Preprocessing.Fit.RESIZE) {
			resize(pixels, w, h, out, offset);
			return;
		}
		final float[] detection = removeBackground(pixels, w, h);
		if (detection == null) Arrays.fill(out, offset, offset + settings.pixelCount(), 0f);
		else fitByCentreOfMass(pixels, detection, w, h, out, offset);
	}

	private static float[] copyRows(final RandomAccessibleInterval<? extends RealType<?>> image, final int size) {
		final float[] pixels = new float[size];
		final Cursor<? extends RealType<?>> cursor = Views.flatIterable(image).cursor();
		for (int i = 0; i < size; i++) pixels[i] = cursor.next().getRealFloat();
		return pixels;
	}

	/** Scales intensities to 0..1 with the content bright. Returns false for a flat image. */
	private boolean normalise(final float[] pixels, final int w, final int h) {
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
		for (final float v : pixels) {
			if (!Float.isFinite(v)) continue; // NaN and infinities (32-bit images) count as background
			if (v < min) min = v;
			if (v > max) max = v;
		}
		if (!(max > min)) return false; // flat, or nothing finite
		final boolean invert = switch (settings.inversion()) {
			case NEVER -> false;
			case ALWAYS -> true;
			case AUTO -> {
				final float border = borderMedian(pixels, w, h);
				yield border - min > max - border;
			}
		};
		final float range = max - min;
		for (int i = 0; i < pixels.length; i++) {
			final float v = Float.isFinite(pixels[i]) ? pixels[i] : min;
			pixels[i] = invert ? (max - v) / range : (v - min) / range;
		}
		return true;
	}

	/**
	 * Subtracts the background, a plane through the medians of the four borders (so that paper lit
	 * unevenly becomes flat), and stretches what is left to 0..1. Returns the map that tells content
	 * from background: the image blurred in proportion to its size, so that specks, grain and JPEG
	 * noise of a photograph do not count as content; null when nothing stands out.
	 */
	private static float[] removeBackground(final float[] pixels, final int w, final int h) {
		final float top = median(pixels, 0, 1, w);
		final float bottom = median(pixels, (h - 1) * w, 1, w);
		final float left = median(pixels, 0, w, h);
		final float right = median(pixels, w - 1, w, h);
		final double slopeX = w > 1 ? (right - left) / (w - 1.0) : 0;
		final double slopeY = h > 1 ? (bottom - top) / (h - 1.0) : 0;
		// The plane's value at the image centre: the mean of what each border says of it.
		final double centre = (top + bottom + left + right) / 4.0;
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				final double background = centre + slopeX * (x - (w - 1) / 2.0) + slopeY * (y - (h - 1) / 2.0);
				pixels[y * w + x] = (float) Math.max(0, pixels[y * w + x] - background);
			}
		}
		final float[] detection = pixels.clone();
		final double sigma = Math.max(w, h) / DETECTION_BLUR_FRACTION;
		if (sigma >= 0.5) Gaussians.blur(detection, w, h, sigma, sigma); // below, a blur changes next to nothing
		float max = 0;
		for (final float v : detection) max = Math.max(max, v);
		if (max <= 0) return null;
		for (int i = 0; i < pixels.length; i++) {
			pixels[i] = Math.min(1, pixels[i] / max);
			detection[i] /= max;
		}
		return detection;
	}

	/** The median of {@code count} values from {@code start}, {@code stride} apart. */
	private static float median(final float[] pixels, final int start, final int stride, final int count) {
		final float[] values = new float[count];
		for (int i = 0; i < count; i++) values[i] = pixels[start + i * stride];
		Arrays.sort(values);
		return values[count / 2];
	}

	private static float borderMedian(final float[] pixels, final int w, final int h) {
		final float[] border = new float[w * h == 1 ? 1 : 2 * w + 2 * Math.max(0, h - 2)];
		int n = 0;
		for (int x = 0; x < w; x++) {
			border[n++] = pixels[x];
			if (h > 1) border[n++] = pixels[(h - 1) * w + x];
		}
		for (int y = 1; y < h - 1; y++) {
			border[n++] = pixels[y * w];
			if (w > 1) border[n++] = pixels[y * w + w - 1];
		}
		final float[] used = Arrays.copyOf(border, n);
		Arrays.sort(used);
		return used[n / 2];
	}

	/** The MNIST recipe: crop to content, fit into the box, put the centre of mass in the middle. */
	private void fitByCentreOfMass(final float[] pixels, final float[] detection, final int w, final int h,
		final float[] out, final int offset)
	{
		int x0 = w, y0 = h, x1 = -1, y1 = -1;
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				if (detection[y * w + x] > CONTENT_LEVEL) {
					x0 = Math.min(x0, x); x1 = Math.max(x1, x);
					y0 = Math.min(y0, y); y1 = Math.max(y1, y);
				}
			}
		}
		final int cw = x1 - x0 + 1, ch = y1 - y0 + 1;
		final float[] crop = new float[cw * ch];
		double mass = 0, mx = 0, my = 0;
		for (int y = 0; y < ch; y++) {
			for (int x = 0; x < cw; x++) {
				final float v = pixels[(y + y0) * w + x + x0];
				crop[y * cw + x] = v;
				mass += v; mx += v * x; my += v * y;
			}
		}
		final double scale = (double) settings.fitSize() / Math.max(cw, ch);
		// Output pixel o samples the crop at c + (o - centre) / scale.
		final double step = 1 / scale;
		sample(crop, cw, ch, step, mx / mass - step * (settings.width() - 1) / 2.0, step,
			my / mass - step * (settings.height() - 1) / 2.0, out, offset);
	}

	private void resize(final float[] pixels, final int w, final int h, final float[] out, final int offset) {
		final double stepX = (double) w / settings.width();
		final double stepY = (double) h / settings.height();
		// Pixel centres line up: output o covers source [o * step, (o + 1) * step).
		sample(pixels, w, h, stepX, (stepX - 1) / 2, stepY, (stepY - 1) / 2, out, offset);
	}

	/**
	 * Fills the output with the source sampled at {@code x = stepX * ox + startX} (likewise y) by
	 * linear interpolation, after low-pass filtering the source where the step shrinks it.
	 */
	private void sample(final float[] source, final int w, final int h, final double stepX, final double startX,
		final double stepY, final double startY, final float[] out, final int offset)
	{
		final Shrunk shrunk = Shrunk.of(source, w, h, stepX, stepY);
		final int width = settings.width();
		for (int oy = 0; oy < settings.height(); oy++) {
			final double y = shrunk.toShrunkY(stepY * oy + startY);
			for (int ox = 0; ox < width; ox++) {
				final double x = shrunk.toShrunkX(stepX * ox + startX);
				final float v = Interpolations.zeroExtended(shrunk.pixels, shrunk.w, shrunk.h, x, y);
				out[offset + oy * width + ox] = Math.min(1f, Math.max(0f, v));
			}
		}
	}

	/**
	 * A source filtered for sampling at a coarser step: first averaged over whole blocks of
	 * pixels (exact anti-aliasing for whole factors, and cheap for huge images), then blurred by
	 * the Gaussian that the remaining factor needs.
	 */
	private record Shrunk(float[] pixels, int w, int h, int binX, int binY) {

		static Shrunk of(final float[] source, final int w, final int h, final double stepX, final double stepY) {
			final int binX = Math.max(1, Math.min(w, (int) Math.floor(stepX)));
			final int binY = Math.max(1, Math.min(h, (int) Math.floor(stepY)));
			final int bw = w / binX, bh = h / binY;
			// The source is the caller's own scratch copy: blurring it in place costs no copy.
			final float[] binned = binX == 1 && binY == 1 ? source : bin(source, w, binX, binY, bw, bh);
			Gaussians.blur(binned, bw, bh, antiAliasSigma(stepX / binX), antiAliasSigma(stepY / binY));
			return new Shrunk(binned, bw, bh, binX, binY);
		}

		private static float[] bin(final float[] source, final int w, final int binX, final int binY, final int bw, final int bh) {
			final float[] binned = new float[bw * bh];
			final float norm = 1f / (binX * binY);
			for (int y = 0; y < bh * binY; y++) {
				final int row = (y / binY) * bw;
				for (int x = 0; x < bw * binX; x++) binned[row + x / binX] += source[y * w + x] * norm;
			}
			return binned;
		}

		/** The blur that, on top of a pixel's own extent, leaves no detail finer than the step. */
		private static double antiAliasSigma(final double step) {
			return step <= 1 ? 0 : 0.5 * Math.sqrt(step * step - 1);
		}

		double toShrunkX(final double x) {
			return (x - (binX - 1) / 2.0) / binX;
		}

		double toShrunkY(final double y) {
			return (y - (binY - 1) / 2.0) / binY;
		}
	}
}
