package io.github.digitclassifier.read.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import io.github.digitclassifier.backend.Backends;
import io.github.digitclassifier.io.AtomicFiles;
import io.github.digitclassifier.model.ModelBundles;
import io.github.digitclassifier.read.Calibration;
import io.github.digitclassifier.read.sequence.Strip;
import io.github.digitclassifier.read.sequence.StripReader;
import io.github.digitclassifier.runtime.ModelKind;
import io.github.digitclassifier.runtime.onnx.Sessions;

/**
 * Number reader model files: a zip of {@link #METADATA_ENTRY} (format, alphabet, the strip's
 * geometry, how it was trained), the strip network as ONNX ({@link #ONNX_ENTRY}, which reads) and
 * as DL4J's zip ({@link #DL4J_ENTRY}, to train further). A digit model's bundle holds
 * {@code digit-classifier.json} instead: the json entry tells them apart ({@link ModelKind}).
 */
public final class ReaderModels {

	public static final String FORMAT = "digit-classifier-number-reader";
	public static final int FORMAT_VERSION = 2;
	public static final String METADATA_ENTRY = ModelKind.READER_ENTRY;
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

	/**
	 * The json entry.
	 *
	 * @param calibration how the reader's confidences are calibrated (null: as read)
	 * @param digitCalibration how the bundled digit model's readings beside it are (null: not fitted)
	 */
	public record Metadata(String format, int formatVersion, String alphabet, Geometry strip, ReaderInfo training,
		Calibration calibration, Calibration digitCalibration, String libraryVersion) {}

	/** The bundled number reader, trained on synthetic documents (models/README.md). */
	public static final String BUNDLED = "/models/number-reader.zip";

	private static Optional<ReaderModel> bundled;

	private ReaderModels() {}

	/**
	 * Writes a reader (its DL4J network required) with its ONNX export. DL4J's copy is saved
	 * without the updater's state: further training starts its own.
	 */
	public static void save(final ReaderModel model, final Path file) throws IOException {
		if (model.network() == null) throw new IllegalArgumentException("Only a reader with its DL4J network can be saved");
		final byte[] metadata = ModelBundles.gson().toJson(new Metadata(FORMAT, FORMAT_VERSION, model.alphabet().symbols(),
			Geometry.CURRENT, model.info(), model.calibration(), model.digitCalibration().equals(Calibration.NONE) ? null : model.digitCalibration(),
			ModelBundles.libraryVersion())).getBytes(StandardCharsets.UTF_8);
		final byte[] onnx = new StripReader(model.network()).onnx("the symbols " + model.alphabet().symbols());
		final ByteArrayOutputStream dl4j = new ByteArrayOutputStream();
		ModelSerializer.writeModel(model.network(), dl4j, false);
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
		return metadata(entries(file), file.toString());
	}

	private static Metadata metadata(final Map<String, byte[]> entries, final String source) throws IOException {
		final Metadata m = ModelBundles.gson().fromJson(new String(entry(entries, METADATA_ENTRY, source), StandardCharsets.UTF_8), Metadata.class);
		if (m == null || !FORMAT.equals(m.format())) throw new IOException(source + " is not a number reader model (format " + (m == null ? null : m.format()) + ")");
		if (m.formatVersion() > FORMAT_VERSION) {
			throw new IOException(source + " is a number reader of format version " + m.formatVersion() + ", newer than this plugin reads (" +
				FORMAT_VERSION + "): update the plugin");
		}
		if (m.formatVersion() < 2) {
			throw new IOException(source + " is a number reader of format version " + m.formatVersion() + ", which read only the ink it " +
				"found; this plugin's readers read the whole field around it: train the reader again");
		}
		if (!Geometry.CURRENT.equals(m.strip())) throw new IOException(source + " reads strips " + m.strip() + ", this plugin cuts " + Geometry.CURRENT);
		return m;
	}

	/** A reader to read with: its network in ONNX Runtime, or in DL4J where ONNX Runtime does not run. */
	public static ReaderModel load(final Path file) throws IOException {
		return load(entries(file), file.toString());
	}

	private static ReaderModel load(final Map<String, byte[]> entries, final String source) throws IOException {
		final Metadata m = metadata(entries, source);
		final Alphabet alphabet = new Alphabet(m.alphabet());
		if (!Sessions.available()) {
			final MultiLayerNetwork network = network(entries, source);
			return new ReaderModel(alphabet, new StripReader(network), network, m.training(), calibration(m.calibration()),
				calibration(m.digitCalibration()));
		}
		return new ReaderModel(alphabet, StripReader.onnx(entry(entries, ONNX_ENTRY, source), source + "!/" + ONNX_ENTRY, alphabet.scores()),
			null, m.training(), calibration(m.calibration()), calibration(m.digitCalibration()));
	}

	/** A reader with its DL4J network, to train further or to read in DL4J. */
	public static ReaderModel loadForTraining(final Path file) throws IOException {
		return loadForTraining(entries(file), file.toString());
	}

	private static ReaderModel loadForTraining(final Map<String, byte[]> entries, final String source) throws IOException {
		final Metadata m = metadata(entries, source);
		final MultiLayerNetwork network = network(entries, source);
		return new ReaderModel(new Alphabet(m.alphabet()), new StripReader(network), network, m.training(), calibration(m.calibration()),
			calibration(m.digitCalibration()));
	}

	/** The bundled reader, read in ONNX Runtime and kept for the plugin's session; empty where it cannot run. */
	public static synchronized Optional<ReaderModel> bundled() {
		if (bundled == null) {
			try {
				bundled = Sessions.available() ? Optional.of(load(bundledEntries(), BUNDLED)) : Optional.empty();
			}
			catch (final IOException e) {
				throw new UncheckedIOException("The bundled number reader cannot be read: " + e.getMessage(), e);
			}
		}
		return bundled;
	}

	static synchronized boolean isBundled(final ReaderModel model) {
		return bundled != null && bundled.orElse(null) == model;
	}

	/** The bundled reader with its DL4J network, to fine-tune. */
	public static ReaderModel bundledForTraining() throws IOException {
		return loadForTraining(bundledEntries(), BUNDLED);
	}

	private static Map<String, byte[]> bundledEntries() throws IOException {
		try (InputStream in = ReaderModels.class.getResourceAsStream(BUNDLED)) {
			if (in == null) throw new IOException("The plugin's jar has no " + BUNDLED + ": it is incomplete");
			return entries(in, BUNDLED);
		}
	}

	private static Calibration calibration(final Calibration given) {
		return given == null ? Calibration.NONE : given;
	}

	private static MultiLayerNetwork network(final Map<String, byte[]> entries, final String source) throws IOException {
		Backends.prepare();
		try (InputStream in = new ByteArrayInputStream(entry(entries, DL4J_ENTRY, source))) {
			final MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(in, false);
			Backends.useFastLayers(network);
			return network;
		}
	}

	private static byte[] entry(final Map<String, byte[]> entries, final String name, final String source) throws IOException {
		final byte[] bytes = entries.get(name);
		if (bytes == null) throw new IOException(source + " has no " + name + ": it is not a complete number reader model");
		return bytes;
	}

	/** The entries of a reader model file (its zip directory read, so that a cut file is told as such). */
	private static Map<String, byte[]> entries(final Path file) throws IOException {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			final Map<String, byte[]> entries = new HashMap<>();
			for (final ZipEntry e : java.util.Collections.list(zip.entries())) {
				try (InputStream in = zip.getInputStream(e)) {
					entries.put(e.getName(), in.readAllBytes());
				}
			}
			return entries;
		}
		catch (final ZipException e) {
			throw ModelBundles.unreadableZip(file, e);
		}
	}

	private static Map<String, byte[]> entries(final InputStream in, final String source) throws IOException {
		final Map<String, byte[]> entries = new HashMap<>();
		try (ZipInputStream zip = new ZipInputStream(in)) {
			for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) entries.put(e.getName(), zip.readAllBytes());
		}
		if (entries.isEmpty()) throw new ZipException(source + " is not a zip file");
		return entries;
	}
}
