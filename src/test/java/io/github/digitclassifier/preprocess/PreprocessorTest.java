package io.github.digitclassifier.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.digitclassifier.SyntheticImages;
import io.github.digitclassifier.data.ImageFiles;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

class PreprocessorTest {

	private final Preprocessor digits = new Preprocessor(Preprocessing.digits());
	private final Preprocessor unlimited = new Preprocessor(new Preprocessing(28, 28, Preprocessing.Fit.CENTER_OF_MASS,
		Preprocessing.Inversion.AUTO, 20, 1, null, 0));

	@Test
	void offCentreContentIsScaledToTheBoxAndCentredByMass() {
		// A 10x6 bright bar in the top left corner of a 60x60 image.
		final float[] pixels = new float[60 * 60];
		for (int y = 2; y < 8; y++) for (int x = 3; x < 13; x++) pixels[y * 60 + x] = 255;
		// Placement only: a solid bar scaled up is as thick as a marker's stroke, which would be thinned.
		final float[] out = unlimited.prepare(ArrayImgs.floats(pixels, 60, 60));
		final double[] centre = centreOfMass(out, 28);
		assertEquals(13.5, centre[0], 0.05);
		assertEquals(13.5, centre[1], 0.05);
		// The bar's longer side becomes 20 pixels: 10 -> 20 is a zoom by 2, so 6 rows become 12.
		assertEquals(20, extent(out, 28, true), 1);
		assertEquals(12, extent(out, 28, false), 1);
		assertEquals(1f, max(out), 1e-6f);
	}

	@Test
	void darkInkOnPaperGivesWhatLightInkOnBlackGives() {
		final BufferedImage light = SyntheticImages.draw("triangle", 40, new Random(3), false);
		final BufferedImage paper = SyntheticImages.draw("triangle", 40, new Random(3), true);
		final float[] a = digits.prepare(ImageFiles.toFloat(light));
		final float[] b = digits.prepare(ImageFiles.toFloat(paper));
		assertTrue(meanAbsoluteDifference(a, b) < 0.02, "difference " + meanAbsoluteDifference(a, b));
		assertTrue(max(b) > 0.95f);
		// Without inversion the paper image is mostly "content": nothing like the drawing.
		final Preprocessor never = new Preprocessor(new Preprocessing(28, 28, Preprocessing.Fit.CENTER_OF_MASS,
			Preprocessing.Inversion.NEVER, 20, 1, null));
		assertTrue(meanAbsoluteDifference(a, never.prepare(ImageFiles.toFloat(paper))) > 0.1);
	}

	@Test
	void rgbAnd16BitAnd32BitInputsGiveTheSameResult() {
		final BufferedImage grey = SyntheticImages.draw("circle", 36, new Random(4), false);
		final float[] reference = digits.prepare(ImageFiles.toFloat(grey));
		final BufferedImage rgb = new BufferedImage(36, 36, BufferedImage.TYPE_INT_RGB);
		rgb.getGraphics().drawImage(grey, 0, 0, null);
		assertArrayEquals(reference, digits.prepare(ImageFiles.toFloat(rgb)), 0.01f);
		final short[] shorts = new short[36 * 36];
		final float[] floats = new float[36 * 36];
		for (int i = 0; i < shorts.length; i++) {
			final int v = grey.getRaster().getSample(i % 36, i / 36, 0);
			shorts[i] = (short) (v * 257 / 16); // 12-bit camera data in a 16-bit image
			floats[i] = v / 255f - 0.5f;
		}
		final ArrayImg<UnsignedShortType, ShortArray> sixteen = ArrayImgs.unsignedShorts(shorts, 36, 36);
		assertArrayEquals(reference, digits.prepare(sixteen), 0.01f);
		final ArrayImg<FloatType, FloatArray> thirtyTwo = ArrayImgs.floats(floats, 36, 36);
		assertArrayEquals(reference, digits.prepare(thirtyTwo), 0.01f);
	}

	@Test
	void largeImagesShrinkWithoutAliasingAndSmallOnesGrow() {
		final BufferedImage small = SyntheticImages.draw("cross", 12, new Random(5), false);
		final BufferedImage large = new BufferedImage(1200, 1200, BufferedImage.TYPE_BYTE_GRAY);
		large.createGraphics().drawImage(small, 0, 0, 1200, 1200, null);
		final float[] fromSmall = digits.prepare(ImageFiles.toFloat(small));
		final float[] fromLarge = digits.prepare(ImageFiles.toFloat(large));
		assertTrue(meanAbsoluteDifference(fromSmall, fromLarge) < 0.06, "" + meanAbsoluteDifference(fromSmall, fromLarge));
		// A one-pixel grid would alias into stripes if sampled without filtering; filtered it is an even grey.
		final float[] grid = new float[280 * 280];
		for (int i = 0; i < grid.length; i++) grid[i] = (i / 280 + i % 280) % 2;
		final float[] out = new Preprocessor(Preprocessing.resize(28, 28)).prepare(ArrayImgs.floats(grid, 280, 280));
		for (final float v : out) assertEquals(0.5f, v, 0.05f);
	}

	@Test
	void anImageLargerThanFilesAreDecodedPreparesAsItsFileDoes(@TempDir final Path dir) throws Exception {
		final BufferedImage wide = new BufferedImage(6000, 900, BufferedImage.TYPE_BYTE_GRAY);
		wide.createGraphics().drawImage(SyntheticImages.draw("cross", 40, new Random(3), false), 2500, 100, 700, 700, null);
		final Path file = dir.resolve("wide.png");
		ImageIO.write(wide, "png", file.toFile());
		// The file is read subsampled; the image in memory (one open in ImageJ) is prepared from the same pixels.
		assertArrayEquals(digits.prepare(ImageFiles.read(file)), digits.prepare(ImageFiles.toFloat(wide)));
	}

	@Test
	void nonFinitePixelsCountAsBackground() {
		final float[] pixels = new float[40 * 40];
		for (int y = 10; y < 30; y++) for (int x = 15; x < 25; x++) pixels[y * 40 + x] = 3.5f;
		final float[] clean = digits.prepare(ArrayImgs.floats(pixels.clone(), 40, 40));
		pixels[0] = Float.NaN;
		pixels[1] = Float.POSITIVE_INFINITY;
		pixels[2] = Float.NEGATIVE_INFINITY;
		final float[] out = digits.prepare(ArrayImgs.floats(pixels, 40, 40));
		assertArrayEquals(clean, out, 1e-6f);
		for (final float v : out) assertTrue(Float.isFinite(v));
	}

	/** The ink of a prepared digit: its stroke width (at half intensity) and its content box's height. */
	private static int[] strokeAndHeight(final float[] prepared) {
		final boolean[] ink = new boolean[prepared.length];
		for (int i = 0; i < ink.length; i++) ink[i] = prepared[i] > 0.5f;
		final int[] box = Paper.contentBox(prepared, 28, 28);
		return new int[] { Strokes.width(ink, 28, 28), box[3] - box[1] + 1 };
	}

	/** A grey image of black ink, drawn by {@code ink}, on white paper. */
	private static BufferedImage inkOnPaper(final int w, final int h, final java.util.function.Consumer<java.awt.Graphics2D> ink) {
		final BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		final java.awt.Graphics2D g = image.createGraphics();
		g.setColor(java.awt.Color.WHITE);
		g.fillRect(0, 0, w, h);
		g.setColor(java.awt.Color.BLACK);
		ink.accept(g);
		return image;
	}

	@Test
	void markerStrokesAreThinnedToMnistsWidestAndPenStrokesLeftAsTheyAre() throws Exception {
		// A 1 written with a marker: a bar 14 wide and 40 high, with a flag.
		final BufferedImage marker = inkOnPaper(60, 60, g -> {
			g.fillRect(28, 10, 14, 40);
			g.fillRect(18, 10, 12, 10);
		});
		final int[] thick = strokeAndHeight(unlimited.prepare(ImageFiles.toFloat(marker)));
		final int[] thinned = strokeAndHeight(digits.prepare(ImageFiles.toFloat(marker)));
		assertTrue(thick[0] >= 7, "unthinned stroke " + thick[0]);
		assertTrue(thinned[0] <= Preprocessing.digits().maxStroke() + 1, "thinned stroke " + thinned[0]);
		assertEquals(20, thinned[1], 1, "fitted again to the box");
		// MNIST's own digits (a pen) come out as they did without the limit.
		final PreparedImages mnist = PreparedImages.prepare(io.github.digitclassifier.data.ClassFolders.scan(
			java.nio.file.Path.of("sample-data/test")), unlimited);
		int changed = 0;
		for (int i = 0; i < mnist.size(); i++) {
			final float[] plain = new float[784];
			mnist.copyTo(i, plain, 0);
			final float[] limited = digits.prepare(ImageFiles.read(mnist.dataset().images().get(i).file()));
			if (!java.util.Arrays.equals(plain, limited)) changed++;
		}
		assertTrue(changed <= 10, changed + " of 200 MNIST digits thinned");
	}

	@Test
	void thinningKeepsTheThinPartsOfABoldDigit() throws Exception {
		// A bold 9: a filled head 90 px across and a tail 10 px wide below it.
		final BufferedImage bold = inkOnPaper(120, 150, g -> {
			g.fillOval(10, 5, 90, 90);
			g.fillRect(88, 50, 10, 95);
		});
		final float[] prepared = digits.prepare(ImageFiles.toFloat(bold));
		final int[] box = Paper.contentBox(prepared, 28, 28);
		// Eroding the head to a pen's width would erase the tail, and the head alone, fitted again, fill the box.
		assertEquals(20, box[3] - box[1] + 1, 1, "height: head and tail");
		assertTrue(box[2] - box[0] + 1 <= 16, "width " + (box[2] - box[0] + 1) + ": the head was fitted alone");
	}

	@Test
	void thinningKeepsTheThinLoopOfABoldEight() throws Exception {
		// A bold 8: its upper loop filled in, its lower loop a ring 20 px wide. One erosion step erased
		// the ring but for a grey trace that kept the digit's box: fitted again, the 8 became a blob.
		final BufferedImage bold = inkOnPaper(110, 200, g -> {
			g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON); // grey edges, as scanned
			g.fillOval(10, 5, 90, 110);
			g.setStroke(new java.awt.BasicStroke(20));
			g.drawOval(28, 110, 54, 85);
		});
		final float[] prepared = digits.prepare(ImageFiles.toFloat(bold));
		int top = 28, bottom = -1;
		for (int i = 0; i < prepared.length; i++) {
			if (prepared[i] > 0.5f) {
				top = Math.min(top, i / 28);
				bottom = Math.max(bottom, i / 28);
			}
		}
		assertTrue(bottom - top + 1 >= 18, "the 8's ink spans rows " + top + "-" + bottom + ": both loops");
		// Across the lower loop: ink, paper, ink.
		final int row = top + (bottom - top) * 3 / 4;
		int changes = 0;
		for (int x = 1; x < 28; x++) {
			if (prepared[row * 28 + x] > 0.5f != prepared[row * 28 + x - 1] > 0.5f) changes++;
		}
		assertEquals(4, changes, "row " + row + " crosses the lower loop's two sides");
	}

	@Test
	void anImagePreparesTheSameAfterOthersOfOtherSizesOnTheSameThread() throws Exception {
		// Marker strokes (thinned), photos large enough for the blurred content map, colour, small
		// and large digits: each prepared first on a thread of its own, then all in turns on one.
		final Random random = new Random(11);
		final java.util.List<ArrayImg<FloatType, FloatArray>> images = new java.util.ArrayList<>();
		for (final int size : new int[] { 28, 300, 17, 90, 28, 160 }) {
			final BufferedImage drawn = SyntheticImages.draw(SyntheticImages.SHAPES.get(images.size() % 4), size, random, size > 80);
			final java.awt.Graphics2D g = drawn.createGraphics();
			g.setColor(size > 80 ? java.awt.Color.BLACK : java.awt.Color.WHITE);
			g.fillRect(size / 3, size / 5, size / 4, size / 2); // a marker's stroke
			images.add(images.size() == 3 ? ImageFiles.toRgb(drawn) : ImageFiles.toFloat(drawn));
		}
		final java.util.List<float[]> alone = new java.util.ArrayList<>();
		for (final ArrayImg<FloatType, FloatArray> image : images) {
			final float[][] out = new float[1][];
			final Thread thread = new Thread(() -> out[0] = digits.prepare(image));
			thread.start();
			thread.join();
			alone.add(out[0]);
		}
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < images.size(); i++) {
				final int k = round == 0 ? i : images.size() - 1 - i;
				assertArrayEquals(alone.get(k), digits.prepare(images.get(k)), "image " + k + ", round " + round);
			}
		}
		assertFalse(java.util.Arrays.equals(alone.get(0), alone.get(4)), "the two 28-pixel images differ");
	}

	@Test
	void blankImagesBecomeZeros() {
		final float[] out = digits.prepare(ArrayImgs.floats(new float[30 * 20], 30, 20));
		assertArrayEquals(new float[28 * 28], out);
	}

	@Test
	void resizeStretchesTheWholeImage() {
		// Left half dark, right half bright, 64x16 -> 8x8: columns 0-3 dark, 4-7 bright.
		final float[] pixels = new float[64 * 16];
		for (int i = 0; i < pixels.length; i++) pixels[i] = i % 64 < 32 ? 10 : 110;
		final float[] out = new Preprocessor(Preprocessing.resize(8, 8)).prepare(ArrayImgs.floats(pixels, 64, 16));
		assertEquals(0f, out[0], 0.01f);
		assertEquals(1f, out[7], 0.01f);
		assertEquals(0f, out[8 * 7 + 2], 0.05f);
		assertEquals(1f, out[8 * 7 + 5], 0.05f);
	}

	@Test
	void picturesAreCentreCroppedToTheInputsAspectAndStandardisedUnclamped() {
		// 60x40: a 40x40 middle of 50 between 10-pixel bands of 200; tall 40x60 likewise top and bottom.
		final float[] wide = new float[60 * 40], tall = new float[40 * 60];
		for (int y = 0; y < 40; y++) for (int x = 0; x < 60; x++) wide[y * 60 + x] = x < 10 || x >= 50 ? 200 : 50;
		for (int y = 0; y < 60; y++) for (int x = 0; x < 40; x++) tall[y * 40 + x] = y < 10 || y >= 50 ? 200 : 50;
		final Preprocessor pictures = new Preprocessor(Preprocessing.pictures(20, 1,
			new Preprocessing.Standardisation(java.util.List.of(50.0), java.util.List.of(10.0))));
		// Nothing of the bands shows: every input is (50 - 50) / 10.
		assertArrayEquals(new float[400], pictures.prepare(ArrayImgs.floats(wide, 60, 40)), 1e-6f);
		assertArrayEquals(new float[400], pictures.prepare(ArrayImgs.floats(tall, 40, 60)), 1e-6f);
		// Intensities are not stretched per image nor clamped: a flat 150 is (150 - 50) / 10 everywhere.
		final float[] flat = new float[30 * 30];
		java.util.Arrays.fill(flat, 150);
		final float[] ten = new float[400];
		java.util.Arrays.fill(ten, 10);
		assertArrayEquals(ten, pictures.prepare(ArrayImgs.floats(flat, 30, 30)), 1e-5f);
	}

	@Test
	void colourPicturesAreStandardisedPerChannelAndGreyOnesFillEveryChannel() {
		final float[] planes = new float[3 * 16 * 16];
		java.util.Arrays.fill(planes, 0, 256, 100);
		java.util.Arrays.fill(planes, 256, 512, 50);
		java.util.Arrays.fill(planes, 512, 768, 10);
		final Preprocessor colour = new Preprocessor(Preprocessing.pictures(16, 3,
			new Preprocessing.Standardisation(java.util.List.of(100.0, 40.0, 0.0), java.util.List.of(1.0, 10.0, 5.0))));
		final float[] out = colour.prepare(ArrayImgs.floats(planes, 16, 16, 3));
		assertEquals(3 * 256, out.length);
		assertEquals(0f, out[0], 1e-5f);
		assertEquals(1f, out[256], 1e-5f);
		assertEquals(2f, out[512], 1e-5f);
		// A grey image: its values in all three channels, each standardised with its own figures.
		final float[] grey = new float[16 * 16];
		java.util.Arrays.fill(grey, 100);
		final float[] fromGrey = colour.prepare(ArrayImgs.floats(grey, 16, 16));
		assertEquals(0f, fromGrey[0], 1e-5f);
		assertEquals(6f, fromGrey[256], 1e-5f);
		assertEquals(20f, fromGrey[512], 1e-5f);
		// A colour image for a grey model: its luminance.
		final Preprocessor greyModel = new Preprocessor(Preprocessing.pictures(16, 1, Preprocessing.Standardisation.identity(1)));
		assertEquals(0.299f * 100 + 0.587f * 50 + 0.114f * 10, greyModel.prepare(ArrayImgs.floats(planes, 16, 16, 3))[0], 1e-3f);
	}

	@Test
	void augmentationIsSeededAndNoneIsIdentity() {
		final float[] image = digits.prepare(ImageFiles.toFloat(SyntheticImages.draw("square", 40, new Random(6), false)));
		final Augmenter none = new Augmenter(new Augmentation(0, 0, 0, false), Preprocessing.digits());
		final float[] same = new float[784];
		none.augment(image, 0, same, 0, new java.util.SplittableRandom(1));
		assertArrayEquals(image, same, 1e-6f);
		final Augmenter augmenter = new Augmenter(Augmentation.digits(), Preprocessing.digits());
		final float[] a = new float[784], b = new float[784], c = new float[784];
		augmenter.augment(image, 0, a, 0, new java.util.SplittableRandom(9));
		augmenter.augment(image, 0, b, 0, new java.util.SplittableRandom(9));
		augmenter.augment(image, 0, c, 0, new java.util.SplittableRandom(10));
		assertArrayEquals(a, b);
		assertTrue(meanAbsoluteDifference(a, c) > 0.01);
		assertTrue(meanAbsoluteDifference(a, image) < 0.2);
	}

	@Test
	void pictureAugmentationTurnsAndMirrorsExactlyAndJittersEachChannel() {
		final Preprocessing colour = Preprocessing.pictures(8, 3, Preprocessing.Standardisation.identity(3));
		final float[] image = new float[3 * 64];
		for (int i = 0; i < image.length; i++) image[i] = i;
		// Turns and mirrorings only: each output is one of the square's eight symmetries, all eight come up.
		final Augmenter dihedral = new Augmenter(new Augmentation(0, 0, 0, true, true, true, 0, 0, 0, null), colour);
		final java.util.Set<java.util.List<Float>> seen = new java.util.HashSet<>();
		for (int seed = 0; seed < 200; seed++) {
			final float[] out = new float[image.length];
			dihedral.augment(image, 0, out, 0, new java.util.SplittableRandom(seed));
			final float[] sorted = out.clone();
			java.util.Arrays.sort(sorted);
			assertArrayEquals(image, sorted, 1e-3f); // a permutation of the pixels, nothing interpolated
			for (int c = 0; c < 3; c++) {
				for (int p = 0; p < 64; p++) assertEquals(c, (int) Math.round(out[c * 64 + p]) / 64, "channels stay apart");
			}
			final java.util.List<Float> first = new java.util.ArrayList<>();
			for (int p = 0; p < 64; p++) first.add(Math.round(out[p]) * 1f);
			seen.add(first);
		}
		assertEquals(8, seen.size());
		// Jitter only: every channel is a gain and an offset of itself, the offset the same for all.
		final Augmenter jitter = new Augmenter(new Augmentation(0, 0, 0, false, false, false, 0.5, 0.3, 0.2, null), colour);
		final float[] out = new float[image.length];
		jitter.augment(image, 0, out, 0, new java.util.SplittableRandom(4));
		final double[] gains = new double[3], offsets = new double[3];
		for (int c = 0; c < 3; c++) {
			final int a = c * 64 + 1, b = c * 64 + 50;
			gains[c] = (out[b] - out[a]) / (image[b] - image[a]);
			offsets[c] = out[a] - gains[c] * image[a];
			assertTrue(gains[c] > 0.7 * 0.8 - 1e-6 && gains[c] < 1.3 * 1.2 + 1e-6, "gain " + gains[c]);
		}
		assertEquals(offsets[0], offsets[1], 1e-3);
		assertEquals(offsets[0], offsets[2], 1e-3);
		assertTrue(Math.abs(offsets[0]) <= 0.5 && gains[0] != gains[1], java.util.Arrays.toString(gains));
		final Symmetry none = new Symmetry(0, 0, 0), all = new Symmetry(0.9, 0.9, 0.9);
		assertEquals(Augmentation.pictures(false, false), Augmentation.fitting(Augmentation.digits(), colour, none));
		assertEquals(Augmentation.pictures(true, true), Augmentation.fitting(Augmentation.digits(), colour, all));
		assertEquals(Augmentation.digits(), Augmentation.fitting(Augmentation.digits(), Preprocessing.digits(), all));
	}

	@Test
	void augmentationResamplesAsImgLib2LinearInterpolationWithBorderExtension() {
		final float[] image = digits.prepare(ImageFiles.toFloat(SyntheticImages.draw("triangle", 50, new Random(3), false)));
		final float[] rotated = new float[784];
		// A rotation of up to 90 degrees and nothing else; the reference draws the same angle from the same seed.
		final Augmentation rotation = new Augmentation(90, 0, 0, false);
		final java.util.SplittableRandom random = new java.util.SplittableRandom(5);
		new Augmenter(rotation, Preprocessing.digits()).augment(image, 0, rotated, 0, random);
		final double angle = Math.toRadians(new java.util.SplittableRandom(5).nextDouble(-90, 90));
		final net.imglib2.RealRandomAccess<net.imglib2.type.numeric.real.FloatType> reference = net.imglib2.view.Views.interpolate(
			net.imglib2.view.Views.extendBorder(ArrayImgs.floats(image, 28, 28)),
			new net.imglib2.interpolation.randomaccess.NLinearInterpolatorFactory<net.imglib2.type.numeric.real.FloatType>())
			.realRandomAccess();
		for (int y = 0; y < 28; y++) {
			for (int x = 0; x < 28; x++) {
				final double u = x - 13.5, v = y - 13.5;
				reference.setPosition(13.5 + Math.cos(angle) * u + Math.sin(angle) * v, 0);
				reference.setPosition(13.5 - Math.sin(angle) * u + Math.cos(angle) * v, 1);
				assertEquals(reference.get().get(), rotated[y * 28 + x], 1e-5f, "pixel " + x + "," + y);
			}
		}
	}

	@Test
	void interpolationsGiveWhatImgLib2sLinearInterpolatorGivesOnExtendedViews() {
		final Random random = new Random(11);
		final float[] image = new float[7 * 5];
		for (int i = 0; i < image.length; i++) image[i] = random.nextFloat();
		final net.imglib2.RealRandomAccess<FloatType> border = net.imglib2.view.Views.interpolate(
			net.imglib2.view.Views.extendBorder(ArrayImgs.floats(image, 7, 5)),
			new net.imglib2.interpolation.randomaccess.NLinearInterpolatorFactory<FloatType>()).realRandomAccess();
		final net.imglib2.RealRandomAccess<FloatType> zero = net.imglib2.view.Views.interpolate(
			net.imglib2.view.Views.extendZero(ArrayImgs.floats(image, 7, 5)),
			new net.imglib2.interpolation.randomaccess.NLinearInterpolatorFactory<FloatType>()).realRandomAccess();
		for (int i = 0; i < 2000; i++) {
			// Inside, on the edges, and up to three pixels beyond them.
			final double x = random.nextDouble() * 13 - 3, y = random.nextDouble() * 11 - 3;
			border.setPosition(new double[] { x, y });
			zero.setPosition(new double[] { x, y });
			assertEquals(border.get().get(), Interpolations.borderExtended(image, 0, 7, 5, x, y), 1e-5f, x + "," + y);
			assertEquals(zero.get().get(), Interpolations.zeroExtended(image, 7, 5, x, y), 1e-5f, x + "," + y);
		}
	}

	static double[] centreOfMass(final float[] image, final int width) {
		double mass = 0, x = 0, y = 0;
		for (int i = 0; i < image.length; i++) {
			mass += image[i];
			x += image[i] * (i % width);
			y += image[i] * (i / width);
		}
		return new double[] { x / mass, y / mass };
	}

	/** Width (or height) of the pixels above half intensity. */
	static int extent(final float[] image, final int width, final boolean horizontal) {
		int min = Integer.MAX_VALUE, max = -1;
		for (int i = 0; i < image.length; i++) {
			if (image[i] > 0.5f) {
				final int c = horizontal ? i % width : i / width;
				min = Math.min(min, c);
				max = Math.max(max, c);
			}
		}
		return max - min + 1;
	}

	static float max(final float[] values) {
		float m = Float.NEGATIVE_INFINITY;
		for (final float v : values) m = Math.max(m, v);
		return m;
	}

	static double meanAbsoluteDifference(final float[] a, final float[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
		return sum / a.length;
	}

	@Test
	void placementCarriesTheInputBackOntoTheImage() {
		final float[] page = new float[300 * 200];
		for (int y = 60; y < 80; y++) for (int x = 100; x < 120; x++) page[y * 300 + x] = 1;
		final float[] out = new float[28 * 28];
		final Placement placement = unlimited.prepareInto(ArrayImgs.floats(page, 300, 200), out, 0);
		// The input's centre is the square's centre of mass; the fitted side is the content box's, a little wider after the detection blur.
		assertEquals(109.5, placement.imageX(13.5), 0.5);
		assertEquals(69.5, placement.imageY(13.5), 0.5);
		assertEquals(1.1, placement.scaleX(), 0.15);
		assertEquals(13.5, placement.inputX(placement.imageX(13.5)), 1e-9);
		final Placement resized = new Preprocessor(new Preprocessing(28, 28, Preprocessing.Fit.RESIZE, Preprocessing.Inversion.NEVER, 20, 1,
			null, 0)).prepareInto(ArrayImgs.floats(page, 300, 200), out, 0);
		assertEquals(299.5, resized.imageX(27.5), 1e-6);
		assertEquals(-0.5, resized.imageY(-0.5), 1e-6);
	}
}
