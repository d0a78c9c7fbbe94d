package io.github.digitclassifier.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import io.github.digitclassifier.ij1.Tables;
import io.github.digitclassifier.io.CsvTable;
import io.github.digitclassifier.model.ModelBundles;
import io.github.digitclassifier.read.FolderReadings;
import io.github.digitclassifier.read.NumberReader;
import io.github.digitclassifier.read.ReadOptions;
import io.github.digitclassifier.read.ReadingTables;

/** Reads the number in every image of a folder and its sub-folders. */
@Plugin(type = Command.class, label = "Read Numbers in Folder")
public class ReadNumbersInFolderCommand extends ReportingCommand {

	@Parameter(label = "Folder of images", style = FileWidget.DIRECTORY_STYLE, persist = false)
	private File folder;

	@Parameter(label = "Model file", style = FileWidget.OPEN_STYLE, required = false, persist = false,
		description = "Empty: the bundled MNIST model")
	private File model_file;

	@Parameter(label = "Save readings to (CSV)", style = FileWidget.SAVE_STYLE, required = false, persist = false)
	private File output_file;

	@Parameter(label = "Flag digits under confidence", min = "0", max = "1", stepSize = "0.05", persist = false)
	private double min_confidence = ReadOptions.defaults().minConfidence();

	@Parameter(label = "Digits per number (0 = any)", min = "0", persist = false)
	private int digits;

	@Override
	protected void execute() throws IOException {
		final Path root = Paths.required(folder, "folder");
		final Path outputFile = Paths.output(output_file, "output_file");
		final NumberReader reader = new NumberReader(ModelBundles.loadOrDefault(Paths.optional(model_file)),
			new ReadOptions(min_confidence, digits));
		final FolderReadings result = reader.readFolder(root);
		warnSkipped(result.skipped());
		final CsvTable table = ReadingTables.forFiles(result.readings());
		if (outputFile != null) table.write(outputFile);
		Tables.show(table, "Number Readings", Set.of(ReadingTables.TEXT));
		log.info("Read " + result.readings().size() + " number(s) in " + root);
	}
}
