package io.github.digitclassifier.data;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Decodes image files (PNG, TIFF, JPEG, BMP, GIF; 8, 16 and 32 bit grey, RGB and palette) into
 * float images: grey (colour becomes luminance) or red, green and blue planes (grey becomes three
 * equal planes). Transparent pixels are laid on white, as a drawing on paper would be.
 */
public final class ImageFiles {

	/** Larger images are read subsampled: a model input is a few dozen pixels wide. */
	public static final int MAX_DECODED_SIDE = 2048;

	/** Images with a side under this hold no digit or picture (the smallest digits in use, UCI's, are 8x8): refused. */
	public static final int MIN_SIDE = 4;

	/**
	 * Most pixels of a TIFF strip or tile: ImageIO decodes each piece whole before subsampling it,
	 * and a scan of 20000x20000 px in one strip would take 400 MB at 8 bits.
	 */
	static final long MAX_PIECE_PIXELS = 1L << 25;

	private static final Set<String> EXTENSIONS = Set.of("png", "tif", "tiff", "jpg", "jpeg", "bmp", "gif");

	static {
		ImageIO.setUseCache(false); // no temporary file per decoded image
	}

	/** The formats read, for messages. */
	public static final String FORMATS = "PNG, TIFF, JPEG, BMP and GIF";

	private ImageFiles() {}

	public static boolean hasImageExtension(final Path file) {
		final String name = file.getFileName().toString();
		final int dot = name.lastIndexOf('.');
		return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
	}

	/** Reads an image as grey, or fails with a message naming the file. */
	public static ArrayImg<FloatType, FloatArray> read(final Path file) throws IOException {
		return read(file, 1);
	}

	/**
	 * Reads an image as {@code channels} planes: 1, grey (a 2D image); 3, red, green and blue
	 * (x, y, channel). Fails with a message naming the file.
	 */
	public static ArrayImg<FloatType, FloatArray> read(final Path file, final int channels) throws IOException {
		return read(file, null, channels);
	}

	/**
	 * Reads an image as {@link #read(Path, int)} does, from {@code contents}, the file's bytes read
	 * before (a {@link FileReadAhead}'s), or from the file when null.
	 */
	public static ArrayImg<FloatType, FloatArray> read(final Path file, final byte[] contents, final int channels)
		throws IOException
	{
		final byte[] bytes = contents != null ? contents : bytesOf(file, MAX_BYTES_IN_MEMORY);
		final Pngs.Decoded png;
		try {
			png = bytes == null ? null : Pngs.decode(bytes);
		}
		catch (final IOException e) {
			throw undecodable(file, e);
		}
		if (png != null) {
			requireUsable(file, png.width(), png.height());
			return channels == 1 ? grey(png) : rgb(png);
		}
		final BufferedImage image = decode(file, bytes);
		return channels == 1 ? toFloat(image) : toRgb(image);
	}

	/** Larger files are streamed to ImageIO, which reads only what a subsampled image needs. */
	private static final long MAX_BYTES_IN_MEMORY = 64 << 20;

	/**
	 * A file's bytes, read whole once (the PNG decoder or ImageIO takes them from memory); null
	 * when it has more than {@code maxBytes}. One opening of the file serves its size and its bytes.
	 */
	static byte[] bytesOf(final Path file, final long maxBytes) throws IOException {
		try (SeekableByteChannel channel = Files.newByteChannel(file)) {
			final long size = channel.size();
			if (size == 0) throw new IOException(file + " is empty (0 bytes)");
			if (size > maxBytes) return null;
			final ByteBuffer bytes = ByteBuffer.allocate((int) size);
			while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
				// until full, or the file ends early (it shrank): what was read is decoded
			}
			return bytes.position() == size ? bytes.array() : Arrays.copyOf(bytes.array(), bytes.position());
		}
	}

	private static BufferedImage decode(final Path file, final byte[] bytes) throws IOException {
		final BufferedImage image = withReader(file, bytes, reader -> {
			final int w, h, pieceWidth, pieceHeight;
			try {
				w = reader.getWidth(0);
				h = reader.getHeight(0);
				pieceWidth = reader.getTileWidth(0);
				pieceHeight = reader.getTileHeight(0);
			}
			catch (final IOException | RuntimeException e) {
				throw undecodable(file, e);
			}
			requireUsable(file, w, h);
			// Only TIFF's reader decodes a piece whole; the others' piece is the image, decoded row by row.
			if (reader.getFormatName().equalsIgnoreCase("tif") && (long) pieceWidth * pieceHeight > MAX_PIECE_PIXELS) {
				throw new IOException(file + " is " + w + "x" + h + " px in one piece (a TIFF strip or tile of " + pieceWidth + "x" +
					pieceHeight + " px), decoded whole: more than the " + (MAX_PIECE_PIXELS >> 20) +
					" megapixels read at once; scale it down or crop it");
			}
			final ImageReadParam param = reader.getDefaultReadParam();
			final int step = (Math.max(w, h) + MAX_DECODED_SIDE - 1) / MAX_DECODED_SIDE;
			if (step > 1) param.setSourceSubsampling(step, step, 0, 0);
			try {
				return reader.read(0, param);
			}
			catch (final IOException | RuntimeException e) {
				throw undecodable(file, e);
			}
		});
		if (image == null) throw new IOException(file + " is not a readable image (unknown format)");
		return image;
	}

	/** An image file's width and height as its header gives them; null when no reader here knows its format or header. */
	public static long[] size(final Path file) throws IOException {
		return withReader(file, null, reader -> {
			try {
				return new long[] { reader.getWidth(0), reader.getHeight(0) };
			}
			catch (final IOException | RuntimeException e) {
				return null; // a damaged header: whoever decodes the file says so
			}
		});
	}

	/** What is done with an image file's reader, its input set. */
	@FunctionalInterface
	private interface ReaderTask<T> {
		T apply(ImageReader reader) throws IOException;
	}

	/** What {@code task} makes of the reader of the file (of {@code bytes} when not null); null when no reader knows its format. */
	private static <T> T withReader(final Path file, final byte[] bytes, final ReaderTask<T> task) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(bytes != null ? new ByteArrayInputStream(bytes) : file.toFile())) {
			if (in == null) throw new IOException("Cannot open " + file);
			final Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) return null;
			final ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				return task.apply(reader);
			}
			finally {
				reader.dispose();
			}
		}
	}

	private static IOException undecodable(final Path file, final Exception e) {
		return new IOException(file + " cannot be decoded (corrupt or truncated?): " + e.getMessage(), e);
	}

	/** Refuses a file whose image is too small to hold anything, naming it. */
	private static void requireUsable(final Path file, final int width, final int height) throws IOException {
		final String small = tooSmall(file.toString(), width, height);
		if (small != null) throw new IOException(small);
	}

	/** Why an image of {@code width} x {@code height} px, called {@code what}, holds no digit or picture; null when it may. */
	public static String tooSmall(final String what, final long width, final long height) {
		return Math.min(width, height) >= MIN_SIDE ? null : what + " is " + width + "x" + height +
			" px: too small to hold a digit or picture (at least " + MIN_SIDE + "x" + MIN_SIDE + " px)";
	}

	/** A decoded PNG as grey: grey as it is, colour as {@link #toFloat} gives it. */
	private static ArrayImg<FloatType, FloatArray> grey(final Pngs.Decoded png) {
		final byte[] s = png.samples();
		final int c = png.channels();
		final float[] pixels = new float[png.width() * png.height()];
		for (int i = 0; i < pixels.length; i++) {
			if (c == 1) pixels[i] = s[i] & 0xff;
			else pixels[i] = onWhite(luminance(s[c * i] & 0xff, s[c * i + 1] & 0xff, s[c * i + 2] & 0xff), c == 4 ? (s[c * i + 3] & 0xff) / 255f : 1);
		}
		return ArrayImgs.floats(pixels, png.width(), png.height());
	}

	/** A decoded PNG as red, green and blue planes, as {@link #toRgb} gives them. */
	private static ArrayImg<FloatType, FloatArray> rgb(final Pngs.Decoded png) {
		final byte[] s = png.samples();
		final int c = png.channels(), plane = png.width() * png.height();
		final float[] planes = new float[3 * plane];
		for (int i = 0; i < plane; i++) {
			final float alpha = c == 4 ? (s[c * i + 3] & 0xff) / 255f : 1;
			for (int k = 0; k < 3; k++) planes[k * plane + i] = c == 1 ? s[i] & 0xff : onWhite(s[c * i + k] & 0xff, alpha);
		}
		return ArrayImgs.floats(planes, png.width(), png.height(), 3);
	}

	/** Grey values as they are (any bit depth); colour as weighted luminance 0..255. */
	public static ArrayImg<FloatType, FloatArray> toFloat(final BufferedImage image) {
		final int w = image.getWidth();
		final int h = image.getHeight();
		final float[] pixels = new float[w * h];
		final ColorModel model = image.getColorModel();
		final Raster raster = image.getRaster();
		if (isGrey(image) && !model.hasAlpha()) {
			raster.getSamples(0, 0, w, h, 0, pixels);
		}
		else {
			final int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
			for (int i = 0; i < pixels.length; i++) pixels[i] = luminanceOnWhite(argb[i]);
		}
		return ArrayImgs.floats(pixels, w, h);
	}

	/**
	 * Red, green and blue planes, 0..255 (alpha laid on white); a grey image's values as they are
	 * (any bit depth) in all three, since Java's own conversion of grey to RGB changes them.
	 */
	public static ArrayImg<FloatType, FloatArray> toRgb(final BufferedImage image) {
		final int w = image.getWidth();
		final int h = image.getHeight();
		final int plane = w * h;
		final float[] planes = new float[3 * plane];
		if (isGrey(image)) {
			final float[] grey = toFloat(image).update(null).getCurrentStorageArray();
			for (int c = 0; c < 3; c++) System.arraycopy(grey, 0, planes, c * plane, plane);
		}
		else {
			final int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
			for (int i = 0; i < plane; i++) {
				final float alpha = ((argb[i] >>> 24) & 0xff) / 255f;
				for (int c = 0; c < 3; c++) planes[c * plane + i] = onWhite((argb[i] >> (16 - 8 * c)) & 0xff, alpha);
			}
		}
		return ArrayImgs.floats(planes, w, h, 3);
	}

	private static boolean isGrey(final BufferedImage image) {
		final ColorModel model = image.getColorModel();
		return !(model instanceof IndexColorModel) && model.getNumColorComponents() == 1;
	}

	private static float luminanceOnWhite(final int argb) {
		return onWhite(luminance((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff), ((argb >>> 24) & 0xff) / 255f);
	}

	private static float luminance(final int red, final int green, final int blue) {
		return 0.299f * red + 0.587f * green + 0.114f * blue;
	}

	/** A value seen through {@code alpha} on white paper. */
	private static float onWhite(final float value, final float alpha) {
		return alpha * value + (1 - alpha) * 255f;
	}
}
