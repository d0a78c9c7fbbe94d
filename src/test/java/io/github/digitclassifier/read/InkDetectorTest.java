package io.github.digitclassifier.read;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.github.digitclassifier.NumberImages;

/**
 * The bundled ink detector runs in ONNX Runtime and, on a cheque-like field (a number of MNIST
 * test digits on fine diagonal security lines about as dark as light ink), keeps the digits' ink
 * and drops the pattern.
 */
class InkDetectorTest {

	@Test
	void keepsTheDigitsAndDropsSecurityPrint() throws IOException {
		final InkDetector detector = InkDetector.bundled().orElseThrow();
		final NumberImages.Digits digits = NumberImages.Digits.load(Path.of("sample-data/test"));
		long inkKept = 0, ink = 0, patternKept = 0, pattern = 0;
		for (int n = 0; n < 4; n++) {
			final Random random = new Random(n);
			final BufferedImage number = NumberImages.draw(digits, 5, NumberImages.Condition.SPACED, 30 + 10 * n, true, random).image();
			final int w = number.getWidth(), h = number.getHeight();
			final float[] grey = new float[w * h];
			final boolean[] isInk = new boolean[w * h], isPattern = new boolean[w * h];
			final double angle = 0.5 + 0.3 * n, pitch = 3 + n;
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					final int i = y * w + x;
					// The number: 235 paper, 20 ink; drawn lighter, 235 to 110.
					final double a = (235 - number.getRaster().getSample(x, y, 0)) / 215.0;
					final double u = x * Math.cos(angle) + y * Math.sin(angle);
					final boolean line = Math.abs(u / pitch - Math.floor(u / pitch) - 0.5) * pitch < 0.75;
					final double paper = line ? 150 : 235;
					grey[i] = (float) (paper * (1 - a) + Math.min(paper, 110) * a);
					isInk[i] = a > 0.5;
					isPattern[i] = line && a < 0.05;
				}
			}
			final float[] logits = detector.logits(grey, w, h);
			for (int i = 0; i < w * h; i++) {
				if (isInk[i]) {
					ink++;
					if (logits[i] > 0) inkKept++;
				}
				if (isPattern[i]) {
					pattern++;
					if (logits[i] > 0) patternKept++;
				}
			}
		}
		final double inkShare = (double) inkKept / ink, patternShare = (double) patternKept / pattern;
		assertTrue(inkShare > 0.8, "ink kept: " + inkShare);
		assertTrue(patternShare < 0.05, "pattern kept: " + patternShare);
	}
}
