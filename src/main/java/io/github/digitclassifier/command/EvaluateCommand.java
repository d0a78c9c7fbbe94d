package io.github.digitclassifier.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import ij.ImagePlus;
import io.github.digitclassifier.evaluate.EvaluationResult;
import io.github.digitclassifier.evaluate.Evaluator;
import io.github.digitclassifier.ij1.ConfusionImages;
import io.github.digitclassifier.ij1.Displays;
import io.github.digitclassifier.ij1.Mistakes;
import io.github.digitclassifier.ij1.Tables;
import io.github.digitclassifier.runtime.Classifier;
import io.github.digitclassifier.runtime.load.ModelFiles;

/** Measures a model on a test folder: classification report and confusion matrix. */
@Plugin(type = Command.class, label = "Evaluate Digit Classifier")
public class EvaluateCommand extends ReportingCommand {

	@Parameter(label = "Model file", style = FileWidget.OPEN_STYLE, required = false, persist = false,
		description = MODEL_FILE_HELP)
	private File model_file;

	@Parameter(label = "Test folder", style = FileWidget.DIRECTORY_STYLE, persist = false)
	private File test_folder;

	@Parameter(label = "Save report to (CSV)", style = FileWidget.SAVE_STYLE, required = false, persist = false)
	private File report_file;

	@Parameter(label = "Show mistakes", persist = false,
		description = "The images predicted wrong as a stack, surest first, and which classes were taken for which")
	private boolean show_mistakes = false;

	@Parameter(type = ItemIO.OUTPUT)
	private double accuracy;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus mistakes;

	@Override
	protected void execute() throws IOException {
		final Path testFolder = Paths.required(test_folder, "test_folder");
		final Path reportFile = Paths.output(report_file, "report_file");
		Paths.notInput(reportFile, "report_file", Paths.optional(model_file), "model_file");
		final EvaluationResult result;
		try (Classifier model = ModelFiles.loadOrDefault(Paths.optional(model_file))) {
			result = Evaluator.evaluate(model, testFolder);
		}
		warnSkipped(result.skipped());
		if (reportFile != null) result.report().table().write(reportFile);
		Tables.show(result.report().table(), "Classification Report");
		Tables.show(result.confusionTable(), "Confusion Matrix");
		if (Displays.interactive()) ConfusionImages.of(result).show();
		if (show_mistakes) {
			Tables.show(Mistakes.table(result, testFolder), "Mistakes");
			Tables.show(result.confusedPairs(), "Confused Pairs");
			if (Displays.available()) mistakes = Mistakes.stack(result, testFolder);
		}
		accuracy = result.accuracy();
		log.info(String.format(Locale.ROOT, "Accuracy %.4f on %d images of %s", accuracy,
			result.evaluation().getNumRowCounter(), testFolder));
	}
}
