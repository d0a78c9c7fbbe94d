package io.github.digitclassifier.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import io.github.digitclassifier.io.AtomicFiles;
import io.github.digitclassifier.model.BundleMetadata;
import io.github.digitclassifier.model.ModelBundle;
import io.github.digitclassifier.model.ModelBundles;

/**
 * The ONNX files of models: {@code model.onnx} with its description {@code model.onnx.json} beside
 * it (Export Model writes the pair; any ONNX classifier with a description reads as one), and a
 * bundle's ONNX copy ({@value ModelBundles#INFERENCE_ENTRY}), written when the bundle is saved.
 */
public final class OnnxFiles {

	/** Appended to an ONNX file's name to name its description. */
	public static final String DESCRIPTION_SUFFIX = ".json";

	private OnnxFiles() {}

	/** Where the description of an ONNX file is. */
	public static Path descriptionOf(final Path onnx) {
		return onnx.resolveSibling(onnx.getFileName() + DESCRIPTION_SUFFIX);
	}

	/**
	 * Writes a bundle's network as ONNX to {@code onnx} and its metadata as the description beside
	 * it. Each file is written whole or not at all; when the model cannot be written, a description
	 * that was not there before is removed again.
	 */
	public static void export(final ModelBundle bundle, final Path onnx) throws IOException {
		final byte[] model = OnnxExport.onnx(bundle);
		final Path description = descriptionOf(onnx);
		final byte[] before = Files.isRegularFile(description) ? Files.readAllBytes(description) : null;
		AtomicFiles.write(description, temp -> Files.writeString(temp, description(bundle.metadata())));
		try {
			AtomicFiles.write(onnx, temp -> Files.write(temp, model));
		}
		catch (final IOException | RuntimeException e) {
			// The pair stays as it was: the description that was there is put back, or the new one removed.
			if (before == null) Files.deleteIfExists(description);
			else AtomicFiles.write(description, temp -> Files.write(temp, before));
			throw e;
		}
	}

	/** The description of an exported bundle: its metadata, and that its outputs are probabilities. */
	static String description(final BundleMetadata metadata) {
		return ModelBundles.gson().toJson(descriptionJson(metadata));
	}

	/** A bundle's metadata as the description of its network in ONNX. */
	public static JsonObject descriptionJson(final BundleMetadata metadata) {
		final JsonObject json = ModelBundles.gson().toJsonTree(metadata).getAsJsonObject();
		json.addProperty("scores", "probabilities");
		return json;
	}

	/** An ONNX file and its description, as they are on disk. */
	public static DescribedOnnx read(final Path onnx) throws IOException {
		if (!Files.isRegularFile(onnx)) throw new IOException("Model file not found: " + onnx);
		final Path description = descriptionOf(onnx);
		if (!Files.isRegularFile(description)) {
			throw new IOException("ONNX model " + onnx + " has no description: write " + description.getFileName() +
				" beside it, with its classNames and preprocessing (see docs/models.md)");
		}
		final JsonObject json;
		try {
			json = JsonParser.parseString(Files.readString(description, StandardCharsets.UTF_8)).getAsJsonObject();
		}
		catch (final JsonParseException | IllegalStateException e) {
			throw new IOException("Description " + description + " is not a JSON object: " + e.getMessage(), e);
		}
		return new DescribedOnnx(Files.readAllBytes(onnx), json, onnx.toString(), description.toString());
	}

	/**
	 * Writes a bundle with its network as ONNX beside DL4J's, which classifying runs. The copy is
	 * made here, when the bundle is saved, and never while one is loaded; it is left out when the
	 * export does not know a layer, and the bundle then classifies through DL4J.
	 */
	public static void saveBundle(final ModelBundle bundle, final Path file) throws IOException {
		ModelBundles.save(bundle, file, onnxCopy(bundle));
	}

	/** The network as ONNX, or null when the export cannot write it (a layer it does not know): the copy is optional. */
	private static byte[] onnxCopy(final ModelBundle bundle) {
		try {
			return OnnxExport.onnx(bundle);
		}
		catch (final RuntimeException unsupported) {
			return null;
		}
	}
}
