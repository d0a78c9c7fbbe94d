package io.github.digitclassifier.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import io.github.digitclassifier.SyntheticImages;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

class ImageFilesTest {

	@TempDir
	Path dir;

	@Test
	void readsEveryFormatAndBitDepthAsGrey() throws Exception {
		final int at = 10 * 50 + 20;
		final BufferedImage grey = new BufferedImage(50, 40, BufferedImage.TYPE_BYTE_GRAY);
		grey.getRaster().setSample(20, 10, 0, 200);
		for (final String format : new String[] { "png", "bmp", "tif" }) {
			final Path file = dir.resolve("grey." + format);
			ImageIO.write(grey, format, file.toFile());
			final float[] pixels = pixels(ImageFiles.read(file));
			assertEquals(2000, pixels.length, format);
			assertEquals(200f, pixels[at], 0.5f, format);
			assertEquals(0f, pixels[0], 0.5f, format);
		}
		// GIF holds palette images; ImageJ writes them (the JDK's GIF writer blackens grey ones).
		final ByteProcessor bytes = new ByteProcessor(50, 40);
		bytes.set(20, 10, 200);
		new FileSaver(new ImagePlus("gif", bytes)).saveAsGif(dir.resolve("palette.gif").toString());
		assertEquals(200f, pixels(ImageFiles.read(dir.resolve("palette.gif")))[at], 0.5f);
		final BufferedImage rgb = new BufferedImage(50, 40, BufferedImage.TYPE_INT_RGB);
		rgb.setRGB(20, 10, 0xff0000);
		ImageIO.write(rgb, "png", dir.resolve("rgb.png").toFile());
		assertEquals(0.299f * 255, pixels(ImageFiles.read(dir.resolve("rgb.png")))[at], 0.5f);
		for (int y = 5; y < 15; y++) for (int x = 15; x < 25; x++) rgb.setRGB(x, y, 0xffffff);
		ImageIO.write(rgb, "jpg", dir.resolve("rgb.jpg").toFile());
		assertEquals(255f, pixels(ImageFiles.read(dir.resolve("rgb.jpg")))[at], 8f);
	}

	@Test
	void readsColourAsRedGreenBluePlanesWhateverTheEncoding() throws Exception {
		final int at = 10 * 50 + 20, plane = 50 * 40;
		final BufferedImage rgb = new BufferedImage(50, 40, BufferedImage.TYPE_INT_RGB);
		rgb.setRGB(20, 10, 0xc86432);
		ImageIO.write(rgb, "png", dir.resolve("rgb.png").toFile());
		final ArrayImg<FloatType, FloatArray> planes = ImageFiles.read(dir.resolve("rgb.png"), 3);
		assertEquals(java.util.List.of(50L, 40L, 3L), Arrays.stream(planes.dimensionsAsLongArray()).boxed().toList());
		final float[] p = pixels(planes);
		assertEquals(200f, p[at]);
		assertEquals(100f, p[plane + at]);
		assertEquals(50f, p[2 * plane + at]);
		// Four channels: half-transparent red on white.
		final BufferedImage rgba = new BufferedImage(50, 40, BufferedImage.TYPE_INT_ARGB);
		rgba.setRGB(20, 10, 0x80ff0000);
		ImageIO.write(rgba, "png", dir.resolve("rgba.png").toFile());
		final float[] q = pixels(ImageFiles.read(dir.resolve("rgba.png"), 3));
		assertEquals(255f, q[at], 0.5f);
		assertEquals(127f, q[plane + at], 1f);
		assertEquals(255f, q[0], 0.5f); // fully transparent: white
		// 16 bits per channel: read at 8 bits, as ImageJ opens them.
		final java.awt.image.ColorModel model = new java.awt.image.ComponentColorModel(
			java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB), false, false,
			java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_USHORT);
		final BufferedImage deep = new BufferedImage(model, model.createCompatibleWritableRaster(50, 40), false, null);
		deep.getRaster().setPixel(20, 10, new int[] { 65535, 32768, 0 });
		ImageIO.write(deep, "png", dir.resolve("rgb16.png").toFile());
		final float[] d = pixels(ImageFiles.read(dir.resolve("rgb16.png"), 3));
		assertEquals(255f, d[at], 0.5f);
		assertEquals(128f, d[plane + at], 1f);
		assertEquals(0f, d[2 * plane + at], 0.5f);
		// Grey: its own values in all three planes, 16-bit ones too.
		final BufferedImage grey16 = new BufferedImage(50, 40, BufferedImage.TYPE_USHORT_GRAY);
		grey16.getRaster().setSample(20, 10, 0, 4000);
		ImageIO.write(grey16, "png", dir.resolve("grey16.png").toFile());
		final float[] g = pixels(ImageFiles.read(dir.resolve("grey16.png"), 3));
		for (int c = 0; c < 3; c++) assertEquals(4000f, g[c * plane + at]);
	}

	@Test
	void readsImageJ16And32BitTiffs() throws Exception {
		final ShortProcessor shorts = new ShortProcessor(6, 4);
		shorts.set(4, 2, 40000);
		new FileSaver(new ImagePlus("16", shorts)).saveAsTiff(dir.resolve("16.tif").toString());
		assertEquals(40000f, pixels(ImageFiles.read(dir.resolve("16.tif")))[2 * 6 + 4]);
		final FloatProcessor floats = new FloatProcessor(6, 4);
		floats.setf(1, 1, -2.5f);
		new FileSaver(new ImagePlus("32", floats)).saveAsTiff(dir.resolve("32.tif").toString());
		assertEquals(-2.5f, pixels(ImageFiles.read(dir.resolve("32.tif")))[6 + 1]);
	}

	@Test
	void transparentPixelsLieOnWhite() throws Exception {
		final BufferedImage argb = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
		argb.setRGB(1, 1, 0xff000000);
		ImageIO.write(argb, "png", dir.resolve("ink.png").toFile());
		final float[] pixels = pixels(ImageFiles.read(dir.resolve("ink.png")));
		assertEquals(255f, pixels[0], 0.5f);
		assertEquals(0f, pixels[4 + 1], 0.5f);
	}

	@Test
	void brokenFilesFailNamingTheFile() throws Exception {
		final BufferedImage grey = new BufferedImage(50, 50, BufferedImage.TYPE_BYTE_GRAY);
		ImageIO.write(grey, "tif", dir.resolve("whole.tif").toFile());
		final byte[] tiff = Files.readAllBytes(dir.resolve("whole.tif"));
		Files.write(dir.resolve("truncated.tif"), Arrays.copyOf(tiff, tiff.length / 3));
		Files.write(dir.resolve("empty.png"), new byte[0]);
		Files.writeString(dir.resolve("text.png"), "this is text, not a PNG");
		final byte[] png = Files.readAllBytes(writePng("whole.png"));
		for (int i = 40; i < png.length - 20; i++) png[i] ^= 0x5a;
		Files.write(dir.resolve("corrupt.png"), png);
		for (final String name : new String[] { "truncated.tif", "empty.png", "text.png", "corrupt.png" }) {
			final Path file = dir.resolve(name);
			final String message = assertThrows(java.io.IOException.class, () -> ImageFiles.read(file), name).getMessage();
			assertTrue(message.contains(file.toString()), message);
		}
	}

	@Test
	void hugeImagesAreReadSubsampled() throws Exception {
		final BufferedImage huge = new BufferedImage(5000, 3000, BufferedImage.TYPE_BYTE_GRAY);
		ImageIO.write(huge, "png", dir.resolve("huge.png").toFile());
		final ArrayImg<FloatType, FloatArray> image = ImageFiles.read(dir.resolve("huge.png"));
		assertTrue(image.dimension(0) <= ImageFiles.MAX_DECODED_SIDE && image.dimension(0) >= 1500, "" + image.dimension(0));
		assertEquals(5000.0 / 3000, (double) image.dimension(0) / image.dimension(1), 0.01);
	}

	@Test
	void scansOf20000PxAreReadSubsampledOrRefusedFromTheirHeader() throws Exception {
		// In strips of 64 rows: each decoded alone, and the image comes subsampled.
		final Path strips = SyntheticImages.writeWhiteTiff(dir.resolve("strips.tif"), 20_000, 20_000, 64);
		final ArrayImg<FloatType, FloatArray> image = ImageFiles.read(strips);
		assertEquals(2000, image.dimension(0));
		assertEquals(255f, pixels(image)[12345]);
		// In one strip, which would be decoded whole: refused before any of it is.
		final Path one = SyntheticImages.writeWhiteTiff(dir.resolve("one.tif"), 20_000, 20_000, 20_000);
		final String message = assertThrows(java.io.IOException.class, () -> ImageFiles.read(one)).getMessage();
		assertTrue(message.startsWith(one + " is 20000x20000 px in one piece"), message);
		assertArrayEquals(new long[] { 20_000, 20_000 }, ImageFiles.size(one));
	}

	@Test
	void imagesTooSmallToHoldADigitAreRefusedNamingTheFile() throws Exception {
		for (final String format : new String[] { "png", "tif", "gif" }) {
			final Path file = dir.resolve("line." + format);
			ImageIO.write(new BufferedImage(40, 3, BufferedImage.TYPE_BYTE_GRAY), format, file.toFile());
			final String message = assertThrows(java.io.IOException.class, () -> ImageFiles.read(file), format).getMessage();
			assertEquals(file + " is 40x3 px: too small to hold a digit or picture (at least 4x4 px)", message);
		}
		ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY), "png", dir.resolve("smallest.png").toFile());
		assertEquals(16, pixels(ImageFiles.read(dir.resolve("smallest.png"))).length);
	}

	private Path writePng(final String name) throws Exception {
		final BufferedImage grey = new BufferedImage(40, 40, BufferedImage.TYPE_BYTE_GRAY);
		for (int i = 0; i < 40; i++) grey.getRaster().setSample(i, i, 0, 255);
		final Path file = dir.resolve(name);
		ImageIO.write(grey, "png", file.toFile());
		return file;
	}

	static float[] pixels(final ArrayImg<FloatType, FloatArray> image) {
		return image.update(null).getCurrentStorageArray();
	}
}
