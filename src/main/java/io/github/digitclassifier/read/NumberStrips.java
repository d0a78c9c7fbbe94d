package io.github.digitclassifier.read;

import java.util.List;

import io.github.digitclassifier.read.sequence.Strip;

/**
 * Writing as strips for the strip network, its ink found and cleaned as the reader finds digits:
 * to train on, all the pieces of a number as one strip; to read, each piece its own.
 */
public final class NumberStrips {

	private NumberStrips() {}

	/**
	 * The strip of all the digit pieces of a grey image given row by row (ink found, ruled lines
	 * erased, points, commas and specks left out, as {@link NumberReader} does); null when it has none.
	 */
	public static Strip of(final float[] grey, final int w, final int h) {
		final Writing writing = writing(grey, w, h);
		return writing == null ? null : writing.strip();
	}

	/**
	 * All the writing of an image as one strip, and the box it is in on the image (pixels).
	 *
	 * @param y0 the box's top row
	 */
	public record Writing(Strip strip, int x0, int y0, int width, int height) {}

	/** The writing of a grey image given row by row, found as {@link #of(float[], int, int)} finds it; null when it has none. */
	public static Writing writing(final float[] grey, final int w, final int h) {
		final Ink ink = Ink.of(grey, w, h);
		Lines.erase(ink.mask(), w, h);
		final List<Blob> all = Blobs.of(ink.mask(), w, h);
		final int height = Blobs.writingHeight(all);
		final List<Blob> pieces = Blobs.digitPieces(all, height);
		if (pieces.isEmpty()) return null;
		Blob whole = pieces.get(0);
		for (final Blob piece : pieces.subList(1, pieces.size())) whole = whole.merge(piece);
		return new Writing(of(NumberReader.crop(whole, ink, height), height), whole.x0(), whole.y0(), whole.width(), whole.height());
	}

	/** The strip of a piece cut out of a page ({@link NumberReader#crop}), whose writing is {@code height} pixels tall. */
	static Strip of(final NumberReader.Crop crop, final int height) {
		return Strip.of(crop.pixels(), crop.width(), crop.height(), height, crop.x0());
	}
}
