package io.github.digitclassifier.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ONNX Runtime's libraries are unpacked once into the cache, whole, and used from there. */
class OnnxRuntimeNativesTest {

	@TempDir
	Path cache;

	@Test
	void theLibrariesAreUnpackedOnceAndKept() throws Exception {
		assertEquals("linux-x64", OnnxRuntimeNatives.platform(), "the build ships Linux x86-64's natives");
		final Path folder = OnnxRuntimeNatives.unpacked(cache);
		assertNotNull(folder);
		final Path library = folder.resolve("libonnxruntime.so");
		final long size = OnnxRuntimeNatives.class.getResource("/ai/onnxruntime/native/linux-x64/libonnxruntime.so").openConnection().getContentLengthLong();
		assertEquals(size, Files.size(library));
		assertTrue(Files.size(folder.resolve("libonnxruntime4j_jni.so")) > 0);
		// A second start finds them: nothing written again.
		final FileTime written = FileTime.fromMillis(0);
		Files.setLastModifiedTime(library, written);
		assertEquals(folder, OnnxRuntimeNatives.unpacked(cache));
		assertEquals(written, Files.getLastModifiedTime(library));
		// A partial copy (a start killed while unpacking) is replaced.
		Files.write(library, new byte[10]);
		OnnxRuntimeNatives.unpacked(cache);
		assertEquals(size, Files.size(library));
		try (var left = Files.list(folder)) {
			assertTrue(left.noneMatch(f -> f.toString().endsWith(".part")), "no temporary file left");
		}
	}
}
