package io.github.digitclassifier.read;

import java.util.Arrays;
import java.util.List;

import io.github.digitclassifier.read.sequence.Strip;

/**
 * Writing as strips for the strip network, its ink found and cleaned as the reader finds digits:
 * to train on, all the pieces of a number as one strip; to read, each piece its own; and, for a
 * number reader model, the field the writing is in as one strip, background and all.
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
	private static Writing writing(final float[] grey, final int w, final int h) {
		final DigitPieces found = DigitPieces.find(grey, w, h, null);
		final Blob whole = found.whole();
		if (whole == null) return null;
		return new Writing(of(NumberReader.crop(whole, found.ink(), found.height()), found.height()), whole.x0(), whole.y0(), whole.width(),
			whole.height());
	}

	/**
	 * The field strip of a grey image given row by row, for a number reader: where the writing is
	 * and how tall it is are found as for {@link #writing} (with the ink detector's ink when one is
	 * given), but the strip is the band of the image around it, three writing heights wider on either
	 * side, unmasked: what the ink finding took away or let through is the network's to judge, not
	 * lost. Each pixel is its ink strength, 1 at the writing's usual ink, times the detector's
	 * belief that it is handwriting (a sigmoid of its logit, shifted to {@link Ink#GROW}); without a
	 * detector, the strength alone. Of the pieces' {@link #fields}, the one with the most ink; null
	 * when no writing is found.
	 */
	public static Writing field(final float[] grey, final int w, final int h, final InkDetector detector) {
		final List<Writing> fields = fields(grey, w, h, detector, 1);
		return fields.isEmpty() ? null : fields.get(0);
	}

	/**
	 * The fields a number may be in, as {@link #field} makes one: one per line of pieces
	 * ({@link Blobs#lines}), the most ink first, at most {@code most}; none without writing. A
	 * reader reads {@link #MAX_FIELDS} of them and keeps the surest reading.
	 */
	public static List<Writing> fields(final float[] grey, final int w, final int h, final InkDetector detector, final int most) {
		final float[] logits = NumberReader.logits(detector, grey, w, h);
		return fields(DigitPieces.find(grey, w, h, logits), logits, most);
	}

	/** The most fields read in one image: a page of specks and rules holds many lines, the number among the largest. */
	public static final int MAX_FIELDS = 4;

	/** The fields around the digit pieces found (with the detector's {@code logits}; null: none), as {@link #fields}. */
	static List<Writing> fields(final DigitPieces found, final float[] logits, final int most) {
		final List<Blob> lines = Blobs.lines(found.pieces());
		return lines.subList(0, Math.min(most, lines.size())).stream().map(line -> field(line, found.ink(), found.height(), logits)).toList();
	}

	/** The field around the writing {@code whole} of this ink, {@code height} pixels tall. */
	private static Writing field(final Blob whole, final Ink ink, final int height, final float[] logits) {
		final int w = ink.width(), h = ink.height();
		final float[] strength = ink.strength();
		final float[] inked = new float[whole.pixels().length];
		for (int i = 0; i < inked.length; i++) inked[i] = strength[whole.pixels()[i]];
		Arrays.sort(inked);
		final float usual = inked[(int) (0.75 * (inked.length - 1))];
		// The band: the strip's rows around the writing's middle; its columns, three writing heights more either side.
		final int rows = (int) Math.ceil(height * (double) Strip.HEIGHT / Strip.WRITING) + 2;
		final int top = (whole.y0() + whole.y1() + 1) / 2 - rows / 2;
		final int x0 = Math.max(0, whole.x0() - 3 * height), x1 = Math.min(w - 1, whole.x1() + 3 * height), cw = x1 - x0 + 1;
		final float[] band = new float[cw * rows];
		for (int y = 0; y < rows; y++) {
			final int sy = top + y;
			if (sy < 0 || sy >= h) continue;
			for (int x = 0; x < cw; x++) {
				final int i = sy * w + x0 + x;
				final float belief = logits == null ? 1 : (float) (1 / (1 + Math.exp(-(logits[i] - Ink.GROW))));
				band[y * cw + x] = usual > 0 ? Math.min(1, strength[i] / usual) * belief : 0;
			}
		}
		return new Writing(Strip.of(band, cw, rows, height, x0), whole.x0(), whole.y0(), whole.width(), whole.height());
	}

	/** The strip of a piece cut out of a page ({@link NumberReader#crop}), whose writing is {@code height} pixels tall. */
	static Strip of(final NumberReader.Crop crop, final int height) {
		return Strip.of(crop.pixels(), crop.width(), crop.height(), height, crop.x0());
	}
}
