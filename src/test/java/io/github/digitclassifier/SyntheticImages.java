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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

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
