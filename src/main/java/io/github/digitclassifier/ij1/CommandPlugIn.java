package io.github.digitclassifier.ij1;

import java.awt.GraphicsEnvironment;
import java.awt.Label;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleException;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;
import org.scijava.widget.FileWidget;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;

/**
 * The menu entries (plugins.config), in ImageJ 1 and Fiji alike: each runs one SciJava command,
 * named by the entry's argument. Inputs come from a GenericDialog keyed by the parameter names: a
 * macro's options fill it by those keys (missing keys take the defaults, never a dialog), the
 * Recorder records {@code key=value} for every field (booleans as true/false choices, never bare
 * flags), and a person reads the parameters' labels in words. The commands have no menu path of
 * their own, so that in Fiji they do not take these entries over: ImageJ2 would ask for every
 * input a macro leaves out in a dialog of its own.
 */
public class CommandPlugIn implements PlugIn {

	@Override
	public void run(final String commandClass) {
		try {
			final Context context = Contexts.get();
			final CommandInfo info = context.service(CommandService.class).getCommand(commandClass);
			if (info == null) throw new IllegalStateException("No command " + commandClass + " (is the plugin installed whole?)");
			final Map<String, Object> inputs = askInputs(info);
			if (inputs == null) return; // cancelled
			// Every input is given, so no pre- or post-processing: in Fiji it would apply the macro's
			// options a second time, record a second line and show the outputs in windows of its own.
			final CommandModule module = context.service(CommandService.class).run(info, false, inputs).get();
			if (module.isCanceled() && module.getCancelReason() != null) throw new IllegalStateException(module.getCancelReason());
			for (final Object output : module.getOutputs().values()) {
				if (output instanceof ImagePlus image && image.getProcessor() != null) image.show();
			}
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (final Exception | Error e) { // an Error too: a missing class or native library, memory
			Failures.report(e);
			// ImageJ's -batch mode exits 0 whatever happened: make a failure visible to the caller.
			if (IJ.getInstance() == null && Interpreter.isBatchMode()) System.exit(1);
		}
	}

	/** The command's inputs from the dialog or the macro options; null when the dialog was cancelled. */
	private static Map<String, Object> askInputs(final CommandInfo info) throws ModuleException {
		if (Interpreter.getInstance() != null && Macro.getOptions() == null) {
			Macro.setOptions(" "); // a macro call without options takes the defaults, never a dialog
		}
		final Module defaults = info.createModule();
		final GenericDialog dialog = new GenericDialog(info.getTitle());
		final List<ModuleItem<?>> fields = new java.util.ArrayList<>();
		final Map<String, Object> inputs = new LinkedHashMap<>();
		for (final ModuleItem<?> item : info.inputs()) {
			final Class<?> type = item.getType();
			if (Service.class.isAssignableFrom(type) || Context.class.isAssignableFrom(type)) continue;
			if (type == ImagePlus.class) {
				final ImagePlus image = WindowManager.getCurrentImage();
				if (image == null) throw new IllegalArgumentException("No image open: open an image or stack to classify");
				inputs.put(item.getName(), image);
				continue;
			}
			addField(dialog, item, defaults.getInput(item.getName()));
			fields.add(item);
		}
		dialog.showDialog();
		if (dialog.wasCanceled()) return null;
		for (final ModuleItem<?> item : fields) inputs.put(item.getName(), readField(dialog, item));
		return inputs;
	}

	/** A field labelled with the key (which makes it the macro key) that shows the item's label. */
	private static void addField(final GenericDialog dialog, final ModuleItem<?> item, final Object value) {
		final String key = item.getName();
		final Class<?> type = item.getType();
		// Fiji's headless dialog has no file fields (they add nothing there): plain text then.
		if (type == File.class && GraphicsEnvironment.isHeadless()) {
			dialog.addStringField(key, value == null ? "" : value.toString(), 40);
		}
		else if (type == File.class) {
			final String path = value == null ? "" : value.toString();
			if (FileWidget.DIRECTORY_STYLE.equals(item.getWidgetStyle())) dialog.addDirectoryField(key, path, 40);
			else dialog.addFileField(key, path, 40);
		}
		else if (type == boolean.class || type == Boolean.class) {
			dialog.addChoice(key, new String[] { "true", "false" }, String.valueOf(value));
		}
		else if (type == int.class || type == long.class) {
			dialog.addNumericField(key, ((Number) value).doubleValue(), 0);
		}
		else if (hasChoices(item)) {
			dialog.addChoice(key, item.getChoices().stream().map(Object::toString).toArray(String[]::new), String.valueOf(value));
		}
		else {
			// Doubles go as text, so that 1e-5 is neither rounded for display nor in the recording.
			dialog.addStringField(key, value == null ? "" : value.toString(), 12);
		}
		// Only the text shown changes: the dialog keeps the key for macros and the Recorder.
		final Label label = dialog.getLabel(); // null in Fiji's headless dialog
		if (label != null && item.getLabel() != null) label.setText(item.getLabel());
	}

	private static Object readField(final GenericDialog dialog, final ModuleItem<?> item) {
		final String key = item.getName();
		final Class<?> type = item.getType();
		if (type == File.class) return new File(dialog.getNextString().trim());
		if (type == boolean.class || type == Boolean.class) return Boolean.valueOf(dialog.getNextChoice());
		if (type == int.class || type == long.class) {
			final double value = dialog.getNextNumber();
			if (dialog.invalidNumber() || value != Math.rint(value)) {
				throw new IllegalArgumentException(key + " must be a whole number");
			}
			return type == int.class ? (Object) (int) value : (Object) (long) value;
		}
		if (hasChoices(item)) return dialog.getNextChoice();
		final String text = dialog.getNextString().trim();
		if (type == double.class || type == Double.class) {
			try {
				return Double.valueOf(text);
			}
			catch (final NumberFormatException e) {
				throw new IllegalArgumentException(key + " must be a number, not '" + text + "'");
			}
		}
		return text;
	}

	private static boolean hasChoices(final ModuleItem<?> item) {
		return item.getChoices() != null && !item.getChoices().isEmpty();
	}
}
