package io.github.digitclassifier.bench.documents;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import java.util.function.Consumer;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A piece of paper in colour, 0..1 per channel, on which layers are laid as ink lies on paper:
 * each multiplies the light the paper reflects (a pale line over a dark stroke stays dark). Then
 * it is lit, scanned (blurred, noisy, in grey or colour) and saved (JPEG at some quality, or PNG).
 */
final class Sheet {

	final int w, h;
	private final float[] r, g, b;

	Sheet(final int w, final int h, final double[] paper) {
		this.w = w;
		this.h = h;
		r = new float[w * h];
		g = new float[w * h];
		b = new float[w * h];
		java.util.Arrays.fill(r, (float) paper[0]);
		java.util.Arrays.fill(g, (float) paper[1]);
		java.util.Arrays.fill(b, (float) paper[2]);
	}

	/** A colour from 0..255 values. */
	static double[] rgb(final double red, final double green, final double blue) {
		return new double[] { red / 255, green / 255, blue / 255 };
	}

	/** Lays ink of {@code colour} where the mask (0..1) is, at {@code opacity}: light that passes is filtered by the ink. */
	void ink(final float[] mask, final double[] colour, final double opacity) {
		for (int i = 0; i < mask.length; i++) {
			final float m = mask[i];
			if (m <= 0) continue;
			final double a = Math.min(1, m * opacity);
			r[i] *= (float) (1 - a * (1 - colour[0]));
			g[i] *= (float) (1 - a * (1 - colour[1]));
			b[i] *= (float) (1 - a * (1 - colour[2]));
		}
	}

	/** Covers the paper with an opaque colour where the mask is (what lies beyond the page's edge). */
	void cover(final float[] mask, final double[] colour) {
		for (int i = 0; i < mask.length; i++) {
			final float m = Math.min(1, Math.max(0, mask[i]));
			if (m <= 0) continue;
			r[i] = (float) ((1 - m) * r[i] + m * colour[0]);
			g[i] = (float) ((1 - m) * g[i] + m * colour[1]);
			b[i] = (float) ((1 - m) * b[i] + m * colour[2]);
		}
	}

	/** Multiplies every channel by {@code light} (1 = as it is): uneven lighting, stains. */
	void light(final float[] light) {
		for (int i = 0; i < light.length; i++) {
			r[i] *= light[i];
			g[i] *= light[i];
			b[i] *= light[i];
		}
	}

	/** Multiplies each channel by 1 + its own amount times the field: a stain of a colour. */
	void tint(final float[] field, final double[] amount) {
		for (int i = 0; i < field.length; i++) {
			r[i] *= (float) (1 + amount[0] * field[i]);
			g[i] *= (float) (1 + amount[1] * field[i]);
			b[i] *= (float) (1 + amount[2] * field[i]);
		}
	}

	/** A mask (0..1 coverage) of what {@code paint} draws in white with anti-aliasing. */
	float[] mask(final Consumer<Graphics2D> paint) {
		final BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		final Graphics2D graphics = image.createGraphics();
		graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
		graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
		graphics.setColor(Color.WHITE);
		paint.accept(graphics);
		graphics.dispose();
		final float[] mask = new float[w * h];
		for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) mask[y * w + x] = image.getRaster().getSample(x, y, 0) / 255f;
		return mask;
	}

	/** The mask of a shape's outline drawn with a round pen {@code width} wide. */
	float[] stroke(final Shape shape, final double width) {
		return mask(graphics -> {
			graphics.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
			graphics.draw(shape);
		});
	}

	/**
	 * The mask of a shape drawn with a broad, flat nib {@code width} wide held at {@code angle}
	 * (radians): strokes along the nib are thin, across it broad, as a dip pen writes.
	 */
	float[] nib(final Shape shape, final double width, final double thin, final double angle) {
		return mask(graphics -> {
			graphics.setStroke(new BasicStroke((float) thin, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
			final int steps = Math.max(2, (int) Math.ceil(2 * width / Math.max(0.5, thin)));
			for (int s = 0; s <= steps; s++) {
				final double t = (s / (double) steps - 0.5) * (width - thin);
				graphics.draw(AffineTransform.getTranslateInstance(t * Math.cos(angle), t * Math.sin(angle)).createTransformedShape(shape));
			}
		});
	}

	/** The mask of printed text at (x, y) (its baseline's left end), turned by {@code angle} radians. */
	float[] text(final String text, final Font font, final double x, final double y, final double angle) {
		return mask(graphics -> {
			graphics.setFont(font);
			graphics.rotate(angle, x, y);
			graphics.drawString(text, (float) x, (float) y);
		});
	}

	/** A Gaussian blur of every channel, {@code sigma} pixels (the scanner's optics). */
	void blur(final double sigma) {
		if (sigma <= 0.05) return;
		final int radius = (int) Math.ceil(3 * sigma);
		final float[] kernel = new float[2 * radius + 1];
		double sum = 0;
		for (int k = -radius; k <= radius; k++) sum += kernel[k + radius] = (float) Math.exp(-k * k / (2 * sigma * sigma));
		for (int k = 0; k < kernel.length; k++) kernel[k] /= (float) sum;
		for (final float[] channel : new float[][] { r, g, b }) blur(channel, kernel, radius);
	}

	private void blur(final float[] channel, final float[] kernel, final int radius) {
		final float[] tmp = new float[channel.length];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				float v = 0;
				for (int k = -radius; k <= radius; k++) v += kernel[k + radius] * channel[y * w + Math.min(w - 1, Math.max(0, x + k))];
				tmp[y * w + x] = v;
			}
		}
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				float v = 0;
				for (int k = -radius; k <= radius; k++) v += kernel[k + radius] * tmp[Math.min(h - 1, Math.max(0, y + k)) * w + x];
				channel[y * w + x] = v;
			}
		}
	}

	/** The sensor's noise: Gaussian, {@code sigma} (0..1 scale), shared by the channels in part. */
	void noise(final Random random, final double sigma) {
		for (int i = 0; i < r.length; i++) {
			final double common = sigma * 0.7 * random.nextGaussian();
			r[i] += (float) (common + sigma * 0.5 * random.nextGaussian());
			g[i] += (float) (common + sigma * 0.5 * random.nextGaussian());
			b[i] += (float) (common + sigma * 0.5 * random.nextGaussian());
		}
	}

	/** The scan, 8 bits: grey (luminance) or RGB. */
	BufferedImage image(final boolean grey) {
		final BufferedImage image = new BufferedImage(w, h, grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				final int i = y * w + x;
				final int red = byteOf(r[i]), green = byteOf(g[i]), blue = byteOf(b[i]);
				if (grey) image.getRaster().setSample(x, y, 0, (int) Math.round(0.299 * red + 0.587 * green + 0.114 * blue));
				else image.setRGB(x, y, red << 16 | green << 8 | blue);
			}
		}
		return image;
	}

	/** Thresholds the scan at a grey level, as a bilevel (fax) scanner does. */
	static BufferedImage bilevel(final BufferedImage grey, final int threshold) {
		final BufferedImage out = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
		for (int y = 0; y < grey.getHeight(); y++) {
			for (int x = 0; x < grey.getWidth(); x++) out.getRaster().setSample(x, y, 0, grey.getRaster().getSample(x, y, 0) < threshold ? 0 : 255);
		}
		return out;
	}

	private static int byteOf(final float v) {
		return (int) Math.max(0, Math.min(255, Math.round(v * 255)));
	}

	/** The image as a JPEG file of {@code quality} (0..1), or as PNG when quality is 0 or less. */
	static byte[] encode(final BufferedImage image, final double quality) {
		try {
			final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			if (quality <= 0) {
				ImageIO.write(image, "png", bytes);
				return bytes.toByteArray();
			}
			final ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
			final ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality((float) quality);
			try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
				writer.setOutput(out);
				writer.write(null, new IIOImage(image, null, null), param);
			}
			writer.dispose();
			return bytes.toByteArray();
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static BufferedImage decode(final byte[] file) {
		try {
			return ImageIO.read(new ByteArrayInputStream(file));
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
