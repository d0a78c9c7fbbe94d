package io.github.digitclassifier.draw;

import java.util.List;

import io.github.digitclassifier.model.Classifier;
import io.github.digitclassifier.predict.Prediction;
import io.github.digitclassifier.predict.Predictor;
import io.github.digitclassifier.read.NumberReading;
import io.github.digitclassifier.read.ReadsNumbers;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

/**
 * Reads a drawing (dark ink on white, one byte per pixel): the model's class probabilities for the
 * whole of it and, when the ink lies in more than one piece, the number the pieces make, read as
 * Read Number reads one. Safe for one thread at a time: the drawing window's worker.
 */
public final class SketchReader {

	/** Darker than this is ink. */
	static final int INK = 128;

	/** A piece of fewer pixels is a speck, not a digit. */
	static final int SPECK = 12;

	/** What was read in a drawing; {@code prediction} null for a blank one, {@code number} null unless in pieces. */
	public record Reading(long version, Prediction prediction, int pieces, NumberReading number) {

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

	/** Reads a drawing of {@code width} by {@code height} pixels, row by row; {@code version} is kept with it. */
	public Reading read(final long version, final byte[] grey, final int width, final int height) {
		final int pieces = pieces(grey, width, height);
		if (pieces == 0) return new Reading(version, null, 0, null);
		final RandomAccessibleInterval<UnsignedByteType> image = ArrayImgs.unsignedBytes(grey, width, height);
		// A colour model sees the drawing in three equal channels, as it sees a grey slice.
		final RandomAccessibleInterval<? extends RealType<?>> input = model.preprocessing().channels() == 3 ?
			Views.stack(image, image, image) : image;
		final Prediction prediction = predictor.predict(input);
		final NumberReading number = pieces > 1 && reader != null ? reader.read(image) : null;
		return new Reading(version, prediction, pieces, number);
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
