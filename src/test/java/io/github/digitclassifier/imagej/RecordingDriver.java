package io.github.digitclassifier.imagej;

import java.awt.Choice;
import java.awt.TextField;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.io.File;
import java.nio.file.Path;
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
		// Each field is found by the label a person reads beside it.
		text(dialog, "Training folder").setText(args[1]);
		text(dialog, "Test folder (optional)").setText(args[2]);
		text(dialog, "Save model to").setText(args[3]);
		text(dialog, "Save history to (CSV)").setText(args[4]);
		choice(dialog, "Network").select("lenet");
		choice(dialog, "Augment").select("false");
		text(dialog, "Epochs").setText("2");
		text(dialog, "Batch size").setText("16");
		dialog.actionPerformed(new ActionEvent(dialog.getButtons()[0], ActionEvent.ACTION_PERFORMED, "OK"));
		for (int i = 0; i < 3000 && !Recorder.getInstance().getText().contains("Train Digit Classifier"); i++) Thread.sleep(100);
		System.out.println("RECORDED:\n" + Recorder.getInstance().getText());
		System.exit(0);
	}

	/** The text field beside a label (file fields hold one in a panel with their Browse button). */
	private static TextField text(final GenericDialog dialog, final String label) {
		return field(dialog, label, TextField.class);
	}

	private static Choice choice(final GenericDialog dialog, final String label) {
		return field(dialog, label, Choice.class);
	}

	/** The first field of a kind after a label and before the next label, in the dialog's components depth first. */
	private static <T extends java.awt.Component> T field(final GenericDialog dialog, final String label, final Class<T> kind) {
		final java.util.List<java.awt.Component> all = flattened(dialog);
		for (int i = 0; i < all.size(); i++) {
			if (all.get(i) instanceof java.awt.Label l && l.getText().trim().equals(label)) {
				for (int j = i + 1; j < all.size() && !(all.get(j) instanceof java.awt.Label); j++) {
					if (kind.isInstance(all.get(j))) return kind.cast(all.get(j));
				}
			}
		}
		throw new IllegalStateException("No " + kind.getSimpleName() + " labelled '" + label + "' in " + labels(dialog));
	}

	private static java.util.List<java.awt.Component> flattened(final java.awt.Container container) {
		final java.util.List<java.awt.Component> all = new java.util.ArrayList<>();
		for (final java.awt.Component c : container.getComponents()) {
			all.add(c);
			if (c instanceof java.awt.Container inner) all.addAll(flattened(inner));
		}
		return all;
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
