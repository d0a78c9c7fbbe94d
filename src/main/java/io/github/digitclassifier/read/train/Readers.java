package io.github.digitclassifier.read.train;

import java.io.IOException;
import java.nio.file.Path;

import io.github.digitclassifier.read.InkDetector;
import io.github.digitclassifier.read.NumberReader;
import io.github.digitclassifier.read.ReadOptions;
import io.github.digitclassifier.read.ReadsNumbers;
import io.github.digitclassifier.read.sequence.StripReader;
import io.github.digitclassifier.runtime.Classifier;
import io.github.digitclassifier.runtime.ModelKind;
import io.github.digitclassifier.runtime.load.ModelFiles;

/**
 * The reader of any {@code model_file} that reading accepts, one place for the commands, the Spark
 * job and the benchmarks: a number reader model reads the writing whole with its own network
 * ({@link WholeStripReader}); a digit model reads digit by digit ({@link NumberReader}), with the
 * bundled strip network and number reader when it is the bundled digit model.
 */
public final class Readers {

	private Readers() {}

	/** A reader and what it holds open: the digit model, or the number reader model (the other null). */
	public record Opened(ReadsNumbers reader, Classifier model, ReaderModel readerModel) implements AutoCloseable {
		@Override
		public void close() {
			if (model != null) model.close();
			if (readerModel != null) readerModel.close();
		}
	}

	/** The reader of a model file (null: the bundled models). */
	public static Opened open(final Path modelFile, final ReadOptions options) throws IOException {
		if (modelFile != null && ModelKind.of(modelFile) == ModelKind.NUMBER_READER) {
			final ReaderModel readerModel = ReaderModels.load(modelFile);
			return new Opened(new WholeStripReader(readerModel, options), null, readerModel);
		}
		final Classifier model = ModelFiles.loadOrDefault(modelFile);
		try {
			return new Opened(digitReader(model, modelFile, options), model, null);
		}
		catch (final RuntimeException e) {
			model.close();
			throw e;
		}
	}

	/**
	 * The reader of a digit model: with the bundled one, the bundled strip network and ink detector
	 * help it, and the bundled number reader reads each image whole beside it (where ONNX Runtime
	 * runs and the ink detector is wanted); another model reads alone.
	 */
	private static NumberReader digitReader(final Classifier model, final Path modelFile, final ReadOptions options) {
		final StripReader strips = strips(modelFile);
		if (strips == null) return new NumberReader(model, options);
		final InkDetector detector = NumberReader.wantedDetector();
		final ReaderModel fields = detector == null ? null : ReaderModels.bundled().orElse(null);
		if (fields == null) return new NumberReader(model, strips, detector, options);
		return new NumberReader(model, strips, detector, new WholeStripReader(fields, options), fields.calibration(), fields.digitCalibration(),
			options);
	}

	/** The strip network that reads with a digit model from this model file: the bundled one with the bundled model, else none. */
	public static StripReader strips(final Path modelFile) {
		return modelFile == null ? StripReader.bundled().orElse(null) : null;
	}
}
