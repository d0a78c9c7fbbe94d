package io.github.digitclassifier.draw;

import java.util.List;

import io.github.digitclassifier.predict.Prediction;
import io.github.digitclassifier.predict.Predictor;
import io.github.digitclassifier.read.NumberReading;
import io.github.digitclassifier.read.ReadsNumbers;
import io.github.digitclassifier.runtime.Classifier;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

/**
 * Reads a drawing (dark ink on white, one byte per pixel): the model's class probabilities for the
 * whole of it, the pieces its ink lies in and, asked apart (it takes longer), the number the pieces
 * make, read as Read Number reads one.
 */
public final class SketchReader {

	/** Darker than this is ink. */
	static final int INK = 128;

	/** A piece of fewer pixels is a speck, not a digit. */
	static final int SPECK = 12;

	/** What was read in a drawing: {@code prediction} null for a blank one. */
	public record Reading(long version, Prediction prediction, int pieces) {

		public boolean blank() {
			return prediction == null;
		}
	}

	private final Classifier model;
	private final Predictor predictor;
	private final ReadsNumbers reader;

	/** Reads with {@code model}; numbers with {@code reader} (null: never as a number). */
	public SketchReader(final Classifier model, final ReadsNumbers reader) {
		this.model = model;
		this.predictor = new Predictor(model);
		this.reader = reader;
	}

	public List<String> classNames() {
		return model.classNames();
	}

	/** Classifies a drawing of {@code width} by {@code height} pixels, row by row; {@code version} is kept with it. */
	public Reading read(final long version, final byte[] grey, final int width, final int height) {
		final int pieces = pieces(grey, width, height);
		if (pieces == 0) return new Reading(version, null, 0);
		final RandomAccessibleInterval<UnsignedByteType> image = ArrayImgs.unsignedBytes(grey, width, height);
		// A colour model sees the drawing in three equal channels, as it sees a grey slice.
		final RandomAccessibleInterval<? extends RealType<?>> input = model.preprocessing().channels() == 3 ?
			Views.stack(image, image, image) : image;
		return new Reading(version, predictor.predict(input), pieces);
	}

	/**
	 * The number the ink makes, read as Read Number reads one, within the ink's bounds and a margin
	 * (the paper around it only costs time); null with no reader or no ink.
	 */
	public NumberReading readNumber(final byte[] grey, final int width, final int height) {
		if (reader == null) return null;
		int x0 = width, y0 = height, x1 = -1, y1 = -1;
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				if ((grey[y * width + x] & 0xff) >= INK) continue;
				x0 = Math.min(x0, x);
				x1 = Math.max(x1, x);
				y0 = Math.min(y0, y);
				y1 = Math.max(y1, y);
			}
		}
		if (x1 < 0) return null;
		final int margin = Math.max(4, (y1 - y0) / 8);
		final RandomAccessibleInterval<UnsignedByteType> image = ArrayImgs.unsignedBytes(grey, width, height);
		return reader.read(Views.zeroMin(Views.interval(image, new long[] { Math.max(0, x0 - margin), Math.max(0, y0 - margin) },
			new long[] { Math.min(width - 1, x1 + margin), Math.min(height - 1, y1 + margin) })));
	}

	/**
	 * Reads a made-up drawing of two pieces the size of the canvas once, as a number too: the
	 * first readings load and compile what later ones reuse, and would otherwise come late after
	 * the first strokes.
	 */
	public void warmUp(final int width, final int height) {
		final byte[] grey = new byte[width * height];
		java.util.Arrays.fill(grey, (byte) 255);
		for (int y = height / 5; y < height * 4 / 5; y++) {
			for (int x = 0; x < Math.max(2, width / 40); x++) {
				grey[y * width + width / 3 + x] = 0;
				grey[y * width + width * 2 / 3 + x] = 0;
			}
		}
		read(0, grey, width, height);
		readNumber(grey, width, height);
	}

	/** The pieces of ink (8-connected, specks left out). */
	static int pieces(final byte[] grey, final int width, final int height) {
		final boolean[] seen = new boolean[grey.length];
		final int[] stack = new int[grey.length];
		int pieces = 0;
		for (int start = 0; start < grey.length; start++) {
			if (seen[start] || (grey[start] & 0xff) >= INK) continue;
			int top = 0, size = 0;
			stack[top++] = start;
			seen[start] = true;
			while (top > 0) {
				final int p = stack[--top];
				size++;
				final int x = p % width, y = p / width;
				for (int dy = -1; dy <= 1; dy++) {
					for (int dx = -1; dx <= 1; dx++) {
						final int nx = x + dx, ny = y + dy;
						if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
						final int q = ny * width + nx;
						if (!seen[q] && (grey[q] & 0xff) < INK) {
							seen[q] = true;
							stack[top++] = q;
						}
					}
				}
			}
			if (size >= SPECK) pieces++;
		}
		return pieces;
	}
}
