package io.github.digitclassifier.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipFile;

/**
 * The kinds of file {@code model_file} names, told apart before one is opened: by the name's
 * ending and the zip's entries, never by trying to load it. The entries that tell them apart are
 * named here, so that no package that writes a kind is needed to recognise it.
 */
public enum ModelKind {
	/** A Digit Classifier model bundle (also what is no other kind: loading it says what is wrong). */
	BUNDLE,
	/** An {@code .onnx} network with its description beside it. */
	ONNX,
	/** A bioimage.io package: a zip with its description at the top. */
	PACKAGE,
	/** A number reader (Train Number Reader): reads whole numbers, not single digits. */
	NUMBER_READER;

	/** The entry that makes a zip a number reader. */
	public static final String READER_ENTRY = "number-reader.json";

	/** The entry that makes a zip a bioimage.io package: its description, by the name packages are written with... */
	public static final String PACKAGE_ENTRY = "rdf.yaml";
	/** ...or by its newer name. */
	public static final String NEWER_PACKAGE_ENTRY = "bioimageio.yaml";

	public static ModelKind of(final Path file) {
		final List<String> entries = entries(file);
		if (entries.contains(READER_ENTRY)) return NUMBER_READER;
		if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx")) return ONNX;
		if (entries.contains(PACKAGE_ENTRY) || entries.contains(NEWER_PACKAGE_ENTRY)) return PACKAGE;
		return BUNDLE;
	}

	/** Whether a file is a model from elsewhere, an ONNX file or a bioimage.io package: no bundle, no DL4J network. */
	public boolean isExchangeFormat() {
		return this == ONNX || this == PACKAGE;
	}

	/** The names of a zip's entries; none for a file that is no readable zip. */
	private static List<String> entries(final Path file) {
		if (!Files.isRegularFile(file)) return List.of();
		try (ZipFile zip = new ZipFile(file.toFile())) {
			return zip.stream().map(e -> e.getName()).toList();
		}
		catch (final IOException e) {
			return List.of();
		}
	}
}
