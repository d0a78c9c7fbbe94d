package io.github.digitclassifier.read.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import io.github.digitclassifier.read.sequence.StripReader;

/**
 * A trained number reader: a strip network over an alphabet that reads the whole writing of an
 * image as one strip, no digit model involved.
 *
 * @param strips the network as it reads (ONNX Runtime when loaded, else DL4J)
 * @param network the network in DL4J, to be trained further or saved; null when loaded for reading
 */
public record ReaderModel(Alphabet alphabet, StripReader strips, MultiLayerNetwork network, ReaderInfo info) implements AutoCloseable {

	public ReaderModel {
		if (strips.symbols() != alphabet.scores()) {
			throw new IllegalArgumentException("The strip network scores " + strips.symbols() + " symbols per frame; the alphabet " +
				alphabet.symbols() + " and the blank are " + alphabet.scores());
		}
	}

	@Override
	public void close() {
		strips.close();
	}
}
