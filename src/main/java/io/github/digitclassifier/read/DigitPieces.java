package io.github.digitclassifier.read;

import java.util.List;

/**
 * What the reader finds on a page before it reads: the ink (its ruled lines erased from the mask,
 * not from the strength), the pieces that may be digits, and the writing's height.
 */
record DigitPieces(Ink ink, List<Blob> pieces, int height) {

	/** Finds them in a grey image given row by row, with the ink detector's logits (null: the threshold's ink). */
	static DigitPieces find(final float[] grey, final int w, final int h, final float[] logits) {
		final Ink ink = Ink.of(grey, w, h, logits);
		Lines.erase(ink.mask(), w, h);
		final List<Blob> all = Blobs.of(ink.mask(), w, h);
		final int height = Blobs.writingHeight(all);
		return new DigitPieces(ink, Blobs.digitPieces(all, height), height);
	}

	/** All the pieces as one; null when there are none. */
	Blob whole() {
		if (pieces.isEmpty()) return null;
		Blob whole = pieces.get(0);
		for (final Blob piece : pieces.subList(1, pieces.size())) whole = whole.merge(piece);
		return whole;
	}
}
