package io.github.digitclassifier.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.bytedeco.javacpp.Loader;

/**
 * Chooses the fastest of the shipped libnd4j builds that this CPU can run. Left to itself, JavaCPP
 * loads the first build it finds on the class path, also one compiled for instructions the CPU
 * lacks, which crashes the JVM rather than failing cleanly; so the choice is made here, from the
 * CPU's features, before ND4J starts.
 */
final class NativeBuilds {

	/** JavaCPP's platform property that names the build (the nd4j-native classifier's suffix) to load. */
	static final String EXTENSION = "platform.extension";

	/** libnd4j's JNI library, one per build folder ({@code linux-x86_64-onednn/libjnind4jcpu.so}). */
	private static final String LIBRARY = System.mapLibraryName("jnind4jcpu");

	/** The libnd4j builds this plugin may ship, fastest first, with the CPU features each needs. */
	enum Build {
		/** Compiled for Skylake-SP's AVX-512 subsets. */
		ONEDNN_AVX512("-onednn-avx512", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"),
		/** Runs on any x86-64 (OneDNN itself still picks its kernels for the CPU at run time). */
		ONEDNN("-onednn");

		final String extension;
		final List<String> cpuFeatures;

		Build(final String extension, final String... cpuFeatures) {
			this.extension = extension;
			this.cpuFeatures = List.of(cpuFeatures);
		}
	}

	private NativeBuilds() {}

	/**
	 * The first build, fastest first, that is shipped and whose CPU features are all present;
	 * empty when none is (then JavaCPP's own choice stands, e.g. the generic build of a platform
	 * for which only that one ships).
	 */
	static Optional<Build> fastest(final Set<String> cpuFeatures, final Predicate<Build> shipped) {
		return Arrays.stream(Build.values())
			.filter(b -> cpuFeatures.containsAll(b.cpuFeatures) && shipped.test(b))
			.findFirst();
	}

	/**
	 * Names the build for JavaCPP to load when ND4J starts, unless the user (or another plugin in
	 * the same JVM) has named one through {@code org.bytedeco.javacpp.platform.extension}. Set on
	 * JavaCPP's own cached platform properties, which it reads at every load, so that the choice
	 * holds even where another JavaCPP library has loaded first; like that system property, it
	 * stays for the JVM's life (every part of libnd4j must come from the same build).
	 */
	static void choose() {
		choose(cpuFeatures());
	}

	static void choose(final Set<String> cpuFeatures) {
		final Properties javacpp = Loader.loadProperties();
		if (javacpp.getProperty(EXTENSION) == null) {
			fastest(cpuFeatures, NativeBuilds::shipped).ifPresent(b -> javacpp.setProperty(EXTENSION, b.extension));
		}
	}

	/** The extension of the loaded libnd4j build ("" for the generic one), or empty before it loads. */
	static Optional<String> loaded() {
		final String platform = Loader.getPlatform();
		return Loader.getLoadedLibraries().values().stream()
			.map(Path::of)
			.filter(p -> p.getFileName().toString().equals(LIBRARY))
			.map(p -> p.getParent().getFileName().toString())
			.filter(folder -> folder.startsWith(platform))
			.map(folder -> folder.substring(platform.length()))
			.findFirst();
	}

	/** Whether this build's library is on the class path for the running platform. */
	static boolean shipped(final Build build) {
		final String library = Loader.getPlatform() + build.extension + "/" + LIBRARY;
		return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.class.getResource(library) != null;
	}

	/** OneDNN's settings that cap the instructions it uses (its two names). */
	private static final List<String> ISA_CAPS = List.of("ONEDNN_MAX_CPU_ISA", "DNNL_MAX_CPU_ISA");

	/**
	 * Whether OneDNN runs AVX-512 kernels: the CPU has AVX-512 and {@code ONEDNN_MAX_CPU_ISA} (or
	 * {@code DNNL_MAX_CPU_ISA}) in {@code environment} does not cap it below. False where nothing
	 * is known of the CPU (not Linux).
	 */
	static boolean oneDnnUsesAvx512(final Set<String> cpuFeatures, final Map<String, String> environment) {
		if (!cpuFeatures.containsAll(Build.ONEDNN_AVX512.cpuFeatures)) return false;
		for (final String cap : ISA_CAPS) {
			final String isa = environment.get(cap);
			if (isa != null && !isa.isBlank()) {
				final String upper = isa.trim().toUpperCase(Locale.ROOT);
				return upper.equals("ALL") || upper.startsWith("AVX512") || upper.startsWith("AVX10");
			}
		}
		return true;
	}

	/**
	 * The CPU's feature flags as Linux reports them (only those the kernel also supports);
	 * empty elsewhere, so that only builds needing nothing special qualify.
	 */
	static Set<String> cpuFeatures() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
				.filter(line -> line.startsWith("flags"))
				.findFirst()
				.map(line -> Arrays.stream(line.substring(line.indexOf(':') + 1).trim().split("\\s+"))
					.map(flag -> flag.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()))
				.orElse(Set.of());
		}
		catch (final IOException | RuntimeException e) {
			return Set.of();
		}
	}
}
