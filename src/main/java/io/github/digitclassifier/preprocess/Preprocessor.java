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
		final float[] all = copyRows(image, Scratch.get().pixels(w * h * planes));
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
		final float[] detection = Paper.removeBackground(pixels, w, h);
		if (detection == null) {
			Arrays.fill(out, offset, offset + settings.pixelCount(), 0f);
			return null;
		}
		final Placement placement = fitByCentreOfMass(pixels, Paper.contentBox(detection, w, h), w, h, out, offset);
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
				final float border = Paper.borderMedian(pixels, w, h);
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
		final Scratch scratch = Scratch.get();
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
			final int[] b = Paper.contentBox(thinner, w, h);
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
		final int[] box = Paper.contentBox(canvas, w, h);
		if (box != null) fitByCentreOfMass(canvas, box, w, h, out, offset);
		else Arrays.fill(out, offset, offset + settings.pixelCount(), 0f);
	}

	/**
	 * The MNIST recipe: crop to the content's bounds ({@link Paper#contentBox}), fit into the box, put
	 * the centre of mass in the middle.
	 */
	private Placement fitByCentreOfMass(final float[] pixels, final int[] box, final int w, final int h, final float[] out,
		final int offset)
	{
		final int x0 = box[0], y0 = box[1], x1 = box[2], y1 = box[3];
		final int cw = x1 - x0 + 1, ch = y1 - y0 + 1;
		final float[] crop = Scratch.get().crop(cw * ch);
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
				final float v = Interpolations.borderExtended(shrunk.pixels(), 0, shrunk.w(), shrunk.h(), x, y);
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
				final float v = Interpolations.zeroExtended(shrunk.pixels(), shrunk.w(), shrunk.h(), x, y);
				out[offset + oy * width + ox] = Math.min(1f, Math.max(0f, v));
			}
		}
	}


}
