package io.github.digitclassifier.explain;

import java.util.Arrays;

import io.github.digitclassifier.preprocess.Gaussians;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/** An image's pixels as planes of floats (grey: one; colour: red, green, blue), to be changed and prepared again. */
final class Pixels {

	final float[] values;
	final int width, height, planes;

	private Pixels(final float[] values, final int width, final int height, final int planes) {
		this.values = values;
		this.width = width;
		this.height = height;
		this.planes = planes;
	}

	static Pixels of(final RandomAccessibleInterval<? extends RealType<?>> image) {
		final int planes = image.numDimensions() == 2 ? 1 : image.numDimensions() == 3 ? (int) image.dimension(2) : -1;
		if (planes != 1 && planes != 3) throw new IllegalArgumentException("Expected a grey (2D) or RGB image (three channels)");
		final int w = (int) image.dimension(0), h = (int) image.dimension(1);
		final float[] values = new float[w * h * planes];
		final Cursor<? extends RealType<?>> cursor = Views.flatIterable(image).cursor();
		for (int i = 0; i < values.length; i++) values[i] = cursor.next().getRealFloat();
		return new Pixels(values, w, h, planes);
	}

	/** The pixels of the box {x0, y0, x1, y1} (exclusive ends), every plane. */
	Pixels crop(final int[] box) {
		final int w = box[2] - box[0], h = box[3] - box[1];
		final float[] cropped = new float[w * h * planes];
		for (int c = 0; c < planes; c++) {
			for (int y = 0; y < h; y++) {
				System.arraycopy(values, c * width * height + (box[1] + y) * width + box[0], cropped, c * w * h + y * w, w);
			}
		}
		return new Pixels(cropped, w, h, planes);
	}

	int size() {
		return width * height;
	}

	RandomAccessibleInterval<FloatType> image(final float[] planeValues) {
		return planes == 1 ? ArrayImgs.floats(planeValues, width, height) : ArrayImgs.floats(planeValues, width, height, planes);
	}

	RandomAccessibleInterval<FloatType> image() {
		return image(values);
	}

	/**
	 * The paper of each plane: the median of the image's border, what the preprocessing takes for
	 * background too. What removed pixels become.
	 */
	float[] paper() {
		final int w = width, h = height;
		final int[] border = new int[Math.max(1, 2 * w + 2 * Math.max(0, h - 2))];
		int n = 0;
		for (int x = 0; x < w; x++) {
			border[n++] = x;
			if (h > 1) border[n++] = (h - 1) * w + x;
		}
		for (int y = 1; y < h - 1; y++) {
			border[n++] = y * w;
			if (w > 1) border[n++] = y * w + w - 1;
		}
		return medians(border, n);
	}

	/**
	 * The paper around the box {x0, y0, x1, y1} (exclusive ends): the median of each plane over the
	 * ring of pixels as far outside it as it is wide, within the image; the image's paper when
	 * the ring falls outside it. Paper lit unevenly is lighter on one side than on the other: a
	 * patch filled with the paper of the whole image would stand out from the paper around it. A
	 * ring that far out crosses a stroke through the box on a small part of its length.
	 */
	float[] paperAround(final int[] box) {
		final int grow = Math.max(box[2] - box[0], box[3] - box[1]);
		final int x0 = box[0] - grow, y0 = box[1] - grow, x1 = box[2] - 1 + grow, y1 = box[3] - 1 + grow;
		final int[] ring = new int[2 * (x1 - x0 + 1) + 2 * (y1 - y0 + 1)];
		int n = 0;
		for (int x = Math.max(0, x0); x <= Math.min(width - 1, x1); x++) {
			if (y0 >= 0) ring[n++] = y0 * width + x;
			if (y1 < height) ring[n++] = y1 * width + x;
		}
		for (int y = Math.max(0, y0 + 1); y <= Math.min(height - 1, y1 - 1); y++) {
			if (x0 >= 0) ring[n++] = y * width + x0;
			if (x1 < width) ring[n++] = y * width + x1;
		}
		return n == 0 ? paper() : medians(ring, n);
	}

	/** The median of each plane over the first {@code n} pixels of {@code at} (row by row). */
	private float[] medians(final int[] at, final int n) {
		final float[] medians = new float[planes];
		final float[] values = new float[n];
		for (int c = 0; c < planes; c++) {
			for (int k = 0; k < n; k++) values[k] = this.values[c * width * height + at[k]];
			Arrays.sort(values);
			medians[c] = values[n / 2];
		}
		return medians;
	}

	/** Every plane filled with its value of {@code perPlane}. */
	float[] filled(final float[] perPlane) {
		final float[] filled = new float[values.length];
		for (int c = 0; c < planes; c++) Arrays.fill(filled, c * width * height, (c + 1) * width * height, perPlane[c]);
		return filled;
	}

	/** Every plane blurred by a Gaussian of {@code sigma} pixels. */
	float[] blurred(final double sigma) {
		final float[] blurred = new float[values.length];
		final int size = width * height;
		for (int c = 0; c < planes; c++) {
			final float[] plane = Arrays.copyOfRange(values, c * size, (c + 1) * size);
			Gaussians.blur(plane, width, height, sigma, sigma);
			System.arraycopy(plane, 0, blurred, c * size, size);
		}
		return blurred;
	}

	/** Sets pixel {@code i} (row by row) of every plane of {@code target} to that of {@code source}, an image of these planes. */
	void replace(final float[] target, final int i, final float[] source) {
		for (int c = 0; c < planes; c++) target[c * width * height + i] = source[c * width * height + i];
	}

	/** Sets pixel {@code i} (row by row) of every plane of {@code target} to the paper. */
	void remove(final float[] target, final int i, final float[] paper) {
		for (int c = 0; c < planes; c++) target[c * width * height + i] = paper[c];
	}
}
