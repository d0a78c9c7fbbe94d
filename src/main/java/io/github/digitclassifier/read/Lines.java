package io.github.digitclassifier.read;

/**
 * Ruled lines, underlines and the top and bottom edges of boxes: horizontal bands of ink longer
 * than half the image and 1.5 times the writing's height. Their ink is taken out of the mask
 * except where a stroke crosses them, so that digits written on a line come apart from it whole.
 * (Vertical box edges are left to {@link Blobs}: a 1 is as tall as such an edge can be.)
 */
final class Lines {

	/** A line is at least this many times as long as the writing beside it is tall. */
	static final double LENGTH_TO_WRITING = 1.5;

	private Lines() {}

	/** Erases horizontal lines from {@code mask} in place. */
	static void erase(final boolean[] mask, final int w, final int h) {
		eraseRows(mask, w, h, w, 1);
	}

	/**
	 * Along {@code lines} lines of {@code length} pixels ({@code along} apart within a line,
	 * {@code across} between lines): finds the lines whose longest run of ink is a line's, then
	 * erases those runs where no stroke goes on above or below the band of such lines.
	 */
	private static void eraseRows(final boolean[] mask, final int length, final int lines, final int across, final int along) {
		final int[] longest = new int[lines];
		final int[] runStart = new int[lines];
		for (int l = 0; l < lines; l++) {
			int run = 0;
			for (int i = 0; i < length; i++) {
				run = mask[l * across + i * along] ? run + 1 : 0;
				if (run > longest[l]) {
					longest[l] = run;
					runStart[l] = i - run + 1;
				}
			}
		}
		final boolean[] candidate = new boolean[lines];
		for (int l = 0; l < lines; l++) candidate[l] = longest[l] >= 0.5 * length;
		// The writing's extent across the lines, not counting the candidate lines themselves.
		int first = -1, last = -1;
		for (int l = 0; l < lines; l++) {
			if (candidate[l] || longest[l] == 0) continue;
			if (first < 0) first = l;
			last = l;
		}
		final int writing = first < 0 ? 0 : last - first + 1;
		for (int l = 0; l < lines; ) {
			if (!candidate[l]) { l++; continue; }
			int end = l;
			while (end < lines && candidate[end]) end++;
			// A band of lines l..end-1: erase where nothing continues beyond it on either side.
			int bandLongest = 0;
			for (int k = l; k < end; k++) bandLongest = Math.max(bandLongest, longest[k]);
			// A line beside writing (a lone bar is no line: it may be a 7's, and alone it is no digit anyway).
			if (writing > 0 && bandLongest >= LENGTH_TO_WRITING * writing && end - l <= Math.max(2, lines / 8)) {
				for (int i = 0; i < length; i++) {
					final boolean before = l > 0 && mask[(l - 1) * across + i * along];
					final boolean after = end < lines && mask[end * across + i * along];
					if (before || after) continue;
					for (int k = l; k < end; k++) {
						if (i >= runStart[k] && i < runStart[k] + longest[k]) mask[k * across + i * along] = false;
					}
				}
			}
			l = end;
		}
	}
}
