package io.github.digitclassifier.imagej;

import java.awt.Choice;
import java.awt.TextField;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.io.File;
import java.nio.file.Path;
import java.util.Vector;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.Executer;
import ij.IJ;
import ij.ImageJ;
import ij.gui.GenericDialog;
import ij.plugin.frame.Recorder;

/**
 * Plays a person in ImageJ's GUI (under Xvfb): opens the Recorder, chooses Train Digit
 * Classifier... from the menu, fills the dialog and presses OK, then prints what the Recorder wrote.
 * Arguments: ImageJ folder, train folder, test folder, model file, history file.
 */
public final class RecordingDriver {

	/** What the Recorder writes for a training. */
	private static final Pattern TRAINING_LINE = Pattern.compile("run\\(\"Train Digit Classifier\\.\\.\\.\", \"[^\"]*\"\\);");

	/** What came of it: the driver's run, and the line the Recorder wrote (null when none). */
	record Recording(ImageJRunner.Run run, String line) {}

	/**
	 * Runs this driver in a JVM of its own on an ImageJ class path (this class added), with the
	 * plugins of {@code imagej}, training on {@code dir/train} with {@code dir/test}.
	 */
	static Recording record(final Path dir, final String classpath, final Path imagej, final Path model, final Path history)
		throws Exception
	{
		final ImageJRunner.Run run = ImageJRunner.java(dir, 600, "-cp", classpath + File.pathSeparator +
			Path.of(RecordingDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI()), RecordingDriver.class.getName(),
			imagej.toString(), dir.resolve("train").toString(), dir.resolve("test").toString(), model.toString(), history.toString());
		final Matcher line = TRAINING_LINE.matcher(run.stdout());
		return new Recording(run, line.find() ? line.group() : null);
	}

	public static void main(final String[] args) throws Exception {
		System.setProperty("plugins.dir", args[0]);
		new ImageJ(ImageJ.NO_SHOW);
		IJ.run("Record...");
		// As a menu click does: the Executer runs the command and has the Recorder record it.
		new Executer("Train Digit Classifier...", null);
		final GenericDialog dialog = waitForDialog();
		System.out.println("LABELS: " + labels(dialog));
		@SuppressWarnings("unchecked")
		final Vector<TextField> texts = dialog.getStringFields();
		@SuppressWarnings("unchecked")
		final Vector<TextField> numbers = dialog.getNumericFields();
		@SuppressWarnings("unchecked")
		final Vector<Choice> choices = dialog.getChoices();
		// Fields in the order of the command's parameters, by kind.
		texts.get(0).setText(args[1]); // train_folder
		texts.get(1).setText(args[2]); // test_folder
		texts.get(3).setText(args[3]); // model_file
		texts.get(5).setText(args[4]); // history_file
		choices.get(0).select("lenet"); // network
		choices.get(1).select("false"); // augment
		numbers.get(0).setText("2"); // epochs
		numbers.get(1).setText("16"); // batch_size
		dialog.actionPerformed(new ActionEvent(dialog.getButtons()[0], ActionEvent.ACTION_PERFORMED, "OK"));
		for (int i = 0; i < 3000 && !Recorder.getInstance().getText().contains("Train Digit Classifier"); i++) Thread.sleep(100);
		System.out.println("RECORDED:\n" + Recorder.getInstance().getText());
		System.exit(0);
	}

	/** The texts of the dialog's labels, as a person reads them. */
	private static java.util.List<String> labels(final java.awt.Container container) {
		final java.util.List<String> texts = new java.util.ArrayList<>();
		for (final java.awt.Component c : container.getComponents()) {
			if (c instanceof java.awt.Label label) texts.add(label.getText().trim());
			else if (c instanceof java.awt.Container inner) texts.addAll(labels(inner));
		}
		return texts;
	}

	private static GenericDialog waitForDialog() throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			for (final Window window : Window.getWindows()) {
				if (window instanceof GenericDialog dialog && dialog.isVisible()) return dialog;
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("No dialog appeared");
	}
}
