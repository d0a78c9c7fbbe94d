package io.github.digitclassifier.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.digitclassifier.backend.Backends;
import io.github.digitclassifier.read.NumberReader;
import io.github.digitclassifier.read.ReadOptions;
import io.github.digitclassifier.read.sequence.StripReader;
import io.github.digitclassifier.runtime.Classifier;
import io.github.digitclassifier.runtime.load.ModelFiles;

/** Drawings read by the bundled model, as the Draw Digit window hands them over. */
class SketchReaderTest {

	private static Classifier model;
	private static SketchReader reader;

	@BeforeAll
	static void load() throws Exception {
		Backends.prepare();
		model = ModelFiles.loadOrDefault(null);
		reader = new SketchReader(model, new NumberReader(model, StripReader.bundled().orElse(null), null, ReadOptions.defaults()));
	}

	@AfterAll
	static void close() {
		model.close();
	}

	@Test
	void aStrokeIsAOneALoopAZeroAndBothTogetherTen() {
		final SketchReader.Reading one = read(g -> g.drawLine(200, 50, 200, 210));
		assertEquals("1", one.prediction().className(), () -> "probabilities " + java.util.Arrays.toString(one.prediction().probabilities()));
		assertEquals(1, one.pieces());

		final SketchReader.Reading zero = read(g -> g.drawOval(150, 50, 100, 160));
		assertEquals("0", zero.prediction().className());
		final byte[] ten = drawing(g -> {
			g.drawLine(120, 50, 120, 210);
			g.drawOval(200, 50, 100, 160);
		});
		assertEquals(2, reader.read(3, ten, 400, 260).pieces());
		assertEquals("10", reader.readNumber(ten, 400, 260).text());
		assertNull(reader.readNumber(drawing(g -> {}), 400, 260));
	}

	@Test
	void aBlankDrawingAndSpecksAreNoDigit() {
		assertTrue(read(g -> {}).blank());
		final SketchReader.Reading specks = read(g -> {
			g.setStroke(new BasicStroke(1));
			g.drawLine(10, 10, 11, 10);
		});
		assertTrue(specks.blank());
	}

	private static SketchReader.Reading read(final Consumer<Graphics2D> drawing) {
		return reader.read(1, drawing(drawing), 400, 260);
	}

	private static byte[] drawing(final Consumer<Graphics2D> drawing) {
		final BufferedImage image = new BufferedImage(400, 260, BufferedImage.TYPE_BYTE_GRAY);
		final Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 400, 260);
		g.setColor(Color.BLACK);
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setStroke(new BasicStroke(16, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		drawing.accept(g);
		g.dispose();
		return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
	}
}
