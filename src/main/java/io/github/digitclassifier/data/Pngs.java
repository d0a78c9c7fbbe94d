package io.github.digitclassifier.data;

import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes the PNG files that data sets are mostly made of — 8-bit grey, RGB or RGBA, not
 * interlaced, no transparent colour — directly from their bytes: ImageIO's reader spends more
 * time looking up and setting up a reader than decoding a 28x28 digit. Others are left to ImageIO.
 */
final class Pngs {

	/** An image's samples, row by row, {@code channels} (1 grey, 3 RGB, 4 RGBA) per pixel, 0..255. */
	record Decoded(int width, int height, int channels, byte[] samples) {}

	private static final long SIGNATURE = 0x89504E470D0A1A0AL;

	/**
	 * One inflater a thread, reset for each image: a new one a file cost its native set-up and a
	 * cleaner's registration for 28x28 digits.
	 */
	private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(Inflater::new);

	private Pngs() {}

	/** The image, or null when it is not a PNG this decodes (ImageIO's to read then). */
	static Decoded decode(final byte[] png) throws IOException {
		if (png.length < 33 || readLong(png, 0) != SIGNATURE || readInt(png, 12) != chunk("IHDR")) return null;
		final int width = readInt(png, 16), height = readInt(png, 20);
		final int depth = png[24], type = png[25], interlace = png[28];
		if (readInt(png, 8) != 13 || png[26] != 0 || png[27] != 0) return null; // not a header this knows: ImageIO's to judge
		final int channels = switch (type) {
			case 0 -> 1;
			case 2 -> 3;
			case 6 -> 4;
			default -> 0; // palette, grey with alpha: ImageIO's
		};
		if (depth != 8 || channels == 0 || interlace != 0 || width <= 0 || height <= 0 ||
			Math.max(width, height) > ImageFiles.MAX_DECODED_SIDE)
		{
			return null;
		}
		// The image data is the run of IDAT chunks, inflated one after the other as they come; as
		// ImageIO, what follows it (IEND, or a cut-off end) does not matter.
		final int stride = width * channels;
		final byte[] raw = new byte[(stride + 1) * height];
		final Inflater inflater = INFLATERS.get();
		inflater.reset();
		int n = 0;
		boolean seen = false;
		try {
			for (int at = 8; ; ) {
				final boolean whole = at + 8 <= png.length && readInt(png, at) >= 0 && at + 12L + readInt(png, at) <= png.length;
				if (!whole) {
					if (seen) break;
					throw new IOException("it ends before its image data");
				}
				final int length = readInt(png, at), name = readInt(png, at + 4);
				if (name == chunk("IDAT")) {
					inflater.setInput(png, at + 8, length);
					while (n < raw.length && !inflater.finished()) {
						final int got = inflater.inflate(raw, n, raw.length - n);
						if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
						n += got;
					}
					seen = true;
				}
				else if (seen || name == chunk("IEND")) {
					break;
				}
				else if (name == chunk("tRNS")) {
					return null; // a transparent colour: ImageIO's
				}
				at += 12 + length;
			}
		}
		catch (final DataFormatException e) {
			throw new IOException("its image data cannot be inflated: " + e.getMessage(), e);
		}
		if (n < raw.length) throw new IOException("its image data is " + n + " bytes, not " + raw.length);
		return new Decoded(width, height, channels, unfilter(raw, stride, height, channels));
	}

	/** Undoes each row's filter (none, sub, up, average, Paeth). */
	private static byte[] unfilter(final byte[] raw, final int stride, final int height, final int bpp) throws IOException {
		final byte[] out = new byte[stride * height];
		for (int y = 0; y < height; y++) {
			final int filter = raw[y * (stride + 1)], in = y * (stride + 1) + 1, row = y * stride, up = row - stride;
			for (int i = 0; i < stride; i++) {
				final int x = raw[in + i] & 0xff;
				final int a = i >= bpp ? out[row + i - bpp] & 0xff : 0;
				final int b = y > 0 ? out[up + i] & 0xff : 0;
				final int c = i >= bpp && y > 0 ? out[up + i - bpp] & 0xff : 0;
				out[row + i] = (byte) switch (filter) {
					case 0 -> x;
					case 1 -> x + a;
					case 2 -> x + b;
					case 3 -> x + ((a + b) >> 1);
					case 4 -> x + paeth(a, b, c);
					default -> throw new IOException("row " + y + " has an unknown filter, " + filter);
				};
			}
		}
		return out;
	}

	private static int paeth(final int a, final int b, final int c) {
		final int p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
		return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
	}

	private static int chunk(final String name) {
		return name.charAt(0) << 24 | name.charAt(1) << 16 | name.charAt(2) << 8 | name.charAt(3);
	}

	private static int readInt(final byte[] b, final int at) {
		return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | b[at + 3] & 0xff;
	}

	private static long readLong(final byte[] b, final int at) {
		return (long) readInt(b, at) << 32 | readInt(b, at + 4) & 0xffffffffL;
	}
}
