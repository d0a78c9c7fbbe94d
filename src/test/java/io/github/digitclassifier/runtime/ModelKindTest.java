package io.github.digitclassifier.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model file's kind comes from its name and its zip's entries, whatever else the file holds. */
class ModelKindTest {

	@TempDir
	Path dir;

	private Path zip(final String name, final String entry) throws IOException {
		final Path file = dir.resolve(name);
		try (OutputStream stream = Files.newOutputStream(file); ZipOutputStream out = new ZipOutputStream(stream)) {
			out.putNextEntry(new ZipEntry(entry));
			out.closeEntry();
		}
		return file;
	}

	@Test
	void eachKindIsToldByItsNameOrEntries() throws IOException {
		assertEquals(ModelKind.BUNDLE, ModelKind.of(Path.of("models/digit-classifier-mnist.zip")));
		assertEquals(ModelKind.NUMBER_READER, ModelKind.of(Path.of("models/number-reader.zip")));
		assertEquals(ModelKind.ONNX, ModelKind.of(Path.of("models/strip-reader-mnist.onnx")));
		assertEquals(ModelKind.ONNX, ModelKind.of(dir.resolve("missing.ONNX")), "by its name, before it is opened");
		assertEquals(ModelKind.PACKAGE, ModelKind.of(zip("package.zip", ModelKind.PACKAGE_ENTRY)));
		assertEquals(ModelKind.PACKAGE, ModelKind.of(zip("newer.zip", ModelKind.NEWER_PACKAGE_ENTRY)));
	}

	@Test
	void whatIsNoOtherKindIsABundleForLoadingToSayWhatIsWrong() throws IOException {
		assertEquals(ModelKind.BUNDLE, ModelKind.of(dir.resolve("missing.zip")));
		assertEquals(ModelKind.BUNDLE, ModelKind.of(dir));
		assertEquals(ModelKind.BUNDLE, ModelKind.of(Files.writeString(dir.resolve("text.zip"), "not a zip")));
	}
}
