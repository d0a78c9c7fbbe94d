package io.github.digitclassifier.preprocess;

import java.util.Arrays;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/** What an image looks like to training's choice of preprocessing: its size, ink on a plain background or not, colour or not. */
public record ImageProfile(int width, int height, boolean ink, boolean colour) {

	/** Mean spread of red, green and blue, as a share of the intensity range, above which an image is in colour. */
	static final double COLOUR_CHROMA = 0.02;

	/**
	 * Colour: red, green and blue differ by more than JPEG's chroma noise on average. Ink on a
	 * plain background: a grey image whose border is nearly all one grey, and what differs clearly
	 * from that grey covers a small part of it (strokes), not most of it (a picture that fills its
	 * frame). Colour images count as pictures.
	 */
	public static ImageProfile of(final ArrayImg<FloatType, FloatArray> rgb) {
		final int w = (int) rgb.dimension(0), h = (int) rgb.dimension(1), plane = w * h;
		final float[] planes = rgb.update(null).getCurrentStorageArray();
		double chroma = 0;
		for (int i = 0; i < plane; i++) {
			final float r = planes[i], g = planes[plane + i], b = planes[2 * plane + i];
			if (Float.isFinite(r + g + b)) chroma += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
		}
		final float[] pixels = Preprocessor.luminance(planes, plane);
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
		for (final float v : pixels) {
			if (!Float.isFinite(v)) continue;
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		final boolean colour = chroma / plane > COLOUR_CHROMA * Math.max(255, max);
		if (!(max > min) || colour) return new ImageProfile(w, h, false, colour);
		final float range = max - min;
		final float[] border = Paper.borderValues(pixels, w, h);
		for (int i = 0; i < border.length; i++) if (!Float.isFinite(border[i])) border[i] = min;
		final float[] sorted = border.clone();
		Arrays.sort(sorted);
		final float background = sorted[sorted.length / 2];
		int plain = 0;
		for (final float v : border) if (Math.abs(v - background) <= 0.15f * range) plain++;
		int content = 0;
		for (final float v : pixels) if (Float.isFinite(v) && Math.abs(v - background) > 0.3f * range) content++;
		final double contentShare = (double) content / pixels.length;
		final boolean ink = plain >= 0.9 * border.length && contentShare > 0.002 && contentShare < 0.4;
		return new ImageProfile(w, h, ink, false);
	}
}
