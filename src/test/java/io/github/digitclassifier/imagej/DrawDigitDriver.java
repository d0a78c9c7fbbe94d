package io.github.digitclassifier.imagej;

import java.awt.Button;
import java.awt.Canvas;
import java.awt.Component;
import java.awt.Container;
import java.awt.Frame;
import java.awt.Label;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.imageio.ImageIO;

import ij.Executer;
import ij.ImageJ;
import ij.gui.GenericDialog;

/**
 * Plays a person drawing in Draw Digit (under Xvfb): chooses it from the menu, presses OK, then
 * with java.awt.Robot draws a vertical stroke, clears, draws a loop, then a stroke and a loop side
 * by side, and undoes the loop; prints the window's title (the predicted class) after each, the
 * titles seen while a stroke was drawn, and the milliseconds from each stroke's end to its reading
 * shown. The window's class is the plugin's (ImageJ's class loader), so it is read through AWT and
 * reflection. Arguments: ImageJ folder, screenshot file.
 */
public final class DrawDigitDriver {

	/** Runs the driver in a JVM of its own with the packaged ImageJ; its output holds the lines to assert. */
	static ImageJRunner.Run run(final Path dir, final Path screenshot) throws Exception {
		return ImageJRunner.java(dir, 300, "-cp", ImageJRunner.imagej().resolve("ij.jar") + File.pathSeparator +
			Path.of(DrawDigitDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI()), DrawDigitDriver.class.getName(),
			ImageJRunner.imagej().toString(), screenshot.toString());
	}

	private static Robot robot;
	private static Frame window;

	public static void main(final String[] args) throws Exception {
		try {
			drive(args);
		}
		catch (final Exception | Error e) {
			e.printStackTrace();
			System.exit(1); // AWT's threads would keep the JVM alive
		}
		System.exit(0);
	}

	private static void drive(final String[] args) throws Exception {
		System.setProperty("plugins.dir", args[0]);
		final ImageJ imagej = new ImageJ();
		imagej.setLocation(0, 0);
		robot = new Robot();
		// As a menu click does: the Executer runs the command on a thread of its own.
		new Executer("Draw Digit...", null);
		final GenericDialog dialog = waitFor(GenericDialog.class, "");
		dialog.actionPerformed(new ActionEvent(dialog.getButtons()[0], ActionEvent.ACTION_PERFORMED, "OK"));
		window = waitFor(Frame.class, "Draw Digit");
		settle();
		System.out.println("OPENED: " + window.getTitle());
		final Rectangle canvas = canvas();
		System.out.println("CANVAS: " + canvas + " in " + window.getBounds());
		final int cx = canvas.x + canvas.width / 2, top = canvas.y + 50, bottom = canvas.y + canvas.height - 50;

		final List<Point> stroke = new ArrayList<>();
		for (int y = top; y <= bottom; y += 4) stroke.add(new Point(cx, y));
		draw(stroke);
		System.out.println("TOP AFTER STROKE: " + top());

		click(button("Clear"));
		settle();
		System.out.println("AFTER CLEAR: " + window.getTitle());

		draw(loop(cx, (top + bottom) / 2, 45, (bottom - top) / 2));
		System.out.println("TOP AFTER LOOP: " + top());
		shoot(new File(args[1]));

		click(button("Clear"));
		settle();
		final List<Point> one = new ArrayList<>();
		for (int y = top; y <= bottom; y += 4) one.add(new Point(cx - 80, y));
		draw(one);
		draw(loop(cx + 50, (top + bottom) / 2, 40, (bottom - top) / 2));
		// The number follows the plot, from a worker of its own.
		for (int i = 0; i < 300 && !number().startsWith("Reads as"); i++) Thread.sleep(10);
		System.out.println("NUMBER: " + number());
		click(button("Undo"));
		settle();
		System.out.println("TOP AFTER UNDO: " + top() + " NUMBER: " + number());

		@SuppressWarnings("unchecked")
		final List<Double> latencies = (List<Double>) window.getClass().getMethod("strokeLatencies").invoke(window);
		final double max = latencies.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
		final double mean = latencies.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
		System.out.println(String.format(Locale.ROOT, "LATENCY ms after a stroke, Clear or Undo: mean %.1f max %.1f of %d %s", mean, max,
			latencies.size(), latencies.stream().map(l -> String.format(Locale.ROOT, "%.1f", l)).toList()));
		System.out.println("NUMBER LATENCY ms after a stroke: " + window.getClass().getMethod("numberLatencies").invoke(window));
	}

	/** Points around an ellipse, starting and ending at its top. */
	private static List<Point> loop(final int cx, final int cy, final int rx, final int ry) {
		final List<Point> points = new ArrayList<>();
		for (int a = 0; a <= 380; a += 6) {
			final double t = Math.toRadians(a);
			points.add(new Point((int) Math.round(cx + rx * Math.sin(t)), (int) Math.round(cy - ry * Math.cos(t))));
		}
		return points;
	}

	/** Draws through the points with the button held, as a hand would; prints the titles seen meanwhile. */
	private static void draw(final List<Point> points) throws Exception {
		robot.mouseMove(points.get(0).x, points.get(0).y);
		robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
		final Set<String> seen = new LinkedHashSet<>();
		for (final Point p : points) {
			robot.mouseMove(p.x, p.y);
			Thread.sleep(8);
			seen.add(window.getTitle());
		}
		robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
		settle();
		System.out.println("WHILE DRAWING: " + seen.size() + " titles " + seen);
	}

	/** Waits until the newest drawing's reading is shown. */
	private static void settle() throws Exception {
		robot.waitForIdle();
		for (int i = 0; i < 200; i++) {
			if ((Boolean) window.getClass().getMethod("upToDate").invoke(window)) return;
			Thread.sleep(10);
		}
		throw new IllegalStateException("the reading never caught up with the drawing");
	}

	/** The predicted class, from the title "Draw Digit: 1 (97%)". */
	private static String top() {
		final String title = window.getTitle();
		final int colon = title.indexOf(": "), paren = title.lastIndexOf(" (");
		return colon < 0 || paren < colon ? title : title.substring(colon + 2, paren);
	}

	private static String number() throws Exception {
		return (String) window.getClass().getMethod("shownNumber").invoke(window);
	}

	private static Rectangle canvas() {
		for (final Component c : all(window)) {
			if (c instanceof Canvas canvas) return new Rectangle(canvas.getLocationOnScreen(), canvas.getSize());
		}
		throw new IllegalStateException("No canvas in " + window.getTitle());
	}

	private static Button button(final String label) {
		for (final Component c : all(window)) {
			if (c instanceof Button b && b.getLabel().equals(label)) return b;
		}
		throw new IllegalStateException("No button " + label);
	}

	private static void click(final Component c) {
		final Point p = c.getLocationOnScreen();
		robot.mouseMove(p.x + c.getWidth() / 2, p.y + c.getHeight() / 2);
		robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
		robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
	}

	private static List<Component> all(final Container container) {
		final List<Component> found = new ArrayList<>();
		for (final Component c : container.getComponents()) {
			found.add(c);
			if (c instanceof Container inner) found.addAll(all(inner));
		}
		return found;
	}

	/** The drawing window and the plot beside it, as a person sees them. */
	private static void shoot(final File file) throws Exception {
		Rectangle area = window.getBounds();
		for (final Window w : Window.getWindows()) {
			if (w.isVisible() && w != window && w instanceof Frame f && f.getTitle().startsWith("Draw Digit")) area = area.union(w.getBounds());
		}
		Thread.sleep(300);
		ImageIO.write(robot.createScreenCapture(area), "png", file);
		System.out.println("SCREENSHOT: " + file + " " + area.width + "x" + area.height);
	}

	private static <T extends Window> T waitFor(final Class<T> kind, final String titleStart) throws InterruptedException {
		for (int i = 0; i < 1200; i++) {
			for (final Window w : Window.getWindows()) {
				if (kind.isInstance(w) && w.isVisible() && (!(w instanceof Frame f) || f.getTitle().startsWith(titleStart)) &&
					!(w instanceof ImageJ) && !(w instanceof ij.gui.ImageWindow))
				{
					return kind.cast(w);
				}
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("No " + kind.getSimpleName() + " " + titleStart + " appeared");
	}
}
