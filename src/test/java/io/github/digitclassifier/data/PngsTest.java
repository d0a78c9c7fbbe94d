package io.github.digitclassifier.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PNGs decoded from their bytes give what ImageIO's reader gives, and the kinds they do not decode are left to it. */
class PngsTest {

	@TempDir
	Path dir;

	@Test
	void decodesGreyRgbAndRgbaAsImageIoDoes() throws Exception {
		final Random random = new Random(5);
		int k = 0;
		for (final int type : new int[] { BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB,
			BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_4BYTE_ABGR })
		{
			// Noise, gradients and flat areas, so that the writer's adaptive filter uses each kind of row filter.
			final BufferedImage image = new BufferedImage(37, 29, type);
			for (int y = 0; y < 29; y++) {
				for (int x = 0; x < 37; x++) {
					final int argb = y < 10 ? random.nextInt() : y < 20 ? 0xff000000 | (x * 7 << 16) | (y * 5 << 8) | (x + y) : 0x80ffffff;
					image.setRGB(x, y, argb);
				}
			}
			final Path file = dir.resolve("image" + k++ + ".png");
			ImageIO.write(image, "png", file.toFile());
			assertNotNull(Pngs.decode(Files.readAllBytes(file)), "type " + type + " is decoded here");
			assertSameAsImageIo(file);
		}
		try (Stream<Path> digits = Files.walk(Path.of("sample-data/test"))) {
			for (final Path file : digits.filter(f -> f.toString().endsWith(".png")).limit(50).toList()) assertSameAsImageIo(file);
		}
	}

	@Test
	void decodesImageDataSplitOverManyChunksAsImageIoDoes() throws Exception {
		// Noise does not compress: ImageIO's writer splits its data into IDAT chunks of 32 KB.
		final BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
		final Random random = new Random(8);
		for (int y = 0; y < 200; y++) for (int x = 0; x < 300; x++) image.setRGB(x, y, random.nextInt());
		final Path file = dir.resolve("noise.png");
		ImageIO.write(image, "png", file.toFile());
		final String text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
		org.junit.jupiter.api.Assertions.assertTrue(text.split("IDAT", -1).length - 1 > 1, "several IDAT chunks");
		assertNotNull(Pngs.decode(Files.readAllBytes(file)));
		assertSameAsImageIo(file);
	}

	@Test
	void leavesPalettesSixteenBitsAndGreyWithAlphaToImageIo() throws Exception {
		for (final int type : new int[] { BufferedImage.TYPE_BYTE_INDEXED, BufferedImage.TYPE_USHORT_GRAY, BufferedImage.TYPE_BYTE_BINARY }) {
			final BufferedImage image = new BufferedImage(9, 7, type);
			image.setRGB(3, 2, 0xffffffff);
			final Path file = dir.resolve("other" + type + ".png");
			ImageIO.write(image, "png", file.toFile());
			assertNull(Pngs.decode(Files.readAllBytes(file)), "type " + type);
			assertSameAsImageIo(file);
		}
		assertNull(Pngs.decode("GIF89a, not a PNG at all, and long enough".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
	}

	@Test
	void readsAPngWhoseEndIsMissingAsImageIoDoes() throws Exception {
		final BufferedImage image = new BufferedImage(20, 10, BufferedImage.TYPE_BYTE_GRAY);
		for (int x = 0; x < 20; x++) image.getRaster().setSample(x, x / 2, 0, 10 * x);
		final Path whole = dir.resolve("whole.png");
		ImageIO.write(image, "png", whole.toFile());
		final byte[] png = Files.readAllBytes(whole);
		// Without its IEND chunk (12 bytes), and with the last chunk's end cut off too.
		Files.write(dir.resolve("no-end.png"), java.util.Arrays.copyOf(png, png.length - 12));
		Files.write(dir.resolve("cut-end.png"), java.util.Arrays.copyOf(png, png.length - 6));
		assertSameAsImageIo(dir.resolve("no-end.png"));
		assertSameAsImageIo(dir.resolve("cut-end.png"));
	}

	private static void assertSameAsImageIo(final Path file) throws Exception {
		final BufferedImage reference = ImageIO.read(file.toFile());
		for (final int channels : List.of(1, 3)) {
			final float[] expected = (channels == 1 ? ImageFiles.toFloat(reference) : ImageFiles.toRgb(reference)).update(null).getCurrentStorageArray();
			final float[] got = ImageFiles.read(file, channels).update(null).getCurrentStorageArray();
			assertArrayEquals(expected, got, 1e-4f, file + ", " + channels + " channels");
		}
	}
}
