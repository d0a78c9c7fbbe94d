package io.github.digitclassifier;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import io.github.digitclassifier.data.ImageFiles;
import io.github.digitclassifier.preprocess.DigitRestyler;
import io.github.digitclassifier.preprocess.HandwritingStyle;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Seeded images of numbers written with real handwritten digits (from class folders of single
 * digits, light on dark as MNIST's): digits cut to their ink, scaled to a height, set on a line with
 * gaps or touching, with points, commas and dashes between them, on plain or lined, noisy, unevenly
 * lit paper, dark on light or light on dark.
 */
public final class NumberImages {

	/** How the digits are set. */
	public enum Condition {
		/** Gaps between the digits. */
		SPACED,
		/** Each digit's ink runs into the next one's. */
		TOUCHING,
		/** Gaps, with points, commas and dashes between some digits (not part of the number). */
		PUNCTUATED,
		/** Gaps, on paper lit unevenly, with a ruled line under the digits and noise. */
		BACKGROUND
	}

	/** A number's image (8-bit grey) and the digits written in it. */
	public record Sample(BufferedImage image, String text) {}

	/**
	 * Digits by class, each as its ink (0..1, light on dark) cut to its bounds; with a restyler, a
	 * share of those drawn are written again by another hand, pen or scanner.
	 */
	public record Digits(List<List<Ink>> byClass, Optional<DigitRestyler> restyler) {

		/** Loads {@code root/0..9}. */
		public static Digits load(final Path root) throws IOException {
			final List<List<Ink>> byClass = new ArrayList<>();
			for (int d = 0; d <= 9; d++) {
				final List<Ink> inks = new ArrayList<>();
				try (Stream<Path> files = Files.list(root.resolve(Integer.toString(d)))) {
					for (final Path file : files.sorted().toList()) inks.add(Ink.of(ImageFiles.read(file)));
				}
				byClass.add(inks);
			}
			return new Digits(byClass, Optional.empty());
		}

		/** These digits, a share of them restyled when drawn ({@link HandwritingStyle#share()}). */
		public Digits restyled(final HandwritingStyle style) {
			return new Digits(byClass, Optional.of(new DigitRestyler(style)));
		}

		/** A random digit of class {@code d}; without a restyler it takes one number of {@code random}, as it always has. */
		Ink pick(final int d, final Random random) {
			final List<Ink> inks = byClass.get(d);
			final Ink ink = inks.get(random.nextInt(inks.size()));
			if (restyler.isEmpty()) return ink;
			final SplittableRandom split = new SplittableRandom(random.nextLong());
			if (!restyler.get().picks(split)) return ink;
			final float[] restyled = restyler.get().restyle(ink.prepared(), d == 1, split);
			float most = 0;
			for (final float v : restyled) most = Math.max(most, v);
			return most > 0.1f ? Ink.of(restyled, PREPARED, PREPARED, 255) : ink; // a style may leave nothing of a faint digit
		}
	}

	/** The side of a prepared digit, MNIST's. */
	private static final int PREPARED = 28;

	/** A digit's ink, light on dark, 0..1, cut to where it is above a tenth. */
	public record Ink(float[] pixels, int width, int height) {
		static Ink of(final ArrayImg<FloatType, FloatArray> image) {
			return of(image.update(null).getCurrentStorageArray(), (int) image.dimension(0), (int) image.dimension(1));
		}

		/** The ink of a digit given row by row, 0..255: light on dark, or dark on light (mostly bright), which is inverted. */
		private static Ink of(final float[] given, final int w, final int h) {
			return of(given, w, h, 1);
		}

		/** {@code given} times {@code gain} as above: 0..1 values with a gain of 255. */
		private static Ink of(final float[] given, final int w, final int h, final float gain) {
			double mean = 0;
			for (final float v : given) mean += v * gain / given.length;
			final float[] all = given.clone();
			for (int i = 0; i < all.length; i++) all[i] *= gain;
			if (mean > 127.5) for (int i = 0; i < all.length; i++) all[i] = 255 - all[i];
			int x0 = w, y0 = h, x1 = -1, y1 = -1;
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					if (all[y * w + x] > 25.5f) {
						x0 = Math.min(x0, x); x1 = Math.max(x1, x);
						y0 = Math.min(y0, y); y1 = Math.max(y1, y);
					}
				}
			}
			final int cw = x1 - x0 + 1, ch = y1 - y0 + 1;
			final float[] pixels = new float[cw * ch];
			for (int y = 0; y < ch; y++) for (int x = 0; x < cw; x++) pixels[y * cw + x] = all[(y + y0) * w + x + x0] / 255f;
			return new Ink(pixels, cw, ch);
		}

		/** The ink centred on a prepared digit's square, as a restyler takes it. */
		private float[] prepared() {
			final float[] square = new float[PREPARED * PREPARED];
			final int x0 = (PREPARED - width) / 2, y0 = (PREPARED - height) / 2;
			for (int y = 0; y < Math.min(height, PREPARED); y++) {
				for (int x = 0; x < Math.min(width, PREPARED); x++) square[(y + Math.max(0, y0)) * PREPARED + x + Math.max(0, x0)] = pixels[y * width + x];
			}
			return square;
		}

		/** Linear interpolation, 0 outside. */
		float at(final double x, final double y) {
			final int ix = (int) Math.floor(x), iy = (int) Math.floor(y);
			final double fx = x - ix, fy = y - iy;
			return (float) ((1 - fy) * ((1 - fx) * get(ix, iy) + fx * get(ix + 1, iy)) + fy * ((1 - fx) * get(ix, iy + 1) + fx * get(ix + 1, iy + 1)));
		}

		private float get(final int x, final int y) {
			return x < 0 || y < 0 || x >= width || y >= height ? 0 : pixels[y * width + x];
		}
	}

	private NumberImages() {}

	/**
	 * A number of {@code length} random digits, about {@code height} pixels tall (each digit within
	 * 10% of it, its baseline within 10% of the line's).
	 */
	public static Sample draw(final Digits digits, final int length, final Condition condition, final int height,
		final boolean darkOnLight, final Random random)
	{
		return draw(d -> digits.pick(d, random), length, condition, height, darkOnLight, random);
	}

	/** As {@link #draw(Digits, int, Condition, int, boolean, Random)}, each digit of class d written as {@code digitOfClass} gives it. */
	public static Sample draw(final IntFunction<Ink> digitOfClass, final int length, final Condition condition, final int height,
		final boolean darkOnLight, final Random random)
	{
		final StringBuilder text = new StringBuilder();
		final List<double[]> marks = new ArrayList<>(); // x, kind (0 point, 1 comma, 2 dash)
		final List<Ink> chosen = new ArrayList<>();
		final List<double[]> sizes = new ArrayList<>(); // scale, top
		double room = 1.2 * height;
		for (int i = 0; i < length; i++) {
			final int d = random.nextInt(10);
			final Ink ink = digitOfClass.apply(d);
			final double h = height * (0.9 + 0.2 * random.nextDouble());
			final double scale = h / ink.height();
			chosen.add(ink);
			sizes.add(new double[] { scale, 0.5 * height + (height - h) + 0.1 * height * (random.nextDouble() - 0.5) });
			text.append(d);
			room += ink.width() * scale + 0.8 * height;
		}
		final int w0 = (int) Math.ceil(room), hh = 2 * height;
		final float[] canvas = new float[w0 * hh];
		double x = 0.6 * height;
		int right = 0;
		for (int i = 0; i < length; i++) {
			final Ink digit = chosen.get(i);
			final double scale = sizes.get(i)[0], top = sizes.get(i)[1];
			if (i > 0 && condition == Condition.TOUCHING) {
				// Slide the digit left from where its box meets the last one's until its ink overlaps theirs.
				final double left = x - digit.width() * scale;
				while (x > left && !touches(canvas, w0, digit, x, top, scale)) x -= 1;
			}
			right = Math.max(right, paint(canvas, w0, digit, x, top, scale));
			x += digit.width() * scale;
			if (condition != Condition.TOUCHING) {
				x += (0.2 + 0.25 * random.nextDouble()) * height;
				if (condition == Condition.PUNCTUATED && i < length - 1 && random.nextInt(3) == 0) {
					marks.add(new double[] { x, random.nextInt(3) });
					x += 0.35 * height;
				}
			}
		}
		final int w = Math.min(w0, (int) Math.ceil(Math.max(x, right) + 0.6 * height));
		final double stroke = Math.max(1, height / 10.0);
		final float[] ink = new float[w * hh];
		for (int yy = 0; yy < hh; yy++) System.arraycopy(canvas, yy * w0, ink, yy * w, w);
		final int baseline = (int) (1.5 * height);
		for (final double[] m : marks) {
			final int mx = (int) m[0];
			switch ((int) m[1]) {
				case 0 -> fill(ink, w, mx, baseline - (int) stroke, (int) stroke + 1, (int) stroke + 1);
				case 1 -> {
					fill(ink, w, mx, baseline - (int) stroke, (int) stroke + 1, (int) stroke + 1);
					fill(ink, w, mx - (int) (stroke / 2), baseline, (int) Math.max(1, stroke / 2), (int) (1.5 * stroke) + 1);
				}
				default -> fill(ink, w, mx - (int) stroke, height, (int) (2.5 * stroke) + 1, (int) Math.max(1, stroke * 0.8));
			}
		}
		if (condition == Condition.BACKGROUND) {
			fill(ink, w, 0, baseline + (int) (0.1 * height), w, (int) Math.max(1, stroke / 2));
		}
		final BufferedImage image = new BufferedImage(w, hh, BufferedImage.TYPE_BYTE_GRAY);
		final boolean background = condition == Condition.BACKGROUND;
		for (int yy = 0; yy < hh; yy++) {
			for (int xx = 0; xx < w; xx++) {
				// Paper from 140 to 230 across the image when lit unevenly, with noise.
				final double paper = background ? 150 + 80.0 * xx / w : 235;
				final double noise = background ? 8 * random.nextGaussian() : 0;
				final double v = darkOnLight ? paper - (paper - 20) * ink[yy * w + xx] : 255 - paper + (paper - 20) * ink[yy * w + xx];
				image.getRaster().setSample(xx, yy, 0, (int) Math.max(0, Math.min(255, Math.round(v + noise))));
			}
		}
		return new Sample(image, text.toString());
	}

	/** Paints a digit scaled by {@code scale} with its top left at (x, top); returns the rightmost column painted. */
	private static int paint(final float[] canvas, final int w, final Ink digit, final double x, final double top, final double scale) {
		final int pw = (int) Math.ceil(digit.width() * scale), ph = (int) Math.ceil(digit.height() * scale);
		final int h = canvas.length / w;
		int right = 0;
		for (int yy = 0; yy < ph; yy++) {
			for (int xx = 0; xx < pw; xx++) {
				final int tx = (int) x + xx, ty = (int) top + yy;
				if (tx < 0 || ty < 0 || tx >= w || ty >= h) continue;
				final float v = digit.at((xx + 0.5) / scale - 0.5, (yy + 0.5) / scale - 0.5);
				canvas[ty * w + tx] = Math.max(canvas[ty * w + tx], v);
				if (v > 0.3f) right = Math.max(right, tx);
			}
		}
		return right;
	}

	/** Whether the digit placed at (x, top) has ink where the canvas has ink. */
	private static boolean touches(final float[] canvas, final int w, final Ink digit, final double x, final double top, final double scale) {
		final int pw = (int) Math.ceil(digit.width() * scale), ph = (int) Math.ceil(digit.height() * scale);
		final int h = canvas.length / w;
		for (int yy = 0; yy < ph; yy++) {
			for (int xx = 0; xx < pw; xx++) {
				final int tx = (int) x + xx, ty = (int) top + yy;
				if (tx < 0 || ty < 0 || tx >= w || ty >= h) continue;
				if (digit.at((xx + 0.5) / scale - 0.5, (yy + 0.5) / scale - 0.5) > 0.3f && canvas[ty * w + tx] > 0.3f) return true;
			}
		}
		return false;
	}

	private static void fill(final float[] ink, final int w, final int x, final int y, final int width, final int height) {
		final int h = ink.length / w;
		for (int yy = Math.max(0, y); yy < Math.min(h, y + height); yy++) {
			for (int xx = Math.max(0, x); xx < Math.min(w, x + width); xx++) ink[yy * w + xx] = 1;
		}
	}
}
