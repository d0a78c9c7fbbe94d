package io.github.digitclassifier.command;

import java.util.Map;

import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

import io.github.digitclassifier.ui.TrainingWatchService;

/**
 * Runs a command the way the menus, macros and the command line do: every input given, on the
 * calling thread, with no pre- or post-processing. On the caller's thread, a failure reaches the
 * caller, which tells the user once (SciJava's runner would log it with its stack trace as well),
 * and the thread keeps the class loader and the macro the caller has.
 */
public final class Commands {

	private Commands() {}

	/**
	 * A new Context with the services the commands need, {@code watch} the user interface's for
	 * trainings. SciJava finds plugins through the thread's context class loader, which inside
	 * ImageJ 1 is not the one that loaded this plugin.
	 */
	public static Context context(final Class<? extends TrainingWatchService> watch) {
		final Thread thread = Thread.currentThread();
		final ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(Commands.class.getClassLoader());
		try {
			return new Context(CommandService.class, StatusService.class, LogService.class, watch);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	/** Runs the command; its failure is thrown as it is. Returns the module, for its outputs. */
	public static Module run(final Context context, final CommandInfo info, final Map<String, Object> inputs) {
		final Module module = context.service(ModuleService.class).createModule(info);
		if (module == null) throw new IllegalStateException("Cannot create " + info.getTitle() + ": reinstall Digit Classifier");
		inputs.forEach((key, value) -> {
			module.setInput(key, value);
			module.resolveInput(key);
		});
		module.run();
		return module;
	}
}
