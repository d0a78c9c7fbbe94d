package io.github.digitclassifier.backend;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.digitclassifier.io.AtomicFiles;

/**
 * ONNX Runtime's native libraries, kept unpacked between runs. By itself ONNX Runtime unpacks its
 * library from its jar into a new temporary folder at every start, which took most of its start-up:
 * here it is unpacked once into JavaCPP's cache folder, beside ND4J's natives, and named to ONNX
 * Runtime with its {@code onnxruntime.native.path} property.
 */
public final class OnnxRuntimeNatives {

	/** ONNX Runtime's own switch: the folder to load its libraries from. */
	static final String PATH_PROPERTY = "onnxruntime.native.path";
	private static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni", "onnxruntime_providers_shared");

	private static boolean prepared;

	private OnnxRuntimeNatives() {}

	/**
	 * Call before ONNX Runtime starts: unpacks its libraries for this platform into the cache
	 * unless they are there, and points ONNX Runtime at them. A folder the user named is left as it
	 * is; when anything fails ONNX Runtime unpacks them itself, as without this.
	 */
	public static synchronized void prepare() {
		if (prepared || System.getProperty(PATH_PROPERTY) != null) return;
		prepared = true;
		try {
			final Path folder = unpacked(cache());
			if (folder != null) System.setProperty(PATH_PROPERTY, folder.toString());
		}
		catch (final IOException | RuntimeException e) {
			// ONNX Runtime unpacks them itself.
		}
	}

	/** The folder under {@code cache} that holds this platform's libraries, unpacked now unless they were; null for none. */
	static Path unpacked(final Path cache) throws IOException {
		final String platform = platform();
		if (platform == null) return null;
		final List<URL> libraries = new ArrayList<>();
		for (final String name : LIBRARIES) {
			final URL library = OnnxRuntimeNatives.class.getResource("/ai/onnxruntime/native/" + platform + "/" + System.mapLibraryName(name));
			if (library != null) libraries.add(library);
		}
		if (libraries.isEmpty()) return null;
		// Named after what it holds: another ONNX Runtime version's libraries differ in size.
		final long size = libraries.get(0).openConnection().getContentLengthLong();
		final Path folder = cache.resolve("onnxruntime-" + platform + "-" + size);
		Files.createDirectories(folder);
		for (final URL library : libraries) unpack(library, folder);
		return folder;
	}

	/** JavaCPP's cache folder, where ND4J's natives are unpacked too. */
	static Path cache() {
		final String configured = System.getProperty("org.bytedeco.javacpp.cachedir");
		return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".javacpp", "cache");
	}

	/** ONNX Runtime's name for this platform's folder in its jar, or null for one it has none for. */
	static String platform() {
		final String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
		final String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
		final String cpu = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") ? "aarch64" : null;
		if (cpu == null) return null;
		if (os.startsWith("linux")) return "linux-" + cpu;
		if (os.startsWith("mac")) return "osx-" + cpu;
		if (os.startsWith("windows")) return "win-" + cpu;
		return null;
	}

	/** Copies a library into the folder unless a whole copy is there; whole or not at all, whoever runs beside. */
	private static void unpack(final URL library, final Path folder) throws IOException {
		final Path target = folder.resolve(library.getPath().substring(library.getPath().lastIndexOf('/') + 1));
		if (Files.isRegularFile(target) && Files.size(target) == library.openConnection().getContentLengthLong()) return;
		AtomicFiles.write(target, temp -> {
			try (InputStream in = library.openStream()) {
				Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
			}
		});
	}
}
