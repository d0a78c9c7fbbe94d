package io.github.digitclassifier.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import ij.ImagePlus;
import io.github.digitclassifier.data.ImageFiles;
import io.github.digitclassifier.ij1.Slices;
import io.github.digitclassifier.ij1.Tables;
import io.github.digitclassifier.io.CsvTable;
import io.github.digitclassifier.predict.Prediction;
import io.github.digitclassifier.predict.PredictionTables;
import io.github.digitclassifier.predict.Predictor;
import io.github.digitclassifier.runtime.Classifier;
import io.github.digitclassifier.runtime.load.ModelFiles;

/** Classifies every slice of the current image; the prediction goes into each slice's label. */
@Plugin(type = Command.class, label = "Classify Current Image")
public class ClassifyImageCommand extends ReportingCommand {

	// Not remembered: SciJava would store the image's description as text and, on a later run
	// without an image, convert that back into an empty image.
	@Parameter(label = "Image", persist = false)
	private ImagePlus image;

	@Parameter(label = "Model file", style = FileWidget.OPEN_STYLE, required = false, persist = false,
		description = MODEL_FILE_HELP)
	private File model_file;

	@Parameter(label = "Save predictions to (CSV)", style = FileWidget.SAVE_STYLE, required = false, persist = false)
	private File output_file;

	@Override
	protected void execute() throws IOException {
		// SciJava fills an unset image input with an empty ImagePlus.
		if (image == null || image.getProcessor() == null) {
			throw new IllegalArgumentException("No image open: open an image or stack to classify");
		}
		final String small = ImageFiles.tooSmall("Image " + image.getTitle(), image.getWidth(), image.getHeight());
		if (small != null) throw new IllegalArgumentException(small);
		final Path outputFile = Paths.output(output_file, "output_file");
		Paths.notInput(outputFile, "output_file", Paths.optional(model_file), "model_file");
		final Slices.Items items;
		final List<String> labels;
		final List<Prediction> predictions;
		final CsvTable table;
		try (Classifier model = ModelFiles.loadOrDefault(Paths.optional(model_file))) {
			items = Slices.of(image, model.preprocessing().channels());
			labels = Slices.originalLabels(image, items);
			predictions = new Predictor(model).predict(items.images());
			table = PredictionTables.forSlices(predictions, labels, model.classNames());
		}
		if (outputFile != null) table.write(outputFile);
		Slices.label(image, items, predictions, labels);
		Tables.show(table, "Digit Predictions");
		log.info("Classified " + predictions.size() + " slice(s) of " + image.getTitle());
	}
}
