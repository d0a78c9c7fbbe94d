package io.github.digitclassifier.predict;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GradientPaint;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.digitclassifier.model.ModelBundles;
import io.github.digitclassifier.runtime.dl4j.NetworkClassifier;

/**
 * The bundled model on digits as people make them: rendered in several fonts, sizes and positions,
 * dark ink on uneven light paper or light on dark, with noise, saved as JPEG, TIFF and PNG.
 */
class RenderedDigitsTest {

	private static final String[] FONTS = { "DejaVu Sans", "DejaVu Serif", "DejaVu Sans Mono", "DejaVu Sans Condensed" };
	private static final String[] FORMATS = { "jpg", "tif", "png" };

	@TempDir
	Path dir;

	@Test
	void bundledModelReadsRenderedDigits() throws Exception {
		final Random random = new Random(2026);
		int made = 0;
		for (int digit = 0; digit <= 9; digit++) {
			final Path folder = Files.createDirectories(dir.resolve(Integer.toString(digit)));
			for (int i = 0; i < 12; i++) {
				final String format = FORMATS[i % FORMATS.length];
				final BufferedImage image = render(digit, FONTS[i % FONTS.length], i % 4 != 3, random);
				ImageIO.write(image, format, folder.resolve("d" + i + "." + format).toFile());
				made++;
			}
		}
		final FolderPredictions result = new Predictor(new NetworkClassifier(ModelBundles.loadDefault())).predictFolder(dir);
		assertTrue(result.skipped().isEmpty(), result.skipped().toString());
		long right = 0;
		final StringBuilder wrong = new StringBuilder();
		for (final FilePrediction p : result.predictions()) {
			if (p.file().startsWith(p.prediction().className() + "/")) right++;
			else wrong.append(p.file()).append("->").append(p.prediction().className()).append(' ');
		}
		final double accuracy = (double) right / made;
		System.out.println("Rendered digits: " + right + " of " + made + " right; wrong: " + wrong);
		assertTrue(accuracy >= 0.9, "accuracy " + accuracy + "; wrong: " + wrong);
	}

	@Test
	void aHugeOneBitScanIsReadAndClassified() throws Exception {
		// 20000x20000 pixels: read subsampled, never held whole (400 MB as bytes, 1.6 GB as floats).
		final BufferedImage scan = new BufferedImage(20000, 20000, BufferedImage.TYPE_BYTE_BINARY);
		final Graphics2D g = scan.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 20000, 20000);
		g.setColor(Color.BLACK);
		g.setStroke(new java.awt.BasicStroke(1200));
		g.drawOval(5000, 2500, 9000, 15000);
		g.dispose();
		final Path file = dir.resolve("zero.png");
		ImageIO.write(scan, "png", file.toFile());
		final Prediction prediction = new Predictor(new NetworkClassifier(ModelBundles.loadDefault())).predict(io.github.digitclassifier.data.ImageFiles.read(file));
		assertTrue(prediction.className().equals("0"), "predicted " + prediction.className() + " " + prediction.confidence());
	}

	/** A digit somewhere in a canvas of 40 to 400 pixels, at 30% to 70% of its height. */
	private static BufferedImage render(final int digit, final String fontName, final boolean onPaper, final Random random) {
		final int w = 40 + random.nextInt(360);
		final int h = (int) (w * (0.7 + 0.6 * random.nextDouble()));
		final BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		final Color light = new Color(200 + random.nextInt(56), 195 + random.nextInt(56), 180 + random.nextInt(60));
		final Color shade = light.darker();
		final Color ink = onPaper ? new Color(random.nextInt(60), random.nextInt(60), 40 + random.nextInt(100)) : Color.WHITE;
		g.setPaint(onPaper ? new GradientPaint(0, 0, light, w, h, shade) : new GradientPaint(0, 0, Color.BLACK, w, h, new Color(40, 40, 40)));
		g.fillRect(0, 0, w, h);
		final Font font = new Font(fontName, random.nextBoolean() ? Font.BOLD : Font.PLAIN, Math.max(8, (int) (h * (0.3 + 0.4 * random.nextDouble()))));
		g.setFont(font);
		final FontMetrics metrics = g.getFontMetrics();
		final String text = Integer.toString(digit);
		final int tw = metrics.stringWidth(text);
		final int x = random.nextInt(Math.max(1, w - tw));
		final int y = metrics.getAscent() + random.nextInt(Math.max(1, h - metrics.getAscent() - metrics.getDescent()));
		g.setColor(ink);
		g.rotate(Math.toRadians(random.nextGaussian() * 5), x + tw / 2.0, y - metrics.getAscent() / 2.0);
		g.drawString(text, x, y);
		g.dispose();
		for (int i = 0; i < w * h / 20; i++) {
			final int px = random.nextInt(w), py = random.nextInt(h);
			final int v = (image.getRGB(px, py) & 0xff) + random.nextInt(41) - 20;
			final int c = Math.max(0, Math.min(255, v));
			image.setRGB(px, py, new Color(c, c, c).getRGB());
		}
		return image;
	}
}
