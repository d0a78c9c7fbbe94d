package io.github.digitclassifier.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import io.github.digitclassifier.backend.Backends;
import io.github.digitclassifier.io.AtomicFiles;

/**
 * Reads and writes model bundles: a DL4J model zip (loadable by DL4J's own ModelSerializer) with
 * one more entry, {@value #METADATA_ENTRY}. Writing is atomic; reading refuses anything that is
 * not a complete bundle of a known format version, and any entry DL4J would deserialise with
 * Java serialisation.
 */
public final class ModelBundles {

	public static final String METADATA_ENTRY = "digit-classifier.json";
	/** The network as ONNX, which classifying runs (ONNX Runtime: faster, and no ND4J to start); format 3 on. */
	public static final String INFERENCE_ENTRY = "network.onnx";

	/** The entries a bundle may hold: DL4J's configuration and weights, the metadata, the network as ONNX. */
	private static final Set<String> ALLOWED_ENTRIES =
		Set.of(METADATA_ENTRY, INFERENCE_ENTRY, "configuration.json", "coefficients.bin", "noParams.marker", "updaterState.bin");

	/** Where the classes named in a DL4J network configuration live. */
	private static final List<String> CONFIGURATION_PACKAGES = List.of("org.deeplearning4j.nn.conf.",
		"org.deeplearning4j.nn.weights.", "org.nd4j.linalg.activations.", "org.nd4j.linalg.learning.config.",
		"org.nd4j.linalg.lossfunctions.", "org.nd4j.linalg.schedule.");

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

	private ModelBundles() {}

	/** The JSON form of metadata, as bundles hold it (and ONNX models' descriptions). */
	public static Gson gson() {
		return GSON;
	}

	/** This library's version, as the build wrote it. */
	public static String libraryVersion() {
		return buildProperty("version");
	}

	/** The DL4J version this library was built with. */
	public static String dl4jVersion() {
		return buildProperty("dl4j.version");
	}

	private static String buildProperty(final String key) {
		try (InputStream in = ModelBundles.class.getResourceAsStream("/digit-classifier.properties")) {
			final Properties properties = new Properties();
			if (in != null) properties.load(in);
			return properties.getProperty(key, "unknown");
		}
		catch (final IOException e) {
			return "unknown";
		}
	}

	/**
	 * Writes a bundle in the current format, with {@code inference}, the network as ONNX, when not
	 * null (exchange.OnnxFiles.saveBundle exports it: this package knows no ONNX).
	 */
	public static void save(final ModelBundle bundle, final Path file, final byte[] inference) throws IOException {
		final BundleMetadata m = bundle.metadata();
		final byte[] metadata = GSON.toJson(new BundleMetadata(m.format(), BundleMetadata.FORMAT_VERSION, m.classNames(), m.preprocessing(),
			m.recipe(), m.choices(), m.data(), m.history(), m.metrics(), m.trainingImages(), m.created(), m.libraryVersion(), m.dl4jVersion()))
			.getBytes(StandardCharsets.UTF_8);
		AtomicFiles.write(file, temp -> {
			final Path network = Files.createTempFile("digit-classifier-network", ".zip");
			try {
				ModelSerializer.writeModel(bundle.network(), network.toFile(), false);
				try (ZipFile dl4j = new ZipFile(network.toFile());
					OutputStream stream = Files.newOutputStream(temp);
					ZipOutputStream out = new ZipOutputStream(stream))
				{
					out.putNextEntry(new ZipEntry(METADATA_ENTRY));
					out.write(metadata);
					out.closeEntry();
					if (inference != null) {
						out.putNextEntry(new ZipEntry(INFERENCE_ENTRY));
						out.write(inference);
						out.closeEntry();
					}
					for (final Enumeration<? extends ZipEntry> e = dl4j.entries(); e.hasMoreElements();) {
						final ZipEntry entry = e.nextElement();
						out.putNextEntry(new ZipEntry(entry.getName()));
						try (InputStream in = dl4j.getInputStream(entry)) {
							in.transferTo(out);
						}
						out.closeEntry();
					}
				}
			}
			finally {
				Files.deleteIfExists(network);
			}
		});
	}

	/** Where the bundled default model sits among the jar's resources. */
	public static final String DEFAULT_MODEL_RESOURCE = "/models/digit-classifier-mnist.zip";

	private static ModelBundle defaultModel;

	/** The bundled default model when {@code file} is null, else the model in that file. */
	public static ModelBundle loadOrDefault(final Path file) throws IOException {
		return file == null ? loadDefault() : load(file);
	}

	/** The default model that ships in the jar, loaded once. */
	public static synchronized ModelBundle loadDefault() throws IOException {
		if (defaultModel == null) defaultModel = withDefaultFile(ModelBundles::load);
		return defaultModel;
	}

	/** Reads a model file's contents. */
	@FunctionalInterface
	public interface Reading<T> {
		T read(Path file) throws IOException;
	}

	/** What {@code reading} makes of the bundled default model, from a temporary copy of it. */
	public static <T> T withDefaultFile(final Reading<T> reading) throws IOException {
		final Path copy = Files.createTempFile("digit-classifier-default", ".zip");
		try (InputStream in = ModelBundles.class.getResourceAsStream(DEFAULT_MODEL_RESOURCE)) {
			if (in == null) throw new IOException("This build has no bundled default model (" + DEFAULT_MODEL_RESOURCE + "): give a model_file");
			Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
			return reading.read(copy);
		}
		finally {
			Files.deleteIfExists(copy);
		}
	}

	public static ModelBundle load(final Path file) throws IOException {
		final BundleMetadata metadata = readMetadata(file);
		final MultiLayerNetwork network;
		Backends.prepare();
		try {
			network = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
		}
		catch (final IOException | RuntimeException e) {
			throw new IOException("Model file " + file + " holds a damaged network: " + e.getMessage(), e);
		}
		final long outputs = network.layerSize(network.getnLayers() - 1);
		if (outputs != metadata.classNames().size()) {
			throw new IOException("Model file " + file + " is inconsistent: the network has " + outputs +
				" outputs for " + metadata.classNames().size() + " classes");
		}
		return new ModelBundle(network, metadata);
	}

	/** The network as ONNX that a bundle holds, or null when it has none (written before format 3). */
	public static byte[] inferenceNetwork(final Path file) throws IOException {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			final ZipEntry entry = zip.getEntry(INFERENCE_ENTRY);
			if (entry == null) return null;
			try (InputStream in = zip.getInputStream(entry)) {
				return in.readAllBytes();
			}
		}
	}

	/** Checks that a file is a whole bundle this version can read, and returns its metadata. */
	public static BundleMetadata readMetadata(final Path file) throws IOException {
		if (!Files.exists(file)) throw new IOException("Model file not found: " + file);
		if (Files.isDirectory(file)) {
			throw new IOException("Model file " + file + " is a folder, not a model file: give the model's .zip or .onnx file");
		}
		try (ZipFile zip = new ZipFile(file.toFile())) {
			for (final Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
				final String name = e.nextElement().getName();
				if (!ALLOWED_ENTRIES.contains(name)) {
					throw new IOException("Model file " + file + " holds an entry a model bundle never has ('" + name +
						"'); it is refused, as loading it could run code");
				}
			}
			final ZipEntry entry = zip.getEntry(METADATA_ENTRY);
			if (entry == null) {
				throw new IOException("Model file " + file + " is not a Digit Classifier model: it lacks " + METADATA_ENTRY +
					" (a plain DL4J model has no class names or preprocessing; train one with Train Digit Classifier)");
			}
			if (zip.getEntry("configuration.json") == null || zip.getEntry("coefficients.bin") == null) {
				throw new IOException("Model file " + file + " is incomplete: it lacks the network");
			}
			try (InputStream in = zip.getInputStream(zip.getEntry("configuration.json"))) {
				checkClasses(JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)), file);
			}
			catch (final JsonParseException e) {
				throw new IOException("Model file " + file + " has an unreadable network configuration: " + e.getMessage(), e);
			}
			final BundleMetadata metadata;
			try (InputStream in = zip.getInputStream(entry)) {
				metadata = GSON.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), BundleMetadata.class);
			}
			catch (final JsonParseException | IllegalArgumentException | IllegalStateException e) {
				throw new IOException("Model file " + file + " has unreadable metadata: " + e.getMessage(), e);
			}
			return check(metadata, file);
		}
		catch (final ZipException e) {
			throw unreadableZip(file, e);
		}
	}

	/** Why a model file that zip cannot open is refused: it is no zip at all, or one cut short or damaged. */
	public static IOException unreadableZip(final Path file, final ZipException e) {
		if (!startsAsZip(file)) {
			return new IOException("Model file " + file + " is not a zip file: give a model saved by Train Digit Classifier, " +
				"an .onnx file or a bioimage.io package", e);
		}
		return new IOException("Model file " + file + " is truncated or damaged (its zip directory cannot be read): copy it again, " +
			"or save the model anew", e);
	}

	private static boolean startsAsZip(final Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return Arrays.equals(in.readNBytes(4), new byte[] { 'P', 'K', 3, 4 });
		}
		catch (final IOException e) {
			return false;
		}
	}

	/**
	 * DL4J's configuration names the Java classes it instantiates ({@code "@class"}); only those of
	 * DL4J's and ND4J's configuration packages are let through, so a crafted file cannot have
	 * Jackson build anything else.
	 */
	private static void checkClasses(final JsonElement json, final Path file) throws IOException {
		if (json.isJsonArray()) {
			for (final JsonElement e : json.getAsJsonArray()) checkClasses(e, file);
		}
		else if (json.isJsonObject()) {
			for (final Map.Entry<String, JsonElement> e : json.getAsJsonObject().entrySet()) {
				if (e.getKey().equals("@class")) {
					final String name = e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString();
					if (CONFIGURATION_PACKAGES.stream().noneMatch(name::startsWith)) {
						throw new IOException("Model file " + file + " names a class a network configuration never has (" + name +
							"); it is refused, as loading it could run code");
					}
				}
				checkClasses(e.getValue(), file);
			}
		}
	}

	private static BundleMetadata check(final BundleMetadata metadata, final Path file) throws IOException {
		if (metadata == null || !BundleMetadata.FORMAT.equals(metadata.format())) {
			throw new IOException("Model file " + file + " is not a Digit Classifier model (wrong format name in " + METADATA_ENTRY + ")");
		}
		if (metadata.formatVersion() > BundleMetadata.FORMAT_VERSION) {
			throw new IOException("Model file " + file + " was made by a newer Digit Classifier: update the plugin (the file's format version is " +
				metadata.formatVersion() + ", this version reads up to " + BundleMetadata.FORMAT_VERSION + ")");
		}
		if (metadata.formatVersion() < 1 || metadata.classNames() == null || metadata.classNames().isEmpty() ||
			metadata.preprocessing() == null)
		{
			throw new IOException("Model file " + file + " has incomplete metadata (class names or preprocessing missing)");
		}
		return metadata;
	}
}
