package io.github.digitclassifier.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import org.scijava.plugin.Parameter;
import org.scijava.widget.FileWidget;

import io.github.digitclassifier.ij1.Tables;
import io.github.digitclassifier.io.CsvTable;
import io.github.digitclassifier.read.ReadOptions;
import io.github.digitclassifier.read.train.Readers;
import io.github.digitclassifier.read.ReadingTables;

/** What the commands that read numbers share: their keys, the reader, and the Number Readings table. */
abstract class ReadingCommand extends ReportingCommand {

	@Parameter(label = "Model file", style = FileWidget.OPEN_STYLE, required = false, persist = false,
		description = READING_MODEL_FILE_HELP)
	private File model_file;

	@Parameter(label = "Save readings to (CSV)", style = FileWidget.SAVE_STYLE, required = false, persist = false)
	private File output_file;

	@Parameter(label = "Flag digits under confidence", min = "0", max = "1", stepSize = "0.05", persist = false)
	private double min_confidence = ReadOptions.defaults().minConfidence();

	@Parameter(label = "Digits per number (0 = any)", min = "0", persist = false)
	private int digits;

	/**
	 * Checks the options and the output file first, then loads the model and makes its reader: bad
	 * keys fail before any work.
	 */
	protected Readers.Opened reader() throws IOException {
		final ReadOptions options = options();
		Paths.notInput(Paths.output(output_file, "output_file"), "output_file", Paths.optional(model_file), "model_file");
		return Readers.open(Paths.optional(model_file), options);
	}

	private ReadOptions options() {
		return new ReadOptions(min_confidence, digits);
	}

	/** Writes the table when an output file was given ({@link #reader()} has checked it), and shows it. */
	protected void report(final CsvTable table) throws IOException {
		final Path outputFile = Paths.optional(output_file);
		if (outputFile != null) table.write(outputFile);
		Tables.show(table, "Number Readings", Set.of(ReadingTables.TEXT));
	}
}
