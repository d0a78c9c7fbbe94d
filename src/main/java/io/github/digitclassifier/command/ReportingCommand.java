package io.github.digitclassifier.command;

import java.io.IOException;
import java.util.List;

import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;

import io.github.digitclassifier.data.SkippedFile;
import io.github.digitclassifier.ij1.Failures;

/** A command whose failures reach the user as a message naming the file or key (see {@link Failures}). */
abstract class ReportingCommand implements Command {

	/** What the model_file keys that read a model say of it. */
	static final String MODEL_FILE_HELP = "Empty: the bundled MNIST model. Also an .onnx file with its description (.onnx.json), or a bioimage.io package";

	@Parameter
	protected LogService log;

	@Override
	public final void run() {
		try {
			execute();
		}
		catch (final IOException | RuntimeException | Error e) { // an Error too: a missing class, memory
			throw Failures.report(e);
		}
	}

	protected abstract void execute() throws IOException;

	/** Warns of each skipped file by name, then of their number. */
	protected void warnSkipped(final List<SkippedFile> skipped) {
		SkippedFile.warnings(skipped).forEach(log::warn);
	}
}
