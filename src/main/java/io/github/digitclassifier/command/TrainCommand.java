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

import io.github.digitclassifier.exchange.OnnxFiles;
import io.github.digitclassifier.ij1.Tables;
import io.github.digitclassifier.model.Architecture;
import io.github.digitclassifier.model.Balance;
import io.github.digitclassifier.model.Recipe;
import io.github.digitclassifier.preprocess.Augmentation;
import io.github.digitclassifier.train.Histories;
import io.github.digitclassifier.train.InputRequest;
import io.github.digitclassifier.train.Trainer;
import io.github.digitclassifier.train.TrainingChoices;
import io.github.digitclassifier.train.TrainingResult;
import io.github.digitclassifier.ui.TrainingWatchService;

/**
 * Trains a model on class folders and saves it. Field names are the macro keys of the contract,
 * hence the underscores; {@code persist = false} everywhere so that a macro gets the defaults,
 * not what was used last.
 */
@Plugin(type = Command.class, label = "Train Digit Classifier")
public class TrainCommand extends ReportingCommand {

	@Parameter(label = "Training folder", style = FileWidget.DIRECTORY_STYLE, persist = false)
	private File train_folder;

	@Parameter(label = "Test folder (optional)", style = FileWidget.DIRECTORY_STYLE, required = false, persist = false,
		description = "Empty: hold out validation_fraction of each class")
	private File test_folder;

	@Parameter(label = "Validation fraction", persist = false)
	private double validation_fraction = Recipe.defaults().validationFraction();

	@Parameter(label = "Save model to", style = FileWidget.SAVE_STYLE, required = false, persist = false,
		description = "Empty: digit-classifier.zip beside the train folder")
	private File model_file;

	@Parameter(label = "Network", persist = false)
	private Architecture network = Architecture.CNN;

	@Parameter(label = "Preprocessing", persist = false,
		description = "auto: digits when the images are ink on a plain background, else resize (whole image, centre-cropped)")
	private InputRequest.Mode preprocessing = InputRequest.Mode.AUTO;

	@Parameter(label = "Channels", persist = false,
		description = "auto: colour kept when the training images are in colour (digits are read grey)")
	private InputRequest.Channels channels = InputRequest.Channels.AUTO;

	@Parameter(label = "Input size (0 = auto)", persist = false, description = "16 to 128 pixels; auto: 28 for digits, else from the images")
	private int size = 0;

	@Parameter(label = "Epochs", persist = false)
	private int epochs = Recipe.defaults().epochs();

	@Parameter(label = "Batch size", persist = false)
	private int batch_size = Recipe.defaults().batchSize();

	@Parameter(label = "Learning rate", persist = false)
	private double learning_rate = Recipe.defaults().learningRate();

	@Parameter(label = "Augment", persist = false)
	private boolean augment = Recipe.defaults().augmentation() != null;

	@Parameter(label = "Class balance", persist = false,
		description = "auto: weigh the loss when the largest class has over 1.5 times the images of the smallest")
	private Balance balance = Balance.AUTO;

	@Parameter(label = "Random seed", persist = false)
	private long seed = Recipe.defaults().seed();

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
		Path modelFile = Paths.output(model_file, "model_file");
		if (modelFile == null) modelFile = trainFolder.toAbsolutePath().resolveSibling("digit-classifier.zip");
		final Path historyFile = Paths.output(history_file, "history_file");
		Paths.notInput(historyFile, "history_file", modelFile, "model_file");
		final Recipe recipe = new Recipe(network, epochs, batch_size, learning_rate,
			Recipe.decayOver(epochs), augment ? Augmentation.digits() : null, seed, validation_fraction, Recipe.defaults().patience(),
			Recipe.defaults().minUpdatesPerEpoch(), balance);
		final TrainingResult result = Trainer.train(trainFolder, testFolder,
			new InputRequest(preprocessing, channels, size), recipe, Progress.of(log, status, watch, recipe.epochs()));
		OnnxFiles.saveBundle(result.bundle(), modelFile);
		if (historyFile != null) Histories.table(result.history()).write(historyFile);
		Tables.show(TrainingChoices.table(result.choices()), "Training Choices");
		Tables.show(Histories.table(result.history()), "Training History");
		validation_accuracy = result.validation().accuracy();
		log.info(String.format(Locale.ROOT, "Saved %s: validation accuracy %.4f (best epoch %d of %d)", modelFile,
			validation_accuracy, result.bestEpoch(), result.history().size()));
		status.clearStatus();
	}
}
