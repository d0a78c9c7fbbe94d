package io.github.digitclassifier.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import org.scijava.plugin.Parameter;
import org.scijava.widget.FileWidget;

import io.github.digitclassifier.ij1.Tables;
import io.github.digitclassifier.io.CsvTable;
import io.github.digitclassifier.exchange.ModelFiles;
import io.github.digitclassifier.model.Classifier;
import io.github.digitclassifier.read.NumberReader;
import io.github.digitclassifier.read.ReadOptions;
import io.github.digitclassifier.read.ReadsNumbers;
import io.github.digitclassifier.read.train.ReaderModel;
import io.github.digitclassifier.read.train.ReaderModels;
import io.github.digitclassifier.read.train.WholeStripReader;
import io.github.digitclassifier.read.sequence.StripReader;
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
	protected Opened reader() throws IOException {
		final ReadOptions options = options();
		Paths.notInput(Paths.output(output_file, "output_file"), "output_file", Paths.optional(model_file), "model_file");
		return open(Paths.optional(model_file), options);
	}

	/** A reader and what it holds open: the digit model, or the number reader model (the other null). */
	record Opened(ReadsNumbers reader, Classifier model, ReaderModel readerModel) implements AutoCloseable {
		@Override
		public void close() {
			if (model != null) model.close();
			if (readerModel != null) readerModel.close();
		}
	}

	/**
	 * The reader of a model file (null: the bundled digit model): a number reader model reads the
	 * writing whole with its own network; a digit model reads as {@link #reader(Classifier, Path, ReadOptions)}.
	 */
	static Opened open(final Path modelFile, final ReadOptions options) throws IOException {
		if (modelFile != null && ModelFiles.isReaderModel(modelFile)) {
			final ReaderModel readerModel = ReaderModels.load(modelFile);
			return new Opened(new WholeStripReader(readerModel, options), null, readerModel);
		}
		final Classifier model = ModelFiles.loadOrDefault(modelFile);
		try {
			return new Opened(reader(model, modelFile, options), model, null);
		}
		catch (final RuntimeException e) {
			model.close();
			throw e;
		}
	}

	private ReadOptions options() {
		return new ReadOptions(min_confidence, digits);
	}

	/**
	 * The reader of a digit model from this model file (null: the bundled one): with the bundled
	 * digit model, every digit is read by it and the bundled strip network together (where ONNX
	 * Runtime can run); with the user's model, touching digits are cut apart and every digit is
	 * that model's.
	 */
	static NumberReader reader(final Classifier model, final Path modelFile, final ReadOptions options) {
		return new NumberReader(model, strips(modelFile), options);
	}

	/** The strip network that reads with a digit model from this model file: the bundled one with the bundled model, else none. */
	static StripReader strips(final Path modelFile) {
		return modelFile == null ? StripReader.bundled().orElse(null) : null;
	}

	/** Writes the table when an output file was given ({@link #reader()} has checked it), and shows it. */
	protected void report(final CsvTable table) throws IOException {
		final Path outputFile = Paths.optional(output_file);
		if (outputFile != null) table.write(outputFile);
		Tables.show(table, "Number Readings", Set.of(ReadingTables.TEXT));
	}
}
