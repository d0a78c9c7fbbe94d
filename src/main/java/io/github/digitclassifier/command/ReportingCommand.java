package io.github.digitclassifier.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;

import io.github.digitclassifier.backend.Backends;
import io.github.digitclassifier.data.SkippedFile;

/**
 * A command of the plugin. Its failures go to its caller as they are (the menus, macros and the
 * command line tell the user once, naming the file or key); ND4J is prepared before any command's
 * work, whichever command comes first in a session and whichever thread then starts ND4J.
 */
abstract class ReportingCommand implements Command {

	/** What the model_file keys that read a model say of it. */
	static final String MODEL_FILE_HELP = "Empty: the bundled MNIST model. Also an .onnx file with its description (.onnx.json), or a bioimage.io package";

	/** Where numbers are read, a number reader model (Train Number Reader) too. */
	static final String READING_MODEL_FILE_HELP = MODEL_FILE_HELP + "; or a number reader (Train Number Reader), which reads the writing whole";

	@Parameter
	protected LogService log;

	@Override
	public final void run() {
		Backends.prepare();
		try {
			execute();
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	protected abstract void execute() throws IOException;

	/** Warns of each skipped file by name, then of their number. */
	protected void warnSkipped(final List<SkippedFile> skipped) {
		SkippedFile.warnings(skipped).forEach(log::warn);
	}
}
