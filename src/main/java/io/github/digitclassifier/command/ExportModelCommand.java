package io.github.digitclassifier.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import io.github.digitclassifier.exchange.ExportFormat;
import io.github.digitclassifier.exchange.Exports;

/** Writes a model as ONNX or as a BioImage Model Zoo package. */
@Plugin(type = Command.class, label = "Export Model")
public class ExportModelCommand extends ReportingCommand {

	@Parameter(label = "Model file", style = FileWidget.OPEN_STYLE, required = false, persist = false,
		description = "Empty: the bundled MNIST model")
	private File model_file;

	@Parameter(label = "Format", persist = false,
		description = "onnx: an .onnx file with its description beside it; bioimageio: a BioImage Model Zoo package (.zip)")
	private ExportFormat format = ExportFormat.ONNX;

	@Parameter(label = "Save as", style = FileWidget.SAVE_STYLE, persist = false)
	private File output_file;

	@Override
	protected void execute() throws IOException {
		final Path output = Paths.output(output_file, "output_file");
		if (output == null) throw new IllegalArgumentException("Missing output_file: give the file to write");
		Paths.notInput(output, "output_file", Paths.optional(model_file), "model_file");
		final Exports.Exported exported = Exports.export(Paths.optional(model_file), format, output);
		log.info(String.format(java.util.Locale.ROOT, "Exported %s as %s to %s in %.2f s", exported.model(), format.id(), exported.files(),
			exported.seconds()));
	}
}
