package io.github.digitclassifier.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Draw Digit drawn on by a robot, and Show Network from a macro, in the packaged ImageJ under Xvfb. */
class DrawDigitIT {

	@TempDir
	Path dir;

	/**
	 * A stroke reads 1, Clear blanks the plot, a loop reads 0, a stroke and a loop read as the number
	 * 10, Undo takes the loop away; the reading follows while a stroke is drawn and catches up after
	 * its end (how soon is printed, not asserted: a timing follows the machine's other load). The screenshot goes to target/draw-digit.png (scripts/screenshots.sh takes docs/draw-digit.png with this driver).
	 */
	@Test
	void aRobotDrawsAOneThenAZeroAndTheNumberTen() throws Exception {
		final Path screenshot = Path.of("target/draw-digit.png").toAbsolutePath();
		final ImageJRunner.Run run = DrawDigitDriver.run(dir, screenshot);
		final String out = run.stdout();
		System.out.println(out.lines().filter(l -> l.matches("[A-Z]{3,}[A-Z ]*[ :].*")).reduce("", (a, b) -> a + b + "\n"));
		assertEquals(0, run.exitCode(), run.describe());
		assertTrue(out.contains("OPENED: Draw Digit: draw a digit"), run.describe());
		assertTrue(out.contains("TOP AFTER STROKE: 1\n"), run.describe());
		assertTrue(out.contains("AFTER CLEAR: Draw Digit: draw a digit"), run.describe());
		assertTrue(out.contains("TOP AFTER LOOP: 0\n"), run.describe());
		assertTrue(out.contains("NUMBER: Reads as 10 ("), run.describe());
		assertTrue(out.contains("TOP AFTER UNDO: 1 NUMBER: \n"), run.describe());
		// Readings were shown while the stroke was still being drawn, not only at its end.
		final Matcher during = Pattern.compile("WHILE DRAWING: (\\d+) titles").matcher(out);
		assertTrue(during.find() && during.find() && Integer.parseInt(during.group(1)) > 1, run.describe());
		final Matcher latency = Pattern.compile("LATENCY ms after a stroke, Clear or Undo: mean [\\d.]+ max [\\d.]+ of \\d+ \\[([\\d., ]+)\\]")
			.matcher(out);
		assertTrue(latency.find(), run.describe());
		final double[] each = java.util.Arrays.stream(latency.group(1).split(", ")).mapToDouble(Double::parseDouble).sorted().toArray();
		System.out.printf(java.util.Locale.ROOT, "DRAW DIGIT LATENCY ms of %d: median %.1f, 90th percentile %.1f, max %.1f%n", each.length,
			each[each.length / 2], each[Math.max(0, (int) Math.ceil(0.9 * each.length) - 1)], each[each.length - 1]);
		assertTrue(each.length >= 6, "a reading after each stroke, Clear and Undo: " + latency.group());
		assertTrue(Files.size(screenshot) > 1000);
	}

	/** Show Network from a macro: the layer table, the filters' montage and the feature maps' stack. */
	@Test
	void showNetworkShowsTheLayersFiltersAndFeatureMapsOfTheCurrentSlice() throws Exception {
		final Path stack = Path.of("sample-data/digits-stack.tif").toAbsolutePath(), table = dir.resolve("layers.csv");
		final ImageJRunner.Run run = ImageJRunner.run("open(\"" + stack + "\");\nsetSlice(3);\nrun(\"Show Network\", \"output_file=[" + table +
			"]\");\nprint(\"IMAGES \" + nImages);\nselectImage(nImages);\nprint(\"LAST \" + getTitle() + \" \" + nSlices + \" \" + " +
			"getInfo(\"slice.label\"));\nprint(\"ROWS \" + Table.size(\"Network Layers\"));", dir, 300);
		assertTrue(run.completed(), run.describe());
		assertTrue(run.stdout().contains("IMAGES 3"), run.describe());
		assertTrue(run.stdout().contains("LAST Feature Maps of digits-stack.tif "), run.describe());
		assertTrue(run.stdout().contains("layer 1 "), run.describe());
		final List<String> rows = Files.readAllLines(table);
		assertEquals("layer,name,kind,output_shape,parameters", rows.get(0));
		assertTrue(run.stdout().contains("ROWS " + (rows.size() - 1)), run.describe());
	}
}
