package io.github.digitclassifier.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.digitclassifier.NumberImages;

/**
 * Read Number and Read Numbers in Folder in a real ImageJ 1.54p: numbers of real MNIST test digits
 * (sample-data) as a stack, with a selection, and as a folder with a blank page, a one-pixel image,
 * a scan 10,000 pixels wide and a file that is not an image.
 */
class ReadNumbersIT {

	@TempDir
	Path dir;

	@Test
	void readsEverySliceAndASelectionAndAFolderWithBoxesOnTheOverlay() throws Exception {
		final NumberImages.Digits digits = NumberImages.Digits.load(Path.of("sample-data/test"));
		final Random random = new Random(8);
		final Path numbers = Files.createDirectories(dir.resolve("numbers/scans"));
		final List<String> truths = new ArrayList<>();
		String right = null;
		for (int i = 0; i < 6; i++) {
			// The same size for every slice of the stack: 5 spaced digits 40 px tall take at most 400 x 80;
			// the first page has a second number in its right half.
			final boolean dark = i % 2 == 0;
			final NumberImages.Sample sample = NumberImages.draw(digits, 5, NumberImages.Condition.SPACED, 40, dark, random);
			final BufferedImage page = new BufferedImage(700, 80, BufferedImage.TYPE_BYTE_GRAY);
			final java.awt.Graphics2D g = page.createGraphics();
			g.setColor(new java.awt.Color(sample.image().getRaster().getSample(0, 0, 0) * 0x010101));
			g.fillRect(0, 0, 700, 80);
			g.drawImage(sample.image(), 0, 0, null);
			String text = sample.text();
			if (i == 0) {
				final NumberImages.Sample second = NumberImages.draw(digits, 4, NumberImages.Condition.SPACED, 40, dark, random);
				g.drawImage(second.image(), 400, 0, null);
				right = second.text();
				text += right;
			}
			ImageIO.write(page, "png", numbers.resolve(String.format("number-%d.png", i)).toFile());
			truths.add(text);
		}
		final Path folder = dir.resolve("numbers");
		final BufferedImage blank = new BufferedImage(300, 100, BufferedImage.TYPE_BYTE_GRAY);
		for (int y = 0; y < 100; y++) for (int x = 0; x < 300; x++) blank.getRaster().setSample(x, y, 0, 240);
		ImageIO.write(blank, "png", folder.resolve("blank.png").toFile());
		ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY), "png", folder.resolve("pixel.png").toFile());
		ImageIO.write(new BufferedImage(10_000, 40, BufferedImage.TYPE_BYTE_GRAY), "png", folder.resolve("wide.png").toFile());
		Files.writeString(folder.resolve("notes.txt"), "not an image");
		final String macro = String.join("\n",
			"run(\"Image Sequence...\", \"open=[" + numbers + "] sort\");",
			"run(\"Read Number\", \"model_file= output_file=[" + dir.resolve("stack.csv") + "] min_confidence=0.9 digits=0\");",
			"print(\"rows: \" + Table.size(\"Number Readings\") + \" first: \" + Table.getString(\"text\", 0, \"Number Readings\"));",
			"print(\"overlay: \" + Overlay.size);",
			"setSlice(1);",
			// The selection holds the first page's second number only.
			"makeRectangle(380, 0, 320, 80);",
			"run(\"Read Number\", \"model_file= output_file=[" + dir.resolve("selection.csv") + "] min_confidence=0.9 digits=0\");",
			"Overlay.getBounds(0, x, y, w, h);",
			"print(\"selection overlay: \" + Overlay.size + \" first at \" + x);",
			"run(\"Read Numbers in Folder...\", \"folder=[" + folder + "] model_file= output_file=[" + dir.resolve("folder.csv") +
				"] min_confidence=0.9 digits=0\");",
			"print(\"folder rows: \" + Table.size(\"Number Readings\"));");
		final ImageJRunner.Run run = ImageJRunner.run(macro, dir, 600);
		assertTrue(run.completed(), run.describe());
		final List<String> stack = Files.readAllLines(dir.resolve("stack.csv"));
		assertTrue(stack.get(0).startsWith("slice,label,text,confidence,digit_count,flagged,digit_1,confidence_1,"), stack.get(0));
		assertEquals(7, stack.size(), stack.toString());
		int whole = 0;
		for (int i = 0; i < 6; i++) {
			final String[] cells = stack.get(i + 1).split(",");
			assertEquals(Integer.toString(i + 1), cells[0]);
			if (cells[2].equals(truths.get(i))) whole++;
		}
		assertTrue(whole >= 5, whole + " of 6 read whole: " + stack + " for " + truths);
		assertTrue(run.stdout().contains("rows: 6 first: " + stack.get(1).split(",")[2] + "\n"), run.describe());
		final int boxes = stack.subList(1, 7).stream().mapToInt(row -> Integer.parseInt(row.split(",")[4])).sum();
		assertTrue(run.stdout().contains("overlay: " + boxes + "\n"), boxes + " digits read; " + run.describe());
		final List<String> selection = Files.readAllLines(dir.resolve("selection.csv"));
		// The selection is read on every slice; only the first page has writing there.
		assertEquals(7, selection.size());
		assertEquals(right, selection.get(1).split(",")[2], selection.toString());
		for (final String row : selection.subList(2, 7)) assertEquals("", row.split(",", -1)[2], row);
		final java.util.regex.Matcher boxes2 = java.util.regex.Pattern.compile("selection overlay: (\\d+) first at (\\d+)").matcher(run.stdout());
		assertTrue(boxes2.find(), run.describe());
		assertEquals(4, Integer.parseInt(boxes2.group(1)), run.describe());
		assertTrue(Integer.parseInt(boxes2.group(2)) >= 400, "boxes are in the image's coordinates: " + run.describe());
		final List<String> files = Files.readAllLines(dir.resolve("folder.csv"));
		// header, 6 numbers, blank, wide; an image of 1x1 px holds no digit and is skipped with a warning
		assertEquals(9, files.size(), files.toString());
		assertTrue(files.contains("blank.png,,0,0,0" + ",".repeat(files.get(0).split(",").length - 5)), files.toString());
		assertTrue(files.stream().noneMatch(row -> row.startsWith("pixel.png,")), files.toString());
		assertTrue(files.stream().anyMatch(row -> row.startsWith("wide.png,")), files.toString());
		assertTrue(files.stream().anyMatch(row -> row.startsWith("scans/number-0.png," + truths.get(0) + ",")), files.toString());
		assertTrue(run.stdout().contains("folder rows: 8"), run.describe());
	}
}
