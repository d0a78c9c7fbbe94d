package io.github.digitclassifier.ij1.plugin;

import java.awt.GraphicsEnvironment;
import java.awt.Label;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.widget.FileWidget;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;
import io.github.digitclassifier.command.Commands;
import io.github.digitclassifier.command.Keys;
import io.github.digitclassifier.ij1.FailureReports;

/**
 * The menu entries (plugins.config), in ImageJ 1 and Fiji alike: each runs one SciJava command,
 * named by the entry's argument, on the calling thread. In a macro the options are read as the
 * command's keys, exactly ({@link Keys}): a key left out takes its default, an unknown or repeated
 * key is an error, and no dialog is ever built. Interactively a GenericDialog keyed by the
 * parameter names asks for them, shows their labels in words, and the Recorder records
 * {@code key=value} for every field. The commands have no menu path of their own, so that in
 * Fiji they do not take these entries over: ImageJ2 would ask for every input a macro leaves out
 * in a dialog of its own. In ij1.plugin, above command: it runs the commands, which show their
 * results through ij1.
 */
public class CommandPlugIn implements PlugIn {

	@Override
	public void run(final String commandClass) {
		// First of all: the options are the calling thread's, and a nested IJ.run would clear them.
		final String options = Macro.getOptions();
		final boolean macro = options != null || Interpreter.getInstance() != null || Interpreter.isBatchMode() || IJ.getInstance() == null ||
			GraphicsEnvironment.isHeadless();
		// ImageJ 1 loads plugins through a class loader of its own; what the command looks up
		// through the thread (SciJava's plugins, ServiceLoaders, threads it starts) must see it.
		final Thread thread = Thread.currentThread();
		final ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(CommandPlugIn.class.getClassLoader());
		// Decided before the command runs: ending a failed macro ends ImageJ's batch mode.
		final boolean exitOnFailure = IJ.getInstance() == null && Interpreter.isBatchMode();
		try {
			final Context context = Contexts.get();
			final CommandInfo info = context.service(CommandService.class).getCommand(commandClass);
			if (info == null) throw new IllegalStateException("No command " + commandClass + " (is the plugin installed whole?)");
			final Map<String, Object> inputs = inputs(info, macro ? Keys.parse(options) : null);
			if (inputs == null) return; // cancelled
			final Module module = Commands.run(context, info, inputs);
			for (final Object output : module.getOutputs().values()) {
				if (output instanceof ImagePlus image && image.getProcessor() != null) image.show();
			}
		}
		catch (final Exception | Error e) { // an Error too: a missing class or native library, memory
			if (FailureReports.isMacroAbort(e)) throw e;
			FailureReports.report(e);
			// ImageJ's -batch mode exits 0 whatever happened: make a failure visible to the caller.
			if (exitOnFailure) System.exit(1);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	/**
	 * The command's inputs from the macro's keys, or from the dialog when there is no macro (null
	 * keys); null when the dialog was cancelled.
	 */
	private static Map<String, Object> inputs(final CommandInfo info, final Map<String, String> keys) {
		final Map<String, Object> inputs = new LinkedHashMap<>();
		final Set<String> imageKeys = new java.util.HashSet<>();
		for (final ModuleItem<?> item : Keys.of(info)) {
			if (item.getType() != ImagePlus.class) continue;
			final ImagePlus image = WindowManager.getCurrentImage();
			if (image == null) throw new IllegalArgumentException("No image open: open an image or stack first");
			inputs.put(item.getName(), image);
			imageKeys.add(item.getName());
		}
		if (keys != null) {
			inputs.putAll(Keys.inputs(info, keys, imageKeys));
			return inputs;
		}
		final Map<String, Object> asked = ask(info, imageKeys);
		if (asked == null) return null;
		inputs.putAll(asked);
		return inputs;
	}

	/** Asks for the command's keys in a dialog; null when cancelled. */
	private static Map<String, Object> ask(final CommandInfo info, final Set<String> imageKeys) {
		final Module defaults = Keys.defaults(info);
		final GenericDialog dialog = new GenericDialog(info.getTitle());
		final List<ModuleItem<?>> fields = new ArrayList<>();
		for (final ModuleItem<?> item : Keys.of(info)) {
			if (imageKeys.contains(item.getName())) continue;
			addField(dialog, item, defaults.getInput(item.getName()));
			fields.add(item);
		}
		dialog.showDialog();
		if (dialog.wasCanceled()) return null;
		final Map<String, String> given = new LinkedHashMap<>();
		for (final ModuleItem<?> item : fields) given.put(item.getName(), readField(dialog, item));
		return Keys.inputs(info, given, imageKeys);
	}

	/** A field labelled with the key (which makes it the macro key) that shows the item's label. */
	private static void addField(final GenericDialog dialog, final ModuleItem<?> item, final Object value) {
		final String key = item.getName();
		final Class<?> type = item.getType();
		final String text = Keys.text(value);
		// Fiji's headless dialog has no file fields (they add nothing there): plain text then.
		if (type == File.class && !GraphicsEnvironment.isHeadless()) {
			if (FileWidget.DIRECTORY_STYLE.equals(item.getWidgetStyle())) dialog.addDirectoryField(key, text, 40);
			else dialog.addFileField(key, text, 40);
		}
		else if (type == boolean.class || type == Boolean.class) {
			dialog.addChoice(key, new String[] { "true", "false" }, text);
		}
		else if (!Keys.choices(item).isEmpty()) {
			dialog.addChoice(key, Keys.choices(item).toArray(String[]::new), text);
		}
		else {
			// Numbers as text too, so that 1e-5 is neither rounded for display nor in the recording,
			// and every value is read by the one reading the macros and the command line share.
			dialog.addStringField(key, text, type == File.class ? 40 : 12);
		}
		// Only the text shown changes: the dialog keeps the key for macros and the Recorder.
		final Label label = dialog.getLabel(); // null in Fiji's headless dialog
		if (label != null && item.getLabel() != null) label.setText(item.getLabel());
	}

	/** The field's text, in the order the fields were added. */
	private static String readField(final GenericDialog dialog, final ModuleItem<?> item) {
		final Class<?> type = item.getType();
		final boolean choice = type == boolean.class || type == Boolean.class || !Keys.choices(item).isEmpty();
		return choice ? dialog.getNextChoice() : dialog.getNextString();
	}
}
