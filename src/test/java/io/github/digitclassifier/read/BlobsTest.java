package io.github.digitclassifier.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The writing's height and the lines of pieces, on masks laid out as the documents that once misled them. */
class BlobsTest {

	/** Sets {@code x0..x1} by {@code y0..y1} in a mask {@code w} wide. */
	private static void fill(final boolean[] mask, final int w, final int x0, final int y0, final int x1, final int y1) {
		for (int y = y0; y <= y1; y++) for (int x = x0; x <= x1; x++) mask[y * w + x] = true;
	}

	/** A digit-like ring {@code size} tall with its top left at (x, y). */
	private static void ring(final boolean[] mask, final int w, final int x, final int y, final int size) {
		fill(mask, w, x, y, x + size * 2 / 3, y + 2);
		fill(mask, w, x, y + size - 3, x + size * 2 / 3, y + size - 1);
		fill(mask, w, x, y, x + 2, y + size - 1);
		fill(mask, w, x + size * 2 / 3 - 2, y, x + size * 2 / 3, y + size - 1);
	}

	private static int height(final boolean[] mask, final int w, final int h) {
		return Blobs.writingHeight(Blobs.of(mask, w, h));
	}

	@Test
	void aRegistersCellTakesTheHeightOfTheNumberNotOfThePageEdgeBesideIt() {
		// A cell 90 x 240: the page's dark edge down its right side, broken where the scan lost it,
		// and a number of two digits 24 px tall written small in the middle.
		final int w = 90, h = 240;
		final boolean[] mask = new boolean[w * h];
		fill(mask, w, 72, 0, 89, 110);
		fill(mask, w, 74, 118, 89, 239);
		ring(mask, w, 10, 120, 24);
		ring(mask, w, 34, 121, 24);
		assertEquals(24, height(mask, w, h));
	}

	@Test
	void aRegistersCellTakesTheHeightOfADigitBesideAnEdgeNotMuchTallerThanIt() {
		// A cell 100 x 150: a lone 7 written 25 px tall, and a stretch of the page's edge 70 px tall
		// (under three times the digit, more ink than it) that the scan kept.
		final int w = 100, h = 150;
		final boolean[] mask = new boolean[w * h];
		fill(mask, w, 31, 83, 46, 85);
		fill(mask, w, 40, 86, 43, 107);
		fill(mask, w, 83, 41, 91, 110);
		assertEquals(25, height(mask, w, h));
	}

	@Test
	void aRegistersCellTakesTheHeightOfTheNumberNotOfARuleWithinIt() {
		// A cell 100 x 300: a printed rule the scan kept only in part (within the image, more ink
		// than the number), and a digit 24 px tall underlined, the underline apart from it.
		final int w = 100, h = 300;
		final boolean[] mask = new boolean[w * h];
		fill(mask, w, 24, 50, 31, 249);
		ring(mask, w, 60, 200, 24);
		fill(mask, w, 58, 228, 80, 229);
		assertEquals(24, height(mask, w, h));
	}

	@Test
	void aNumberThatTouchesItsFieldsBorderKeepsItsHeightBesideASmallMarkWithin() {
		// A cheque's tight field: "92" runs out of the bottom; the "=" after it is within but no writing.
		final int w = 96, h = 57;
		final boolean[] mask = new boolean[w * h];
		ring(mask, w, 29, 21, 36);
		ring(mask, w, 54, 21, 36);
		fill(mask, w, 80, 34, 94, 37);
		fill(mask, w, 80, 44, 94, 47);
		fill(mask, w, 86, 37, 87, 44); // joined into one piece 14 tall
		assertEquals(36, height(mask, w, h));
	}

	@Test
	void piecesOnOneLineAreOneLineHoweverFarApartAndMarksAboveAreAnother() {
		// A register's cell: a number of three digits, a speck of the margin above it, a mark far to its right.
		final int w = 200, h = 200;
		final boolean[] mask = new boolean[w * h];
		ring(mask, w, 20, 120, 24);
		ring(mask, w, 40, 122, 24);
		ring(mask, w, 60, 119, 24);
		fill(mask, w, 40, 30, 52, 44);
		fill(mask, w, 180, 125, 186, 140);
		final List<Blob> pieces = Blobs.of(mask, w, h);
		final List<Blob> lines = Blobs.lines(pieces);
		assertEquals(2, lines.size());
		final Blob number = lines.get(0); // the most ink first
		assertEquals(List.of(20, 119, 186, 145), List.of(number.x0(), number.y0(), number.x1(), number.y1()));
		assertEquals(List.of(40, 30, 52, 44), List.of(lines.get(1).x0(), lines.get(1).y0(), lines.get(1).x1(), lines.get(1).y1()));
	}
}
