package io.github.digitclassifier.imagej;

import java.awt.Frame;
import java.awt.MenuBar;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.event.InputEvent;
import java.io.File;

import javax.imageio.ImageIO;

import ij.IJ;
import ij.ImageJ;

/**
 * Takes the README's screenshots in ImageJ's GUI (run under Xvfb): the Plugins > Digit Classifier
 * menu, and a training run with its live curves and history table.
 * Arguments: ImageJ folder, output folder, train folder, test folder, model file.
 */
public final class Screenshots {

	public static void main(final String[] args) throws Exception {
		System.setProperty("plugins.dir", args[0]);
		final File out = new File(args[1]);
		final ImageJ imagej = new ImageJ();
		imagej.setLocation(0, 0);
		final Robot robot = new Robot();
		robot.setAutoDelay(150);
		Thread.sleep(2000);
		// The Plugins menu is the sixth of the menu bar; open it, then its Digit Classifier submenu.
		final MenuBar bar = imagej.getMenuBar();
		final int x = menuX(imagej, bar, 5);
		final int y = imagej.getInsets().top - 10;
		robot.mouseMove(x, y);
		robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
		robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
		Thread.sleep(800);
		// Down the menu to Digit Classifier (keys skip separators), then into its submenu.
		for (int i = 0; i < bar.getMenu(5).getItemCount(); i++) {
			final String label = bar.getMenu(5).getItem(i).getLabel();
			if (label.equals("Digit Classifier")) break;
			if (!label.equals("-")) key(robot, java.awt.event.KeyEvent.VK_DOWN);
		}
		key(robot, java.awt.event.KeyEvent.VK_RIGHT);
		Thread.sleep(1200);
		save(robot, new Rectangle(0, 0, 760, 520), new File(out, "menu.png"));
		robot.keyPress(java.awt.event.KeyEvent.VK_ESCAPE);
		robot.keyRelease(java.awt.event.KeyEvent.VK_ESCAPE);
		robot.keyPress(java.awt.event.KeyEvent.VK_ESCAPE);
		robot.keyRelease(java.awt.event.KeyEvent.VK_ESCAPE);
		Thread.sleep(500);
		IJ.run("Train Digit Classifier...", "train_folder=[" + args[2] + "] test_folder=[" + args[3] + "] model_file=[" + args[4] +
			"] network=cnn epochs=8 batch_size=32");
		Thread.sleep(1500);
		final java.awt.Window table = ij.WindowManager.getWindow("Training History");
		if (table != null) table.setLocation(0, 560);
		Thread.sleep(800);
		final java.awt.Dimension screen = Toolkit.getDefaultToolkit().getScreenSize();
		save(robot, new Rectangle(0, 0, Math.min(1280, screen.width), Math.min(900, screen.height)), new File(out, "training.png"));
		System.exit(0);
	}

	/** The horizontal middle of the n-th menu of the bar, from the widths of the labels before it. */
	private static int menuX(final Frame frame, final MenuBar bar, final int n) {
		final java.awt.FontMetrics metrics = frame.getFontMetrics(frame.getFont() != null ? frame.getFont() : new java.awt.Font("Dialog", 0, 12));
		int x = frame.getInsets().left;
		for (int i = 0; i < n; i++) x += metrics.stringWidth(bar.getMenu(i).getLabel()) + 16;
		return x + metrics.stringWidth(bar.getMenu(n).getLabel()) / 2 + 8;
	}

	private static void key(final Robot robot, final int code) {
		robot.keyPress(code);
		robot.keyRelease(code);
	}

	private static void save(final Robot robot, final Rectangle area, final File file) throws Exception {
		ImageIO.write(robot.createScreenCapture(area), "png", file);
	}
}
