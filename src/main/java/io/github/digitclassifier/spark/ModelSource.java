package io.github.digitclassifier.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.digitclassifier.exchange.OnnxFiles;

/**
 * A model file's bytes, read once on the driver and broadcast: the file (and an ONNX file's
 * description beside it), under their own names, so that an executor opens them as the plugin
 * opens any {@code model_file}. No files: the bundled model, which every executor has in its jar.
 */
final class ModelSource implements Serializable {

	private static final long serialVersionUID = 1L;

	/** File name → bytes; the model file first. */
	final LinkedHashMap<String, byte[]> files;

	/** SHA-256 of the names and bytes: which model an executor holds, and what a rerun must match. */
	final String hash;

	private ModelSource(final LinkedHashMap<String, byte[]> files) {
		this.files = files;
		this.hash = hash(files);
	}

	boolean bundled() {
		return files.isEmpty();
	}

	static ModelSource read(final String modelFile, final Storage storage) throws IOException {
		final LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
		if (modelFile == null) return new ModelSource(files);
		if (!storage.exists(modelFile)) throw new IllegalArgumentException("model_file not found: " + modelFile);
		files.put(name(modelFile), storage.read(modelFile));
		if (modelFile.toLowerCase(java.util.Locale.ROOT).endsWith(".onnx")) {
			final String description = modelFile + OnnxFiles.DESCRIPTION_SUFFIX;
			// Missing: ModelFiles says what an .onnx needs beside it, when the model is opened.
			if (storage.exists(description)) files.put(name(description), storage.read(description));
		}
		return new ModelSource(files);
	}

	private static String name(final String location) {
		final String path = location.replace('\\', '/');
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private static String hash(final Map<String, byte[]> files) {
		try {
			final MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (final Map.Entry<String, byte[]> file : files.entrySet()) {
				digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				digest.update(file.getValue());
			}
			return files.isEmpty() ? "bundled" : HexFormat.of().formatHex(digest.digest());
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
