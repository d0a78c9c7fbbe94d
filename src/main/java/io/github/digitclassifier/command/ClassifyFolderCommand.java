package io.github.digitclassifier.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import io.github.digitclassifier.ij1.Tables;
import io.github.digitclassifier.io.CsvTable;
import io.github.digitclassifier.predict.FolderPredictions;
import io.github.digitclassifier.predict.PredictionTables;
import io.github.digitclassifier.predict.Predictor;
import io.github.digitclassifier.runtime.Classifier;
import io.github.digitclassifier.runtime.load.ModelFiles;

/** Classifies every image in a folder and its sub-folders. */
@Plugin(type = Command.class, label = "Classify Folder")
public class ClassifyFolderCommand extends ReportingCommand {

	@Parameter(label = "Folder of images", style = FileWidget.DIRECTORY_STYLE, persist = false)
	private File folder;

	@Parameter(label = "Model file", style = FileWidget.OPEN_STYLE, required = false, persist = false,
		description = MODEL_FILE_HELP)
	private File model_file;

	@Parameter(label = "Save predictions to (CSV)", style = FileWidget.SAVE_STYLE, required = false, persist = false)
	private File output_file;

	@Override
	protected void execute() throws IOException {
		final Path root = Paths.required(folder, "folder");
		final Path outputFile = Paths.output(output_file, "output_file");
		Paths.notInput(outputFile, "output_file", Paths.optional(model_file), "model_file");
		final FolderPredictions result;
		final CsvTable table;
		try (Classifier model = ModelFiles.loadOrDefault(Paths.optional(model_file))) {
			result = new Predictor(model).predictFolder(root);
			table = PredictionTables.forFiles(result.predictions(), model.classNames());
		}
		warnSkipped(result.skipped());
		if (outputFile != null) table.write(outputFile);
		Tables.show(table, "Digit Predictions");
		log.info("Classified " + result.predictions().size() + " images in " + root);
	}
}
