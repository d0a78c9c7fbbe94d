package io.github.digitclassifier.preprocess;

/**
 * Work arrays reused from image to image, one set per thread. Preparing an MNIST digit allocated
 * 16 KB, and while the heap grows each fresh page costs the kernel more than the work does.
 */
final class Scratch {

	private static final ThreadLocal<Scratch> OF_THREAD = ThreadLocal.withInitial(Scratch::new);

	/** This thread's arrays. */
	static Scratch get() {
		return OF_THREAD.get();
	}

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
