package io.github.digitclassifier.command;

import java.awt.Rectangle;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import ij.ImagePlus;
import io.github.digitclassifier.data.ImageFiles;
import io.github.digitclassifier.explain.Explainer;
import io.github.digitclassifier.explain.Explainers;
import io.github.digitclassifier.explain.Explanation;
import io.github.digitclassifier.explain.Method;
import io.github.digitclassifier.ij1.Explanations;
import io.github.digitclassifier.ij1.Slices;
import io.github.digitclassifier.runtime.Classifier;
import io.github.digitclassifier.runtime.load.ModelFiles;

/**
 * Explains the prediction for every slice of the current image (within the selection when there
 * is one): a heat map of what drove it, drawn over the image, and the model input.
 */
@Plugin(type = Command.class, label = "Explain Prediction")
public class ExplainCommand extends ReportingCommand {

	// Not remembered: see ClassifyImageCommand.
	@Parameter(label = "Image", persist = false)
	private ImagePlus image;

	@Parameter(label = "Model file", style = FileWidget.OPEN_STYLE, required = false, persist = false, description = MODEL_FILE_HELP)
	private File model_file;

	@Parameter(label = "Method", persist = false,
		description = "gradcam needs a model bundle (the bundled model too); occlusion explains any model")
	private Method method = Method.AUTO;

	@Parameter(label = "Save heat maps to (TIFF)", style = FileWidget.SAVE_STYLE, required = false, persist = false)
	private File output_file;

	@Parameter(type = ItemIO.OUTPUT, label = "Explanation")
	private ImagePlus explanation;

	@Parameter(type = ItemIO.OUTPUT, label = "Model input")
	private ImagePlus model_input;

	@Override
	protected void execute() throws IOException {
		if (image == null || image.getProcessor() == null) {
			throw new IllegalArgumentException("No image open: open an image or stack to explain");
		}
		final Rectangle area = Slices.selection(image);
		final String small = area == null ? ImageFiles.tooSmall("Image " + image.getTitle(), image.getWidth(), image.getHeight()) :
			ImageFiles.tooSmall("The selection on " + image.getTitle(), area.width, area.height);
		if (small != null) throw new IllegalArgumentException(small);
		final Path outputFile = Paths.tiffOutput(output_file, "output_file");
		Paths.notInput(outputFile, "output_file", Paths.optional(model_file), "model_file");
		final Slices.Items items;
		final List<String> labels;
		final List<Explanation> explanations = new ArrayList<>();
		try (Classifier model = ModelFiles.loadOrDefault(Paths.optional(model_file))) {
			final MultiLayerNetwork network = Explainers.needsNetwork(method) ? ModelFiles.networkOrNull(Paths.optional(model_file)) : null;
			final Explainer explainer = Explainers.create(method, model, network);
			items = Slices.of(image, model.preprocessing().channels());
			labels = Slices.originalLabels(image, items);
			for (int i = 0; i < items.images().size(); i++) explanations.add(explainer.explain(Explanations.within(items.images().get(i), area)));
		}
		explanation = Explanations.heat("Explanation of " + image.getTitle(), explanations, labels);
		model_input = Explanations.inputs("Model input of " + image.getTitle(), explanations, labels);
		if (outputFile != null) Explanations.save(explanation, outputFile);
		Explanations.overlay(image, explanation, items.stackIndices(), area);
		log.info("Explained " + explanations.size() + " slice(s) of " + image.getTitle() + " by " + explanations.get(0).method());
	}
}
