package io.github.digitclassifier.preprocess;

import java.util.Arrays;

import io.github.digitclassifier.data.ImageFiles;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Turns any grey or RGB image into a model input, placed and scaled as {@link Preprocessing} says,
 * down-sampled without aliasing: digits with their intensities normalised to 0..1 (content
 * bright), pictures with theirs as they are, standardised. The one path
 * for training, evaluation and prediction. One instance serves many threads: each thread works in
 * arrays of its own ({@link Scratch}).
 */
public final class Preprocessor {

	/** Normalised intensity above which a pixel counts as content when cropping. */
	static final float CONTENT_LEVEL = 0.2f;

	/** Content is told from noise after a blur of the image's size over this (images under 75 pixels are not blurred). */
	static final double DETECTION_BLUR_FRACTION = 150;

	private final Preprocessing settings;

	/**
	 * Work arrays reused from image to image, one set per thread. Preparing an MNIST digit allocated
	 * 16 KB, and while the heap grows each fresh page costs the kernel more than the work does.
	 */
	private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

	private static final class Scratch {

		/** Arrays up to this many values are kept for the next image; larger images get their own. */
		static final int KEEP = 1 << 20;

		private float[] pixels = new float[0];
		private float[] crop = new float[0];
		private boolean[] ink = new boolean[0];
		private int[] runs = new int[0];

		/** An array of exactly {@code n} values, contents undefined (they are indexed by length). */
		float[] pixels(final int n) {
			if (pixels.length == n) return pixels;
			final float[] a = new float[n];
			if (n <= KEEP) pixels = a;
			return a;
		}

		/** An array of at least {@code n} values, contents undefined. */
		float[] crop(final int n) {
			if (crop.length >= n) return crop;
			final float[] a = new float[n];
			if (n <= KEEP) crop = a;
			return a;
		}

		boolean[] ink(final int n) {
			if (ink.length < n) ink = new boolean[n];
			return ink;
		}

		int[] runs(final int n) {
			if (runs.length < n) runs = new int[n];
			return runs;
		}
	}

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

	/**
	 * Prepares a grey image (2D) or one of red, green and blue planes (x, y, channel) into
	 * {@code out} from {@code offset}: channel planes one after another. A grey image given to a
	 * colour model gives three equal planes; a colour one given to a grey model, its luminance.
	 * Returns where the input's pixels come from in the image; null when the input is empty (a
	 * flat image, or nothing stands out).
	 */
	public Placement prepareInto(final RandomAccessibleInterval<? extends RealType<?>> given, final float[] out, final int offset) {
		final int planes = given.numDimensions() == 2 ? 1 : given.numDimensions() == 3 ? (int) given.dimension(2) : -1;
		if (planes != 1 && planes != 3) {
			throw new IllegalArgumentException("Expected a grey (2D) or RGB image (three channels), got " +
				(planes < 0 ? given.numDimensions() + " dimensions" : planes + " channels"));
		}
		final RandomAccessibleInterval<? extends RealType<?>> image = withinDecodedSide(given);
		final long step = image == given ? 1 : (given.dimension(0) + image.dimension(0) - 1) / image.dimension(0);
		final Placement placement = prepareWithin(image, planes, out, offset);
		return placement == null || step == 1 ? placement : placement.subsampled(step);
	}

	private Placement prepareWithin(final RandomAccessibleInterval<? extends RealType<?>> image, final int planes, final float[] out,
		final int offset)
	{
		final int w = (int) image.dimension(0);
		final int h = (int) image.dimension(1);
		final float[] all = copyRows(image, SCRATCH.get().pixels(w * h * planes));
		final float[] grey = planes == 1 ? all : settings.channels() == 1 ? luminance(all, w * h) : null;
		if (settings.standardisation() != null) {
			final int channels = settings.channels();
			Placement placement = null;
			for (int c = 0; c < channels; c++) {
				// Each plane is a scratch copy of its own: preparing works in place.
				final float[] plane = grey == null ? Arrays.copyOfRange(all, c * w * h, (c + 1) * w * h) :
					c == channels - 1 ? grey : grey.clone();
				placement = preparePicture(plane, w, h, c, out, offset + c * settings.planeSize());
			}
			return placement;
		}
		final float[] pixels = grey != null ? grey : luminance(all, w * h);
		if (!normalise(pixels, w, h)) {
			Arrays.fill(out, offset, offset + settings.pixelCount(), 0f);
			return null;
		}
		if (settings.fit() == Preprocessing.Fit.RESIZE) return resize(pixels, w, h, out, offset);
		final float[] detection = removeBackground(pixels, w, h);
		if (detection == null) {
			Arrays.fill(out, offset, offset + settings.pixelCount(), 0f);
			return null;
		}
		final Placement placement = fitByCentreOfMass(pixels, contentBox(detection, w, h), w, h, out, offset);
		final Placement thinned = settings.maxStroke() > 0 ? thinStrokes(out, offset) : null;
		return thinned == null ? placement : placement.then(thinned);
	}

	/**
	 * Every n-th pixel of an image wider or higher than image files are decoded, as they are
	 * subsampled: an image open in ImageJ gives what its file gives, and no copy of it all is made.
	 */
	private static RandomAccessibleInterval<? extends RealType<?>> withinDecodedSide(final RandomAccessibleInterval<? extends RealType<?>> image) {
		final long side = Math.max(image.dimension(0), image.dimension(1));
		if (side <= ImageFiles.MAX_DECODED_SIDE) return image;
		final long step = (side + ImageFiles.MAX_DECODED_SIDE - 1) / ImageFiles.MAX_DECODED_SIDE;
		return image.numDimensions() == 2 ? Views.subsample(image, step) : Views.subsample(image, step, step, 1);
	}

	/**
	 * A grey image's pixels row by row, or the luminance of red, green and blue planes (x, y,
	 * channel): what is read where colour does not matter.
	 */
	public static float[] grey(final RandomAccessibleInterval<? extends RealType<?>> image) {
		final int plane = (int) (image.dimension(0) * image.dimension(1));
		if (image.numDimensions() == 2) return copyRows(image, new float[plane]);
		if (image.numDimensions() == 3 && image.dimension(2) == 3) return luminance(copyRows(image, new float[3 * plane]), plane);
		throw new IllegalArgumentException("Expected a grey (2D) or RGB image (three channels), got " + image.numDimensions() + " dimensions");
	}

	/** Copies the image's pixels row by row into {@code pixels}, which has its size (preparing works in place). */
	private static float[] copyRows(final RandomAccessibleInterval<? extends RealType<?>> image, final float[] pixels) {
		// What image files decode to: the array itself.
		if (image instanceof ArrayImg<?, ?> array && array.update(null) instanceof FloatArray floats &&
			floats.getCurrentStorageArray().length == pixels.length)
		{
			System.arraycopy(floats.getCurrentStorageArray(), 0, pixels, 0, pixels.length);
			return pixels;
		}
		final Cursor<? extends RealType<?>> cursor = Views.flatIterable(image).cursor();
		for (int i = 0; i < pixels.length; i++) pixels[i] = cursor.next().getRealFloat();
		return pixels;
	}

	/** The weighted luminance of red, green and blue planes, as image files get it. */
	static float[] luminance(final float[] rgb, final int plane) {
		final float[] grey = new float[plane];
		for (int i = 0; i < plane; i++) grey[i] = 0.299f * rgb[i] + 0.587f * rgb[plane + i] + 0.114f * rgb[2 * plane + i];
		return grey;
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
		final float paper = borderMedian(pixels, w, h);
		// A border that ink runs along (a 2's base filling the bottom row) says nothing of the paper.
		final float top = paperSide(median(pixels, 0, 1, w), paper);
		final float bottom = paperSide(median(pixels, (h - 1) * w, 1, w), paper);
		final float left = paperSide(median(pixels, 0, w, h), paper);
		final float right = paperSide(median(pixels, w - 1, w, h), paper);
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
		final double sigma = Math.max(w, h) / DETECTION_BLUR_FRACTION;
		// Below 0.5 a blur changes next to nothing, and the map is the image itself.
		final boolean blurred = sigma >= 0.5;
		final float[] detection = blurred ? pixels.clone() : pixels;
		if (blurred) Gaussians.blur(detection, w, h, sigma, sigma);
		float max = 0;
		for (final float v : detection) max = Math.max(max, v);
		if (max <= 0) return null;
		for (int i = 0; i < pixels.length; i++) {
			pixels[i] = Math.min(1, pixels[i] / max);
			if (blurred) detection[i] /= max;
		}
		return detection;
	}

	/**
	 * Within this much (of the 0..1 range) of the whole border's median, a side's median is taken
	 * as the paper there (lighting may differ from side to side); farther, ink runs along that side.
	 */
	static final float SIDE_TOLERANCE = 0.25f;

	private static float paperSide(final float side, final float paper) {
		return Math.abs(side - paper) <= SIDE_TOLERANCE ? side : paper;
	}

	/** The median of {@code count} values from {@code start}, {@code stride} apart. */
	private static float median(final float[] pixels, final int start, final int stride, final int count) {
		final float[] values = new float[count];
		for (int i = 0; i < count; i++) values[i] = pixels[start + i * stride];
		Arrays.sort(values);
		return values[count / 2];
	}

	private static float borderMedian(final float[] pixels, final int w, final int h) {
		final float[] border = borderValues(pixels, w, h);
		Arrays.sort(border);
		return border[border.length / 2];
	}

	/** The pixels along an image's edge (each once; a one-pixel image's only pixel). */
	static float[] borderValues(final float[] pixels, final int w, final int h) {
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
		return n == border.length ? border : Arrays.copyOf(border, n);
	}

	/**
	 * The bounds (x0, y0, x1, y1, inclusive) of what is above the content level in an image of
	 * normalised intensities given row by row; null when nothing is.
	 */
	static int[] contentBox(final float[] pixels, final int w, final int h) {
		int x0 = w, y0 = h, x1 = -1, y1 = -1;
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				if (pixels[y * w + x] > CONTENT_LEVEL) {
					x0 = Math.min(x0, x); x1 = Math.max(x1, x);
					y0 = Math.min(y0, y); y1 = Math.max(y1, y);
				}
			}
		}
		return x1 < 0 ? null : new int[] { x0, y0, x1, y1 };
	}

	/**
	 * The share of a digit's ink that thinning may erase: an erosion's corners and grey edges. A step
	 * that erases more took a stroke thinner than the rest: a bold 9's tail, a bold 8's lower loop.
	 */
	static final double MAX_ERASED = 0.05;

	/**
	 * Thins a prepared digit whose strokes are wider than {@link Preprocessing#maxStroke()}: whole
	 * steps of grey erosion (2 pixels each), then fitted and centred again. A step after which
	 * dilating as often does not give back all but {@link #MAX_ERASED} of the ink (a morphological
	 * opening) erased a thin part and is not taken: the part left, fitted again, became a blob or a
	 * sliver. On the MNIST validation images the bundled model read more digits with that rule than
	 * with the rule before it (the box's sides moving no more than the erosion's pixels); a
	 * {@link #MAX_ERASED} of 3% or less read no more of them, and fewer of the UCI digits.
	 */
	private Placement thinStrokes(final float[] out, final int offset) {
		final int w = settings.width(), h = settings.height();
		final Scratch scratch = SCRATCH.get();
		final boolean[] ink = scratch.ink(w * h);
		for (int i = 0; i < w * h; i++) ink[i] = out[offset + i] > 0.5f;
		final int steps = (int) Math.round((Strokes.width(ink, w, h, scratch.runs(w * h)) - settings.maxStroke()) / 2.0);
		return steps > 0 ? thin(out, offset, ink, steps) : null;
	}

	/**
	 * Takes up to {@code steps} erosion steps of the digit at {@code offset}. A method of its own: few
	 * digits are thinned, and compiled into the caller this path made the JIT compile the caller
	 * again and again while importing.
	 */
	private Placement thin(final float[] out, final int offset, final boolean[] ink, final int steps) {
		final int w = settings.width(), h = settings.height();
		float[] digit = Arrays.copyOfRange(out, offset, offset + w * h);
		int[] box = null;
		for (int k = 1; k <= steps; k++) {
			final float[] thinner = Strokes.morph(digit, w, h, false);
			final int[] b = contentBox(thinner, w, h);
			if (b == null || erased(ink, thinner, k, w, h) > MAX_ERASED) break;
			digit = thinner;
			box = b;
		}
		return box != null ? fitByCentreOfMass(digit, box, w, h, out, offset) : null; // else no step taken: left as it was
	}

	/** The share of the {@code ink} that {@code steps} erosions erased: where dilating {@code eroded} as often gives no ink back. */
	private static double erased(final boolean[] ink, final float[] eroded, final int steps, final int w, final int h) {
		float[] opened = eroded;
		for (int k = 0; k < steps; k++) opened = Strokes.morph(opened, w, h, true);
		int inked = 0, lost = 0;
		for (int i = 0; i < w * h; i++) {
			if (ink[i]) {
				inked++;
				if (opened[i] <= 0.5f) lost++;
			}
		}
		return (double) lost / inked;
	}

	/**
	 * Places a digit drawn on a canvas of its own (content bright, 0..1) as preparing does: cropped
	 * to its content, fitted into the box, centred by mass. An empty canvas gives an empty input.
	 */
	void refit(final float[] canvas, final int w, final int h, final float[] out, final int offset) {
		final int[] box = contentBox(canvas, w, h);
		if (box != null) fitByCentreOfMass(canvas, box, w, h, out, offset);
		else Arrays.fill(out, offset, offset + settings.pixelCount(), 0f);
	}

	/**
	 * The MNIST recipe: crop to the content's bounds ({@link #contentBox}), fit into the box, put
	 * the centre of mass in the middle.
	 */
	private Placement fitByCentreOfMass(final float[] pixels, final int[] box, final int w, final int h, final float[] out,
		final int offset)
	{
		final int x0 = box[0], y0 = box[1], x1 = box[2], y1 = box[3];
		final int cw = x1 - x0 + 1, ch = y1 - y0 + 1;
		final float[] crop = SCRATCH.get().crop(cw * ch);
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
		final double startX = mx / mass - step * (settings.width() - 1) / 2.0;
		final double startY = my / mass - step * (settings.height() - 1) / 2.0;
		sample(crop, cw, ch, step, startX, step, startY, out, offset);
		return new Placement(step, x0 + startX, step, y0 + startY);
	}

	private Placement resize(final float[] pixels, final int w, final int h, final float[] out, final int offset) {
		final double stepX = (double) w / settings.width();
		final double stepY = (double) h / settings.height();
		// Pixel centres line up: output o covers source [o * step, (o + 1) * step).
		sample(pixels, w, h, stepX, (stepX - 1) / 2, stepY, (stepY - 1) / 2, out, offset);
		return new Placement(stepX, (stepX - 1) / 2, stepY, (stepY - 1) / 2);
	}

	/**
	 * A picture: the largest centred region of the input's aspect, scaled to the input size, its
	 * intensities as they are, then standardised. Pixels that are not numbers count as 0.
	 */
	private Placement preparePicture(final float[] pixels, final int w, final int h, final int channel, final float[] out,
		final int offset)
	{
		for (int i = 0; i < pixels.length; i++) if (!Float.isFinite(pixels[i])) pixels[i] = 0;
		final double aspect = (double) settings.width() / settings.height();
		double cropW = w, cropH = h;
		if (w > h * aspect) cropW = h * aspect;
		else cropH = w / aspect;
		final double stepX = settings.fit() == Preprocessing.Fit.RESIZE ? (double) w / settings.width() : cropW / settings.width();
		final double stepY = settings.fit() == Preprocessing.Fit.RESIZE ? (double) h / settings.height() : cropH / settings.height();
		final double x0 = (w - stepX * settings.width()) / 2, y0 = (h - stepY * settings.height()) / 2;
		final Shrunk shrunk = Shrunk.of(pixels, w, h, stepX, stepY);
		final double mean = settings.standardisation().mean().get(channel);
		final double std = settings.standardisation().std().get(channel);
		final int width = settings.width();
		for (int oy = 0; oy < settings.height(); oy++) {
			final double y = shrunk.toShrunkY(y0 + stepY * oy + (stepY - 1) / 2);
			for (int ox = 0; ox < width; ox++) {
				final double x = shrunk.toShrunkX(x0 + stepX * ox + (stepX - 1) / 2);
				final float v = Interpolations.borderExtended(shrunk.pixels, 0, shrunk.w, shrunk.h, x, y);
				out[offset + oy * width + ox] = (float) ((v - mean) / std);
			}
		}
		return new Placement(stepX, x0 + (stepX - 1) / 2, stepY, y0 + (stepY - 1) / 2);
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
