package io.github.digitclassifier.bench.documents;

import java.util.Random;

/** Smooth random fields over an image (value noise) and ramps: lighting, stains, pen pressure. */
final class Fields {

	private Fields() {}

	/**
	 * Value noise, -1..1: random values on a grid {@code cell} pixels apart, smoothly interpolated
	 * (smoothstep) between them.
	 */
	static float[] smooth(final int w, final int h, final double cell, final Random random) {
		final int gw = (int) Math.ceil(w / cell) + 2, gh = (int) Math.ceil(h / cell) + 2;
		final double[] grid = new double[gw * gh];
		for (int i = 0; i < grid.length; i++) grid[i] = 2 * random.nextDouble() - 1;
		final double ox = random.nextDouble(), oy = random.nextDouble();
		final float[] field = new float[w * h];
		for (int y = 0; y < h; y++) {
			final double gy = y / cell + oy;
			final int iy = (int) gy;
			final double fy = ease(gy - iy);
			for (int x = 0; x < w; x++) {
				final double gx = x / cell + ox;
				final int ix = (int) gx;
				final double fx = ease(gx - ix);
				final double top = (1 - fx) * grid[iy * gw + ix] + fx * grid[iy * gw + ix + 1];
				final double bottom = (1 - fx) * grid[(iy + 1) * gw + ix] + fx * grid[(iy + 1) * gw + ix + 1];
				field[y * w + x] = (float) ((1 - fy) * top + fy * bottom);
			}
		}
		return field;
	}

	/** Octaves of {@link #smooth}: cells {@code cell}, half, quarter..., each half as strong, scaled to about -1..1. */
	static float[] octaves(final int w, final int h, final double cell, final int count, final Random random) {
		final float[] sum = new float[w * h];
		double weight = 1, total = 0;
		for (int o = 0; o < count; o++) {
			final float[] layer = smooth(w, h, Math.max(1.5, cell / (1 << o)), random);
			for (int i = 0; i < sum.length; i++) sum[i] += (float) (weight * layer[i]);
			total += weight;
			weight /= 2;
		}
		for (int i = 0; i < sum.length; i++) sum[i] /= (float) total;
		return sum;
	}

	/**
	 * Light across the image: 1 - {@code depth} times a ramp in a random direction (0 on its bright
	 * side, 1 on its dark one) and a smooth blotch of a fraction of it.
	 */
	static float[] lighting(final int w, final int h, final double depth, final Random random) {
		final double angle = 2 * Math.PI * random.nextDouble();
		final double cx = Math.cos(angle), cy = Math.sin(angle);
		double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
		for (final int[] corner : new int[][] { { 0, 0 }, { w, 0 }, { 0, h }, { w, h } }) {
			final double p = corner[0] * cx + corner[1] * cy;
			lo = Math.min(lo, p);
			hi = Math.max(hi, p);
		}
		final float[] blotch = smooth(w, h, Math.max(w, h) / 2.0, random);
		final double curve = 0.6 + 1.2 * random.nextDouble();
		final float[] light = new float[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				final double ramp = Math.pow(((x * cx + y * cy) - lo) / Math.max(1e-9, hi - lo), curve);
				light[y * w + x] = (float) (1 - depth * (0.75 * ramp + 0.25 * (0.5 + 0.5 * blotch[y * w + x])));
			}
		}
		return light;
	}

	private static double ease(final double t) {
		return t * t * (3 - 2 * t);
	}
}
