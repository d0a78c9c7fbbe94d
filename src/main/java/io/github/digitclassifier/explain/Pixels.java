package io.github.digitclassifier.explain;

import java.util.Arrays;

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
		final float[] paper = new float[planes];
		final int w = width, h = height;
		for (int c = 0; c < planes; c++) {
			final float[] border = new float[Math.max(1, 2 * w + 2 * Math.max(0, h - 2))];
			int n = 0;
			final int o = c * w * h;
			for (int x = 0; x < w; x++) {
				border[n++] = values[o + x];
				if (h > 1) border[n++] = values[o + (h - 1) * w + x];
			}
			for (int y = 1; y < h - 1; y++) {
				border[n++] = values[o + y * w];
				if (w > 1) border[n++] = values[o + y * w + w - 1];
			}
			final float[] sorted = Arrays.copyOf(border, n);
			Arrays.sort(sorted);
			paper[c] = sorted[n / 2];
		}
		return paper;
	}

	/** Sets pixel {@code i} (row by row) of every plane of {@code target} to the paper. */
	void remove(final float[] target, final int i, final float[] paper) {
		for (int c = 0; c < planes; c++) target[c * width * height + i] = paper[c];
	}
}
