package io.github.digitclassifier.read.train;

import java.util.Random;

import io.github.digitclassifier.read.sequence.Strip;

/**
 * Light augmentation of a strip, as another hand or scan of the same field might give: shifted a
 * little, scaled a little (more along the writing than across it), strokes a little bolder or
 * thinner. Strong distortions would teach a reader of one kind of document other documents.
 */
final class StripAugmenter {

	/** Most shift, in strip pixels. */
	static final double SHIFT = 1.5;

	/** Most relative change of width and of height. */
	static final double WIDE = 0.12, TALL = 0.08;

	private StripAugmenter() {}

	static Strip augment(final Strip s, final Random random) {
		final double sx = 1 + WIDE * (2 * random.nextDouble() - 1), sy = 1 + TALL * (2 * random.nextDouble() - 1);
		final double dx = SHIFT * (2 * random.nextDouble() - 1), dy = SHIFT * (2 * random.nextDouble() - 1);
		final int inner = s.width() - 2 * Strip.MARGIN;
		final int width = Math.max(Strip.FRAME, ((int) Math.ceil(inner * sx) + 2 * Strip.MARGIN + Strip.FRAME - 1) / Strip.FRAME * Strip.FRAME);
		final float[] out = new float[width * Strip.HEIGHT];
		final double cy = Strip.HEIGHT / 2.0;
		for (int y = 0; y < Strip.HEIGHT; y++) {
			for (int x = 0; x < width; x++) {
				out[y * width + x] = at(s, Strip.MARGIN + (x - Strip.MARGIN - dx) / sx, cy + (y - cy - dy) / sy);
			}
		}
		final int stroke = random.nextInt(3); // 0 as is, 1 bolder, 2 thinner
		final float[] result = stroke == 0 ? out : stroked(out, width, stroke == 1);
		return new Strip(result, width, s.scale() * sx, s.sourceX());
	}

	/** Bolder: each pixel at least most of its brightest neighbour; thinner: pulled toward its darkest. */
	private static float[] stroked(final float[] in, final int w, final boolean bolder) {
		final float[] out = new float[in.length];
		final int h = in.length / w;
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				float max = 0, min = 1;
				for (int d = 0; d < 4; d++) {
					final int xx = x + (d == 0 ? -1 : d == 1 ? 1 : 0), yy = y + (d == 2 ? -1 : d == 3 ? 1 : 0);
					final float v = xx < 0 || yy < 0 || xx >= w || yy >= h ? 0 : in[yy * w + xx];
					max = Math.max(max, v);
					min = Math.min(min, v);
				}
				final float v = in[y * w + x];
				out[y * w + x] = bolder ? Math.max(v, 0.6f * max) : Math.min(v, (v + min) / 2 + 0.25f * v);
			}
		}
		return out;
	}

	private static float at(final Strip s, final double x, final double y) {
		final int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
		final double fx = x - x0, fy = y - y0;
		return (float) ((1 - fy) * ((1 - fx) * get(s, x0, y0) + fx * get(s, x0 + 1, y0)) + fy * ((1 - fx) * get(s, x0, y0 + 1) + fx * get(s, x0 + 1, y0 + 1)));
	}

	private static float get(final Strip s, final int x, final int y) {
		return x < 0 || y < 0 || x >= s.width() || y >= Strip.HEIGHT ? 0 : s.pixels()[y * s.width() + x];
	}
}
