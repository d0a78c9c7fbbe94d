package io.github.digitclassifier.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import io.github.digitclassifier.ij1.Tables;
import io.github.digitclassifier.read.train.ReaderInfo;
import io.github.digitclassifier.read.train.ReaderModels;
import io.github.digitclassifier.read.train.ReaderTraining;
import io.github.digitclassifier.train.Histories;
import io.github.digitclassifier.ui.TrainingWatchService;

/**
 * Trains a number reader on the user's labelled images of whole fields and saves it as a model
 * file that Read Number, Read Numbers in Folder and Evaluate Number Reader take as model_file.
 */
@Plugin(type = Command.class, label = "Train Number Reader")
public class TrainReaderCommand extends ReportingCommand {

	@Parameter(label = "Training folder", style = FileWidget.DIRECTORY_STYLE, persist = false)
	private File train_folder;

	@Parameter(label = "Labels (CSV file,label)", style = FileWidget.OPEN_STYLE, required = false, persist = false,
		description = "file relative to the training folder, label the number as text (letters and signs train a reader of them); " +
			"empty: labels.csv in the training folder")
	private File labels_file;

	@Parameter(label = "Test folder (optional)", style = FileWidget.DIRECTORY_STYLE, required = false, persist = false,
		description = "Empty: hold out a tenth of the training images, drawn with the seed")
	private File test_folder;

	@Parameter(label = "Test labels (CSV file,label)", style = FileWidget.OPEN_STYLE, required = false, persist = false,
		description = "as the labels, relative to the test folder; empty: labels.csv in the test folder")
	private File test_labels_file;

	@Parameter(label = "Save reader to", style = FileWidget.SAVE_STYLE, required = false, persist = false,
		description = "Empty: number-reader.zip beside the training folder")
	private File model_file;

	@Parameter(label = "Epochs", persist = false)
	private int epochs = ReaderTraining.Recipe.defaults().epochs();

	@Parameter(label = "Random seed", persist = false)
	private long seed = ReaderTraining.Recipe.defaults().seed();

	@Parameter(label = "Save history to (CSV)", style = FileWidget.SAVE_STYLE, required = false, persist = false)
	private File history_file;

	@Parameter(type = ItemIO.OUTPUT)
	private double validation_accuracy;

	@Parameter
	private StatusService status;

	@Parameter
	private TrainingWatchService watch;

	@Override
	protected void execute() throws IOException {
		final Path trainFolder = Paths.required(train_folder, "train_folder");
		final Path testFolder = Paths.optional(test_folder);
		final Path labelsFile = Paths.optional(labels_file), testLabelsFile = Paths.optional(test_labels_file);
		Path modelFile = Paths.output(model_file, "model_file");
		if (modelFile == null) modelFile = trainFolder.toAbsolutePath().resolveSibling("number-reader.zip");
		final Path historyFile = Paths.output(history_file, "history_file");
		Paths.notInput(historyFile, "history_file", modelFile, "model_file");
		for (final Path output : new Path[] { modelFile, historyFile }) {
			Paths.notInput(output, output == modelFile ? "model_file" : "history_file", labelsFile, "labels_file");
			Paths.notInput(output, output == modelFile ? "model_file" : "history_file", testLabelsFile, "test_labels_file");
		}
		final ReaderTraining.Recipe defaults = ReaderTraining.Recipe.defaults();
		final ReaderTraining.Recipe recipe = new ReaderTraining.Recipe(epochs, defaults.batchSize(), defaults.learningRate(),
			defaults.validationFraction(), seed);
		final ReaderTraining.Result result = ReaderTraining.train(trainFolder, labelsFile, testFolder, testLabelsFile, recipe, Progress.of(log, status, watch, recipe.epochs()));
		ReaderModels.save(result.model(), modelFile);
		final ReaderInfo info = result.model().info();
		if (historyFile != null) Histories.table(info.history()).write(historyFile);
		warnSkipped(result.skipped());
		Tables.show(Histories.table(info.history()), "Training History");
		validation_accuracy = info.validationAccuracy();
		log.info(String.format(Locale.ROOT, "Saved %s: reads %s; validation whole-number accuracy %.4f (best epoch %d of %d)", modelFile,
			result.model().alphabet().symbols(), validation_accuracy, info.bestEpoch(), info.history().size()));
		status.clearStatus();
	}
}
