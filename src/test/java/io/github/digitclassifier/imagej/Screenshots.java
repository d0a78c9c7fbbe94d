package io.github.digitclassifier.imagej;

import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Frame;
import java.awt.MenuBar;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.io.File;

import javax.imageio.ImageIO;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.WindowManager;

/**
 * Takes the docs' screenshots in ImageJ's GUI (run under Xvfb) from the packaged plugin: the
 * Plugins > Digit Classifier menu (menu.png), a training run with its curves and tables
 * (training.png) and Explain Prediction's heat map over a digit (explain.png). Draw Digit's is
 * taken by {@link DrawDigitDriver}, the driver its test uses.
 * Arguments: ImageJ folder, output folder, train folder, test folder, model file, image to explain.
 */
public final class Screenshots {

	/** The gap between windows laid out side by side. */
	private static final int GAP = 8;

	private static ImageJ imagej;
	private static Robot robot;

	public static void main(final String[] args) throws Exception {
		try {
			System.setProperty("plugins.dir", args[0]);
			final File out = new File(args[1]);
			imagej = new ImageJ();
			imagej.setLocation(0, 0);
			robot = new Robot();
			robot.setAutoDelay(150);
			Thread.sleep(2000);
			menu(new File(out, "menu.png"));
			training(new File(out, "training.png"), args[2], args[3], args[4]);
			explain(new File(out, "explain.png"), args[5]);
		}
		catch (final Exception | Error e) {
			e.printStackTrace();
			System.exit(1); // AWT's threads would keep the JVM alive
		}
		System.exit(0);
	}

	/** Opens Plugins > Digit Classifier with the mouse and the keys, as a person would, and shoots it open. */
	private static void menu(final File file) throws Exception {
		// The Plugins menu is the sixth of the menu bar.
		final MenuBar bar = imagej.getMenuBar();
		robot.mouseMove(menuX(imagej, bar, 5), imagej.getInsets().top - 10);
		robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
		robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
		Thread.sleep(800);
		// Down the menu to Digit Classifier (the keys skip separators), then into its submenu.
		for (int i = 0; i < bar.getMenu(5).getItemCount(); i++) {
			final String label = bar.getMenu(5).getItem(i).getLabel();
			if (label.equals("Digit Classifier")) break;
			if (!label.equals("-")) key(KeyEvent.VK_DOWN);
		}
		key(KeyEvent.VK_RIGHT);
		Thread.sleep(1200);
		// AWT's open menus are no Windows whose bounds could be asked: a fixed area holds them.
		shoot(new Rectangle(0, 0, 720, 410), file);
		key(KeyEvent.VK_ESCAPE);
		key(KeyEvent.VK_ESCAPE);
		Thread.sleep(500);
	}

	/**
	 * Trains a network on the sample data as the menu command does (IJ.run returns when training
	 * has ended, so the curves are the final ones), then lays out what the run opened: ImageJ's bar
	 * across the top, the curves under it, the history table and the choices table beside them.
	 */
	private static void training(final File file, final String train, final String test, final String model) throws Exception {
		IJ.run("Train Digit Classifier...", "train_folder=[" + train + "] test_folder=[" + test + "] model_file=[" + model +
			"] network=cnn epochs=8 batch_size=32");
		final ImagePlus curves = WindowManager.getImage("Training Curves");
		final Window plot = curves.getWindow(), history = WindowManager.getWindow("Training History"),
			choices = WindowManager.getWindow("Training Choices");
		plot.setLocation(0, imagej.getHeight() + GAP);
		final int right = plot.getWidth() + GAP;
		// The history's eight rows and the choices' six each fit in half the curves' height.
		history.setBounds(right, plot.getY(), history.getWidth(), plot.getHeight() / 2);
		choices.setBounds(right, history.getY() + history.getHeight() + GAP, history.getWidth(),
			plot.getHeight() - history.getHeight() - GAP);
		// ImageJ's bar as wide as the windows under it, so that the shot has no empty corner.
		final Dimension bar = imagej.getSize();
		imagej.setSize(right + history.getWidth(), bar.height);
		imagej.validate();
		shoot(file, imagej, plot, history, choices);
		imagej.setSize(bar);
		curves.close();
		history.dispose();
		choices.dispose();
	}

	/**
	 * Explains a sample digit with the bundled model as the menu command does: the heat map drawn
	 * over the digit, beside the heat map and the model input it opens; all enlarged, for a digit
	 * is a few dozen pixels wide.
	 */
	private static void explain(final File file, final String image) throws Exception {
		final ImagePlus digit = IJ.openImage(image);
		digit.show();
		IJ.run(digit, "Explain Prediction", "method=auto");
		final ImagePlus heat = WindowManager.getImage("Explanation of " + digit.getTitle());
		final ImagePlus input = WindowManager.getImage("Model input of " + digit.getTitle());
		int x = 0;
		for (final ImagePlus shown : new ImagePlus[] { digit, heat, input }) {
			enlarge(shown, 240);
			shown.getWindow().setLocation(x, imagej.getHeight() + GAP);
			x += shown.getWindow().getWidth() + GAP;
		}
		shoot(file, digit.getWindow(), heat.getWindow(), input.getWindow());
	}

	/** Zooms the image in (a whole multiple) to about the given width on screen; Image > Zoom > Set fits the window to it. */
	private static void enlarge(final ImagePlus image, final int width) throws Exception {
		final int zoom = Math.max(100, width / image.getWidth() * 100);
		IJ.run(image, "Set... ", "zoom=" + zoom + " x=" + image.getWidth() / 2 + " y=" + image.getHeight() / 2);
		Thread.sleep(300);
	}

	/** The horizontal middle of the n-th menu of the bar, from the widths of the labels before it. */
	private static int menuX(final Frame frame, final MenuBar bar, final int n) {
		final FontMetrics metrics = frame.getFontMetrics(frame.getFont() != null ? frame.getFont() : new Font(Font.DIALOG, Font.PLAIN, 12));
		int x = frame.getInsets().left;
		for (int i = 0; i < n; i++) x += metrics.stringWidth(bar.getMenu(i).getLabel()) + 16;
		return x + metrics.stringWidth(bar.getMenu(n).getLabel()) / 2 + 8;
	}

	private static void key(final int code) {
		robot.keyPress(code);
		robot.keyRelease(code);
	}

	/** Shoots the smallest area that holds the windows, once they have been drawn where they now are. */
	private static void shoot(final File file, final Window... windows) throws Exception {
		Rectangle area = null;
		for (final Window w : windows) {
			w.toFront();
			area = area == null ? w.getBounds() : area.union(w.getBounds());
		}
		shoot(area, file);
	}

	private static void shoot(final Rectangle area, final File file) throws Exception {
		robot.waitForIdle();
		Thread.sleep(1000);
		ImageIO.write(robot.createScreenCapture(area), "png", file);
		System.out.println("Wrote " + file + " (" + area.width + "x" + area.height + ")");
	}
}
