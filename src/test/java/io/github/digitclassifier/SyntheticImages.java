package io.github.digitclassifier;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

/**
 * Seeded drawings of simple shapes, one class per shape, written as class folders: the test data
 * of the pipeline. Each image has its own size, position, rotation and stroke.
 */
public final class SyntheticImages {

	public static final List<String> SHAPES = List.of("circle", "cross", "square", "triangle");

	private SyntheticImages() {}

	/** Writes {@code perClass} PNGs of each shape into {@code root/<shape>/}; light ink on black. */
	public static Path writeShapes(final Path root, final int perClass, final long seed) throws IOException {
		final Random random = new Random(seed);
		for (final String shape : SHAPES) {
			final Path folder = Files.createDirectories(root.resolve(shape));
			for (int i = 0; i < perClass; i++) {
				ImageIO.write(draw(shape, 32 + random.nextInt(17), random, false), "png", folder.resolve(shape + i + ".png").toFile());
			}
		}
		return root;
	}

	public static final List<String> TEXTURES = List.of("checks", "diagonal", "horizontal", "vertical");

	/**
	 * Writes {@code perClass} grey pictures of each texture into {@code root/<texture>/}: gratings
	 * that fill the whole frame, of random frequency, phase, brightness, contrast and noise, some
	 * wider than high; nothing like ink on a plain ground.
	 */
	public static Path writeTextures(final Path root, final int perClass, final long seed) throws IOException {
		final Random random = new Random(seed);
		for (final String texture : TEXTURES) {
			final Path folder = Files.createDirectories(root.resolve(texture));
			for (int i = 0; i < perClass; i++) {
				final int h = 28 + random.nextInt(9), w = h + (random.nextBoolean() ? 0 : random.nextInt(12));
				ImageIO.write(texture(texture, w, h, random), "png", folder.resolve(texture + i + ".png").toFile());
			}
		}
		return root;
	}

	public static final List<String> CELLS = List.of("disc", "ring");

	/**
	 * Writes {@code perClass} grey "cells" of each kind into {@code root/<kind>/}, seen from
	 * above: a bright disc or ring near the middle of a noisy 32x32 field, of random size and
	 * brightness; no kind has an "up".
	 */
	public static Path writeCells(final Path root, final int perClass, final long seed) throws IOException {
		final Random random = new Random(seed);
		for (final String kind : CELLS) {
			final Path folder = Files.createDirectories(root.resolve(kind));
			for (int i = 0; i < perClass; i++) {
				final BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
				final double cx = 15.5 + random.nextGaussian(), cy = 15.5 + random.nextGaussian();
				final double radius = 7 + 5 * random.nextDouble(), brightness = 120 + 100 * random.nextDouble();
				for (int y = 0; y < 32; y++) {
					for (int x = 0; x < 32; x++) {
						final double r = Math.hypot(x - cx, y - cy);
						final boolean inside = kind.equals("disc") ? r < radius : Math.abs(r - radius) < 1.5;
						final double v = 40 + (inside ? brightness : 0) + 10 * random.nextGaussian();
						image.getRaster().setSample(x, y, 0, (int) Math.max(0, Math.min(255, Math.round(v))));
					}
				}
				ImageIO.write(image, "png", folder.resolve(kind + i + ".png").toFile());
			}
		}
		return root;
	}

	public static final List<String> HUES = List.of("blue", "green", "red", "yellow");

	/**
	 * Writes {@code perClass} colour pictures of each hue into {@code root/<hue>/}: the textures
	 * above, any of them, tinted; brightness and contrast vary as much as between hues, so that
	 * only colour tells the classes apart.
	 */
	public static Path writeColourTextures(final Path root, final int perClass, final long seed) throws IOException {
		final Random random = new Random(seed);
		final float[][] tints = { { 0.3f, 0.4f, 1.4f }, { 0.5f, 1.3f, 0.5f }, { 1.5f, 0.45f, 0.4f }, { 1.2f, 1.1f, 0.3f } };
		for (int k = 0; k < HUES.size(); k++) {
			final Path folder = Files.createDirectories(root.resolve(HUES.get(k)));
			for (int i = 0; i < perClass; i++) {
				final BufferedImage grey = texture(TEXTURES.get(random.nextInt(TEXTURES.size())), 32, 32, random);
				final BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
				for (int y = 0; y < 32; y++) {
					for (int x = 0; x < 32; x++) {
						final int v = grey.getRaster().getSample(x, y, 0);
						int rgb = 0;
						for (int c = 0; c < 3; c++) rgb = rgb << 8 | Math.min(255, Math.round(v * tints[k][c]));
						image.setRGB(x, y, rgb);
					}
				}
				ImageIO.write(image, "png", folder.resolve(HUES.get(k) + i + ".png").toFile());
			}
		}
		return root;
	}

	/**
	 * Writes a white 8-bit TIFF in deflated strips of {@code rowsPerStrip} rows, as scanners write
	 * them (ImageJ too, in one strip): small on disk however large, each strip decoded whole.
	 */
	public static Path writeWhiteTiff(final Path file, final int width, final int height, final int rowsPerStrip) throws IOException {
		final int strips = (height + rowsPerStrip - 1) / rowsPerStrip;
		final ByteArrayOutputStream data = new ByteArrayOutputStream();
		final ByteBuffer offsets = ByteBuffer.allocate(4 * strips).order(ByteOrder.LITTLE_ENDIAN);
		final ByteBuffer counts = ByteBuffer.allocate(4 * strips).order(ByteOrder.LITTLE_ENDIAN);
		final byte[] row = new byte[width];
		Arrays.fill(row, (byte) 255);
		for (int s = 0; s < strips; s++) {
			final int start = data.size();
			try (DeflaterOutputStream out = new DeflaterOutputStream(data, new Deflater(Deflater.BEST_SPEED))) {
				for (int y = s * rowsPerStrip; y < Math.min(height, (s + 1) * rowsPerStrip); y++) out.write(row);
			}
			offsets.putInt(8 + start);
			counts.putInt(data.size() - start);
		}
		// The tags: width, height, bits, compression (deflate), photometric (black is 0), strip offsets, samples, rows a strip, strip sizes.
		final int pad = data.size() % 2, arrays = 8 + data.size() + pad, ifd = arrays + 8 * strips; // at even offsets, as TIFF asks
		final int[][] tags = { { 256, 4, width }, { 257, 4, height }, { 258, 3, 8 }, { 259, 3, 8 }, { 262, 3, 1 },
			{ 273, 4, strips == 1 ? 8 : arrays }, { 277, 3, 1 }, { 278, 4, rowsPerStrip }, { 279, 4, strips == 1 ? data.size() : arrays + 4 * strips } };
		final ByteBuffer tail = ByteBuffer.allocate(8 * strips + 2 + 12 * tags.length + 4).order(ByteOrder.LITTLE_ENDIAN);
		tail.put(offsets.array()).put(counts.array()).putShort((short) tags.length);
		for (final int[] tag : tags) {
			final int count = tag[0] == 273 || tag[0] == 279 ? strips : 1;
			tail.putShort((short) tag[0]).putShort((short) tag[1]).putInt(count);
			if (tag[1] == 3) tail.putShort((short) tag[2]).putShort((short) 0);
			else tail.putInt(tag[2]);
		}
		tail.putInt(0);
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd)
				.array());
			data.writeTo(out);
			out.write(new byte[pad]);
			out.write(tail.array());
		}
		return file;
	}

	private static BufferedImage texture(final String texture, final int w, final int h, final Random random) {
		final BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		final double period = 5 + 6 * random.nextDouble(), phase = 2 * Math.PI * random.nextDouble();
		final double mean = 70 + 110 * random.nextDouble(), amplitude = 30 + 40 * random.nextDouble();
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				final double u = switch (texture) {
					case "horizontal" -> Math.sin(2 * Math.PI * y / period + phase);
					case "vertical" -> Math.sin(2 * Math.PI * x / period + phase);
					case "diagonal" -> Math.sin(2 * Math.PI * (x + y) / (period * Math.sqrt(2)) + phase);
					case "checks" -> Math.sin(2 * Math.PI * x / period + phase) * Math.sin(2 * Math.PI * y / period);
					default -> throw new IllegalArgumentException(texture);
				};
				final double v = mean + amplitude * u + 12 * random.nextGaussian();
				image.getRaster().setSample(x, y, 0, (int) Math.max(0, Math.min(255, Math.round(v))));
			}
		}
		return image;
	}

	/** A grey image of a shape; {@code onPaper} draws dark ink on a light ground. */
	public static BufferedImage draw(final String shape, final int size, final Random random, final boolean onPaper) {
		final BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
		final Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(onPaper ? new Color(235, 235, 235) : Color.BLACK);
		g.fillRect(0, 0, size, size);
		g.setColor(onPaper ? new Color(30, 30, 30) : Color.WHITE);
		final double extent = size * (0.45 + 0.35 * random.nextDouble());
		final double cx = size / 2.0 + (random.nextDouble() - 0.5) * (size - extent) * 0.8;
		final double cy = size / 2.0 + (random.nextDouble() - 0.5) * (size - extent) * 0.8;
		g.setStroke(new BasicStroke((float) (size * (0.05 + 0.04 * random.nextDouble()))));
		g.transform(AffineTransform.getRotateInstance(Math.toRadians(random.nextGaussian() * 8), cx, cy));
		final double r = extent / 2;
		switch (shape) {
			case "circle" -> g.draw(new Ellipse2D.Double(cx - r, cy - r, extent, extent));
			case "square" -> g.draw(new Rectangle2D.Double(cx - r, cy - r, extent, extent));
			case "cross" -> {
				g.draw(new Line2D.Double(cx - r, cy - r, cx + r, cy + r));
				g.draw(new Line2D.Double(cx - r, cy + r, cx + r, cy - r));
			}
			case "triangle" -> {
				final Path2D.Double path = new Path2D.Double();
				path.moveTo(cx, cy - r);
				path.lineTo(cx + r, cy + r);
				path.lineTo(cx - r, cy + r);
				path.closePath();
				g.draw(path);
			}
			default -> throw new IllegalArgumentException(shape);
		}
		g.dispose();
		return image;
	}
}
