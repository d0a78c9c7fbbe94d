package io.github.digitclassifier.read.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import io.github.digitclassifier.read.Calibration;
import io.github.digitclassifier.read.sequence.StripReader;

/**
 * A trained number reader: a strip network over an alphabet that reads the whole writing of an
 * image as one strip, no digit model involved.
 *
 * @param strips the network as it reads (ONNX Runtime when loaded, else DL4J)
 * @param network the network in DL4J, to be trained further or saved; null when loaded for reading
 * @param calibration what turns its readings' confidences into the chance of being right
 * @param digitCalibration the same for the bundled digit model's readings of the fields this
 *        reader was calibrated on, so that reading beside it the two readings are weighed as
 *        chances ({@link Calibration#NONE} where it was not fitted: a reader trained by a user)
 */
public record ReaderModel(Alphabet alphabet, StripReader strips, MultiLayerNetwork network, ReaderInfo info, Calibration calibration,
	Calibration digitCalibration) implements AutoCloseable
{

	public ReaderModel {
		if (strips.symbols() != alphabet.scores()) {
			throw new IllegalArgumentException("The strip network scores " + strips.symbols() + " symbols per frame; the alphabet " +
				alphabet.symbols() + " and the blank are " + alphabet.scores());
		}
	}

	/** A reader without a calibration of the digit model's readings beside it. */
	public ReaderModel(final Alphabet alphabet, final StripReader strips, final MultiLayerNetwork network, final ReaderInfo info,
		final Calibration calibration)
	{
		this(alphabet, strips, network, info, calibration, Calibration.NONE);
	}

	/** The same reader with other calibrations. */
	public ReaderModel calibrated(final Calibration c, final Calibration digits) {
		return new ReaderModel(alphabet, strips, network, info, c, digits);
	}

	/** Frees the network's session; the bundled reader stays open for the plugin's session. */
	@Override
	public void close() {
		if (ReaderModels.isBundled(this)) return;
		strips.close();
	}
}
