package io.github.digitclassifier.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import ij.ImagePlus;
import io.github.digitclassifier.exchange.OnnxLayers;
import io.github.digitclassifier.ij1.NetworkImages;
import io.github.digitclassifier.ij1.Slices;
import io.github.digitclassifier.ij1.Tables;
import io.github.digitclassifier.inspect.NetworkInspection;
import io.github.digitclassifier.io.CsvTable;
import io.github.digitclassifier.model.ModelBundle;
import io.github.digitclassifier.model.ModelBundles;
import io.github.digitclassifier.runtime.ModelKind;

/**
 * Shows a model bundle's network: its layers as a table, its first convolution's filters as a
 * montage, and the feature maps every layer makes of the current slice as a stack.
 */
@Plugin(type = Command.class, label = "Show Network")
public class ShowNetworkCommand extends ReportingCommand {

	@Parameter(label = "Image", persist = false)
	private ImagePlus image;

	@Parameter(label = "Model file", style = FileWidget.OPEN_STYLE, required = false, persist = false,
		description = "Empty: the bundled MNIST model; else a model bundle (.zip of Train Digit Classifier), or an .onnx file (its layers only)")
	private File model_file;

	@Parameter(label = "Save layer table to (CSV)", style = FileWidget.SAVE_STYLE, required = false, persist = false)
	private File output_file;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus filters;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus feature_maps;

	@Override
	protected void execute() throws IOException {
		if (image == null || image.getProcessor() == null) throw new IllegalArgumentException("No image open: open an image to see its feature maps");
		final Path modelFile = Paths.optional(model_file);
		final Path outputFile = Paths.output(output_file, "output_file");
		Paths.notInput(outputFile, "output_file", modelFile, "model_file");
		final ModelKind kind = modelFile == null ? ModelKind.BUNDLE : ModelKind.of(modelFile);
		if (kind == ModelKind.ONNX) {
			final CsvTable table = new CsvTable(List.of("layer", "name", "kind", "output_shape", "parameters"));
			for (final OnnxLayers.Node n : OnnxLayers.of(modelFile)) table.add(n.index(), n.name(), n.op(), n.outputShape(), n.parameters());
			if (outputFile != null) table.write(outputFile);
			Tables.show(table, "Network Layers");
			log.warn(modelFile + " is an ONNX file: its graph's nodes are in the table; filters and feature maps are shown for model " +
				"bundles only (the .zip Train Digit Classifier writes)");
			return;
		}
		if (kind != ModelKind.BUNDLE) {
			throw new IllegalArgumentException(modelFile + " is not a model bundle: Show Network shows the layers, filters and feature maps " +
				"of a bundle (the .zip Train Digit Classifier writes) and the layers of an .onnx file; bioimage.io packages and number " +
				"reader models are run by ONNX Runtime, whose graph it does not take apart");
		}
		final ModelBundle bundle = ModelBundles.loadOrDefault(modelFile);
		final NetworkInspection inspection = new NetworkInspection(bundle);
		final CsvTable table = NetworkInspection.table(inspection.layers());
		final Slices.Items items = Slices.of(image, bundle.metadata().preprocessing().channels());
		final NetworkInspection.Planes maps = inspection.featureMaps(items.images().get(current(items, image.getCurrentSlice())));
		final NetworkInspection.Planes firstFilters = inspection.firstFilters();
		if (outputFile != null) table.write(outputFile);
		Tables.show(table, "Network Layers");
		filters = NetworkImages.montage("Filters of layer 1", firstFilters);
		feature_maps = NetworkImages.stack("Feature Maps of " + image.getTitle(), maps);
		log.info("Network of " + table.rows().size() + " layers; " + firstFilters.pixels().size() + " filters; " + maps.pixels().size() +
			" feature maps of slice " + image.getCurrentSlice() + " of " + image.getTitle());
	}

	/** The item that holds the stack's slice {@code slice}. */
	private static int current(final Slices.Items items, final int slice) {
		for (int i = 0; i < items.stackIndices().size(); i++) {
			for (final int s : items.stackIndices().get(i)) if (s == slice) return i;
		}
		return 0;
	}
}
