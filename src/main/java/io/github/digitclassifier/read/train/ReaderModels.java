package io.github.digitclassifier.read.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import io.github.digitclassifier.backend.Backends;
import io.github.digitclassifier.exchange.OnnxModels;
import io.github.digitclassifier.io.AtomicFiles;
import io.github.digitclassifier.model.ModelBundles;
import io.github.digitclassifier.read.sequence.Strip;
import io.github.digitclassifier.read.sequence.StripReader;

/**
 * Number reader model files: a zip of {@link #METADATA_ENTRY} (format, alphabet, the strip's
 * geometry, how it was trained), the strip network as ONNX ({@link #ONNX_ENTRY}, which reads) and
 * as DL4J's zip ({@link #DL4J_ENTRY}, to train further). A digit model's bundle holds
 * {@code digit-classifier.json} instead: the json entry tells them apart.
 */
public final class ReaderModels {

	public static final String FORMAT = "digit-classifier-number-reader";
	public static final int FORMAT_VERSION = 2;
	public static final String METADATA_ENTRY = "number-reader.json";
	public static final String ONNX_ENTRY = "strip-network.onnx";
	public static final String DL4J_ENTRY = "strip-network-dl4j.zip";

	/**
	 * The strip the network was trained on: reading must cut the same.
	 *
	 * @param source what the strip shows: "field", the band of the image around the writing
	 *        ({@link io.github.digitclassifier.read.NumberStrips#field}); format 1's readers saw
	 *        only the pieces of ink found
	 */
	public record Geometry(int height, int writing, int margin, int frame, String source) {
		static final Geometry CURRENT = new Geometry(Strip.HEIGHT, Strip.WRITING, Strip.MARGIN, Strip.FRAME, "field");
	}

	/** The json entry. */
	public record Metadata(String format, int formatVersion, String alphabet, Geometry strip, ReaderInfo training, String libraryVersion) {}

	private ReaderModels() {}

	/** Whether a file is a number reader model: a zip holding {@link #METADATA_ENTRY}. */
	public static boolean isReaderModel(final Path file) {
		if (!Files.isRegularFile(file)) return false;
		try (ZipFile zip = new ZipFile(file.toFile())) {
			return zip.getEntry(METADATA_ENTRY) != null;
		}
		catch (final IOException notAZip) {
			return false;
		}
	}

	/** Writes a trained reader (its DL4J network required) with its ONNX export. */
	public static void save(final ReaderModel model, final Path file) throws IOException {
		if (model.network() == null) throw new IllegalArgumentException("Only a reader with its DL4J network can be saved");
		final byte[] metadata = ModelBundles.gson().toJson(new Metadata(FORMAT, FORMAT_VERSION, model.alphabet().symbols(),
			Geometry.CURRENT, model.info(), ModelBundles.libraryVersion())).getBytes(StandardCharsets.UTF_8);
		final byte[] onnx = new StripReader(model.network()).onnx("the symbols " + model.alphabet().symbols());
		final ByteArrayOutputStream dl4j = new ByteArrayOutputStream();
		ModelSerializer.writeModel(model.network(), dl4j, true);
		AtomicFiles.write(file, temp -> {
			try (OutputStream stream = Files.newOutputStream(temp); ZipOutputStream out = new ZipOutputStream(stream)) {
				entry(out, METADATA_ENTRY, metadata);
				entry(out, ONNX_ENTRY, onnx);
				entry(out, DL4J_ENTRY, dl4j.toByteArray());
			}
		});
	}

	private static void entry(final ZipOutputStream out, final String name, final byte[] bytes) throws IOException {
		out.putNextEntry(new ZipEntry(name));
		out.write(bytes);
		out.closeEntry();
	}

	public static Metadata metadata(final Path file) throws IOException {
		final Metadata m = ModelBundles.gson().fromJson(new String(entry(file, METADATA_ENTRY), StandardCharsets.UTF_8), Metadata.class);
		if (m == null || !FORMAT.equals(m.format())) throw new IOException(file + " is not a number reader model (format " + (m == null ? null : m.format()) + ")");
		if (m.formatVersion() > FORMAT_VERSION) {
			throw new IOException(file + " is a number reader of format version " + m.formatVersion() + ", newer than this plugin reads (" +
				FORMAT_VERSION + "): update the plugin");
		}
		if (m.formatVersion() < 2) {
			throw new IOException(file + " is a number reader of format version " + m.formatVersion() + ", which read only the ink it " +
				"found; this plugin's readers read the whole field around it: train the reader again");
		}
		if (!Geometry.CURRENT.equals(m.strip())) throw new IOException(file + " reads strips " + m.strip() + ", this plugin cuts " + Geometry.CURRENT);
		return m;
	}

	/** A reader to read with: its network in ONNX Runtime, or in DL4J where ONNX Runtime cannot run. */
	public static ReaderModel load(final Path file) throws IOException {
		final Metadata m = metadata(file);
		final Alphabet alphabet = new Alphabet(m.alphabet());
		try {
			return new ReaderModel(alphabet, StripReader.onnx(entry(file, ONNX_ENTRY), file + "!/" + ONNX_ENTRY, alphabet.scores()), null,
				m.training());
		}
		catch (final OnnxModels.OnnxRuntimeMissing noRuntime) {
			final MultiLayerNetwork network = network(file);
			return new ReaderModel(alphabet, new StripReader(network), network, m.training());
		}
	}

	/** A reader with its DL4J network, to train further or to read in DL4J. */
	public static ReaderModel loadForTraining(final Path file) throws IOException {
		final Metadata m = metadata(file);
		final MultiLayerNetwork network = network(file);
		return new ReaderModel(new Alphabet(m.alphabet()), new StripReader(network), network, m.training());
	}

	private static MultiLayerNetwork network(final Path file) throws IOException {
		Backends.prepare();
		try (InputStream in = new ByteArrayInputStream(entry(file, DL4J_ENTRY))) {
			final MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(in, true);
			Backends.useFastLayers(network);
			return network;
		}
	}

	private static byte[] entry(final Path file, final String name) throws IOException {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			final ZipEntry entry = zip.getEntry(name);
			if (entry == null) throw new IOException(file + " has no " + name + ": it is not a complete number reader model");
			try (InputStream in = zip.getInputStream(entry)) {
				return in.readAllBytes();
			}
		}
		catch (final ZipException e) {
			throw ModelBundles.unreadableZip(file, e);
		}
	}
}
