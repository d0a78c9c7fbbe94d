package io.github.digitclassifier.preprocess;

import java.util.List;

/**
 * How much the classes' mean images look like themselves mirrored, upside down and turned by a
 * right angle: the correlation of each class's mean prepared image with its transformed self,
 * averaged over the classes. Photos, clothes and digits have an "up" (their means correlate
 * 0.2-0.7 with themselves turned); cells and particles seen from above do not. A class whose
 * mean is flat (texture at random phases) says nothing and counts as 0.
 *
 * @param mirrored left-right
 * @param upsideDown top-bottom
 * @param turned by 90 degrees
 */
public record Symmetry(double mirrored, double upsideDown, double turned) {

	/** Images per class whose mean is taken. */
	static final int PER_CLASS = 200;

	/** Correlation above which a transformation counts as leaving the images' kind alone. */
	public static final double ALIKE = 0.8;

	/** Mirroring is tried at a lower bar: left and right rarely carry a class (CIFAR-10's means: 0.85). */
	public static final double MIRROR_ALIKE = 0.7;

	public static Symmetry of(final PreparedImages images, final int classes) {
		final Preprocessing p = images.preprocessing();
		final int size = p.pixelCount(), w = p.width(), h = p.height(), plane = p.planeSize();
		final double[][] means = new double[classes][size];
		final int[] counts = new int[classes];
		final float[] input = new float[size];
		for (int i = 0; i < images.size(); i++) {
			final int c = images.classIndex(i);
			if (counts[c] >= PER_CLASS) continue;
			images.copyTo(i, input, 0);
			for (int k = 0; k < size; k++) means[c][k] += input[k];
			counts[c]++;
		}
		double mirrored = 0, upsideDown = 0, turned = 0;
		int used = 0;
		for (int c = 0; c < classes; c++) {
			if (counts[c] == 0) continue;
			final double[] m = means[c];
			final double[] mirror = new double[size], flip = new double[size], turn = new double[size];
			for (int k = 0; k < size; k += plane) {
				for (int y = 0; y < h; y++) {
					for (int x = 0; x < w; x++) {
						mirror[k + y * w + x] = m[k + y * w + (w - 1 - x)];
						flip[k + y * w + x] = m[k + (h - 1 - y) * w + x];
						// Only square inputs turn into themselves; others count as not alike.
						turn[k + y * w + x] = w == h ? m[k + x * w + (w - 1 - y)] : 0;
					}
				}
			}
			mirrored += correlation(m, mirror);
			upsideDown += correlation(m, flip);
			turned += correlation(m, turn);
			used++;
		}
		return used == 0 ? new Symmetry(0, 0, 0) : new Symmetry(mirrored / used, upsideDown / used, turned / used);
	}

	/** Whether the images have no "up": alike upside down and turned. */
	public boolean noUp() {
		return upsideDown >= ALIKE && turned >= ALIKE;
	}

	public boolean mirrorable() {
		return mirrored >= MIRROR_ALIKE;
	}

	private static double correlation(final double[] a, final double[] b) {
		double ma = 0, mb = 0;
		for (int i = 0; i < a.length; i++) {
			ma += a[i];
			mb += b[i];
		}
		ma /= a.length;
		mb /= b.length;
		double ab = 0, aa = 0, bb = 0;
		for (int i = 0; i < a.length; i++) {
			ab += (a[i] - ma) * (b[i] - mb);
			aa += (a[i] - ma) * (a[i] - ma);
			bb += (b[i] - mb) * (b[i] - mb);
		}
		// A flat mean (relative to the inputs' unit spread) says nothing.
		return aa < 1e-6 * a.length || bb < 1e-6 * a.length ? 0 : ab / Math.sqrt(aa * bb);
	}

	/** The three figures, for saying why. */
	public List<Double> figures() {
		return List.of(mirrored, upsideDown, turned);
	}
}
