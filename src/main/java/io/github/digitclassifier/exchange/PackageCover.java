package io.github.digitclassifier.exchange;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import io.github.digitclassifier.data.ImageFiles;
import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.preprocess.Preprocessor;

/** The pictures of a bioimage.io package: its test input and its cover. */
final class PackageCover {

	private PackageCover() {}

	/** A ring drawn on paper and prepared as the model prepares images: a test input any model can take. */
	static float[] testInput(final Preprocessing p) {
		final BufferedImage drawn = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = drawn.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(new Color(235, 230, 220));
		g.fillRect(0, 0, 96, 96);
		g.setColor(new Color(30, 40, 90));
		g.setStroke(new BasicStroke(9));
		g.drawOval(26, 14, 44, 68);
		g.dispose();
		final float[] input = new float[p.pixelCount()];
		new Preprocessor(p).prepareInto(p.channels() == 1 ? ImageFiles.toFloat(drawn) : ImageFiles.toRgb(drawn), input, 0);
		return input;
	}

	/** 2:1, no text (no fonts needed): the test input on the left, a bar per class on the right, the highest darker. */
	static byte[] cover(final float[] input, final float[] probabilities, final Preprocessing p) {
		final BufferedImage cover = new BufferedImage(512, 256, BufferedImage.TYPE_INT_RGB);
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
		for (final float v : input) {
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		final int plane = p.planeSize();
		for (int y = 0; y < 256; y++) {
			for (int x = 0; x < 256; x++) {
				final int i = y * p.height() / 256 * p.width() + x * p.width() / 256;
				int rgb = 0;
				for (int c = 0; c < 3; c++) {
					final float v = input[Math.min(c, p.channels() - 1) * plane + i];
					rgb = rgb << 8 | Math.round(max > min ? 255 * (v - min) / (max - min) : 0);
				}
				cover.setRGB(x, y, rgb);
			}
		}
		final Graphics2D g = cover.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(256, 0, 256, 256);
		int best = 0;
		for (int c = 0; c < probabilities.length; c++) if (probabilities[c] > probabilities[best]) best = c;
		final double width = 224.0 / probabilities.length;
		for (int c = 0; c < probabilities.length; c++) {
			g.setColor(c == best ? new Color(30, 60, 160) : new Color(150, 170, 210));
			final int h = Math.round(224 * probabilities[c]);
			g.fillRect((int) (272 + c * width), 240 - h, Math.max(1, (int) (width * 0.8)), h);
		}
		g.dispose();
		final ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(cover, "png", png);
		}
		catch (final IOException e) {
			throw new IllegalStateException("Could not encode the cover: " + e.getMessage(), e);
		}
		return png.toByteArray();
	}
}
