package io.github.digitclassifier.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import io.github.digitclassifier.read.train.Readers;
import io.github.digitclassifier.ij1.Tables;
import io.github.digitclassifier.read.ReadOptions;
import io.github.digitclassifier.read.evaluate.ReaderEvaluation;
import io.github.digitclassifier.read.evaluate.ReadingReport;

/** Measures how well numbers are read in labelled images: Number Reading Report and the misread ones. */
@Plugin(type = Command.class, label = "Evaluate Number Reader")
public class EvaluateReaderCommand extends ReportingCommand {

	@Parameter(label = "Model file", style = FileWidget.OPEN_STYLE, required = false, persist = false, description = READING_MODEL_FILE_HELP)
	private File model_file;

	@Parameter(label = "Folder of labelled images", style = FileWidget.DIRECTORY_STYLE, persist = false)
	private File test_folder;

	@Parameter(label = "Labels (CSV file,label)", style = FileWidget.OPEN_STYLE, required = false, persist = false,
		description = "file relative to the test folder, label the number as text; empty: labels.csv in the test folder")
	private File labels_file;

	@Parameter(label = "Save report to (CSV)", style = FileWidget.SAVE_STYLE, required = false, persist = false)
	private File report_file;

	@Parameter(type = ItemIO.OUTPUT)
	private double whole_number_accuracy;

	@Override
	protected void execute() throws IOException {
		final Path testFolder = Paths.required(test_folder, "test_folder");
		final Path reportFile = Paths.output(report_file, "report_file");
		final Path modelFile = Paths.optional(model_file);
		Paths.notInput(reportFile, "report_file", modelFile, "model_file");
		Paths.notInput(reportFile, "report_file", Paths.optional(labels_file), "labels_file");
		final ReaderEvaluation evaluation;
		try (Readers.Opened opened = Readers.open(modelFile, ReadOptions.defaults())) {
			evaluation = ReaderEvaluation.of(opened.reader(), testFolder, Paths.optional(labels_file));
		}
		warnSkipped(evaluation.skipped());
		final ReadingReport report = evaluation.report();
		if (reportFile != null) report.table().write(reportFile);
		Tables.show(report.table(), "Number Reading Report");
		Tables.show(report.misreadTable(), "Misread Numbers", Set.of("truth", "read"));
		whole_number_accuracy = report.wholeNumberAccuracy();
		log.info(String.format(Locale.ROOT, "%.4f of %d numbers read whole in %s", whole_number_accuracy, report.count(), testFolder));
	}
}
