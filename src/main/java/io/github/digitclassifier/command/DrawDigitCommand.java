package io.github.digitclassifier.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import io.github.digitclassifier.draw.SketchReader;
import io.github.digitclassifier.ij1.Displays;
import io.github.digitclassifier.ij1.DrawDigitWindow;
import io.github.digitclassifier.read.NumberReader;
import io.github.digitclassifier.read.ReadOptions;
import io.github.digitclassifier.read.train.Readers;
import io.github.digitclassifier.runtime.Classifier;
import io.github.digitclassifier.runtime.load.ModelFiles;

/**
 * Opens a canvas to draw digits on, read live by a model; a macro's call just opens it. The
 * window holds the model until it is closed.
 */
@Plugin(type = Command.class, label = "Draw Digit")
public class DrawDigitCommand extends ReportingCommand {

	@Parameter(label = "Model file", style = FileWidget.OPEN_STYLE, required = false, persist = false,
		description = MODEL_FILE_HELP)
	private File model_file;

	@Override
	protected void execute() throws IOException {
		if (!Displays.available()) throw new IllegalArgumentException("Draw Digit needs a display: it opens a window to draw in");
		final Path modelFile = Paths.optional(model_file);
		final Classifier model = ModelFiles.loadOrDefault(modelFile);
		try {
			// A drawing's ink is exact: the ink detector, made for scanned documents, is not asked.
			final SketchReader reader = new SketchReader(model,
				new NumberReader(model, Readers.strips(modelFile), null, ReadOptions.defaults()));
			reader.warmUp(DrawDigitWindow.CANVAS_WIDTH, DrawDigitWindow.CANVAS_HEIGHT);
			DrawDigitWindow.open(reader, model);
		}
		catch (final RuntimeException | Error e) {
			model.close();
			throw e;
		}
		log.info("Draw Digit opened with " + (modelFile == null ? "the bundled model" : modelFile.toString()));
	}
}
