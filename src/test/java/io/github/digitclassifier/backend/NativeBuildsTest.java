package io.github.digitclassifier.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import io.github.digitclassifier.Processes;
import io.github.digitclassifier.backend.NativeBuilds.Build;

class NativeBuildsTest {

	private static final Set<String> AVX512 = Set.of("sse4_2", "avx2", "fma", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");

	@Test
	void theFastestShippedBuildTheCpuCanRun() {
		assertEquals(Optional.of(Build.ONEDNN_AVX512), NativeBuilds.fastest(AVX512, b -> true));
		// AVX-512 without the subsets the build was compiled for (as on Xeon Phi): the portable build.
		assertEquals(Optional.of(Build.ONEDNN), NativeBuilds.fastest(Set.of("avx2", "avx512f", "avx512cd"), b -> true));
		// Nothing known of the CPU (not Linux): only what needs nothing special.
		assertEquals(Optional.of(Build.ONEDNN), NativeBuilds.fastest(Set.of(), b -> true));
		assertEquals(Optional.of(Build.ONEDNN), NativeBuilds.fastest(AVX512, b -> b == Build.ONEDNN));
		// Neither shipped (Apple silicon's generic build): JavaCPP's own choice stands.
		assertEquals(Optional.empty(), NativeBuilds.fastest(AVX512, b -> false));
	}

	@Test
	void oneDnnRunsAvx512KernelsOnlyWhereTheCpuHasThemAndNothingCapsIt() {
		assertTrue(NativeBuilds.oneDnnUsesAvx512(AVX512, Map.of()));
		assertTrue(NativeBuilds.oneDnnUsesAvx512(AVX512, Map.of("DNNL_MAX_CPU_ISA", "avx512_core_amx")));
		assertTrue(NativeBuilds.oneDnnUsesAvx512(AVX512, Map.of("ONEDNN_MAX_CPU_ISA", "ALL")));
		// Capped, as scripts/cpu-kind.sh emulates an AVX2 CPU; the newer name first, as OneDNN reads them.
		assertFalse(NativeBuilds.oneDnnUsesAvx512(AVX512, Map.of("DNNL_MAX_CPU_ISA", "AVX2")));
		assertFalse(NativeBuilds.oneDnnUsesAvx512(AVX512, Map.of("ONEDNN_MAX_CPU_ISA", "AVX2", "DNNL_MAX_CPU_ISA", "ALL")));
		assertFalse(NativeBuilds.oneDnnUsesAvx512(Set.of("sse4_2", "avx2", "fma"), Map.of()));
		assertFalse(NativeBuilds.oneDnnUsesAvx512(Set.of(), Map.of()));
	}

	@Test
	void bothLinuxBuildsShip() {
		assertTrue(NativeBuilds.shipped(Build.ONEDNN) && NativeBuilds.shipped(Build.ONEDNN_AVX512));
	}

	@Test
	void thisJvmRunsTheBuildChosenForThisCpu() {
		final String expected = NativeBuilds.fastest(NativeBuilds.cpuFeatures(), NativeBuilds::shipped).orElseThrow().extension;
		assertEquals(expected, Backends.nativeBuild());
		assertTrue(Backends.oneDnnLoaded());
	}

	/**
	 * On a CPU without AVX-512 the portable build loads although the AVX-512 one ships too (JavaCPP
	 * alone would take that one and crash). A JVM of its own, since libnd4j loads once per JVM.
	 */
	@Test
	void aCpuWithoutAvx512GetsThePortableBuild() throws Exception {
		assertEquals("-onednn", runJava(WithoutAvx512.class.getName()));
	}

	/** Loads libnd4j as on an AVX2 CPU, and prints the build loaded. */
	static final class WithoutAvx512 {
		public static void main(final String[] args) {
			NativeBuilds.choose(Set.of("sse4_2", "avx2", "fma"));
			Nd4j.create(1); // ND4J starts
			System.out.println(NativeBuilds.loaded().orElse("none"));
		}
	}

	private static String runJava(final String mainClass) throws IOException, InterruptedException {
		final Processes.Result result = Processes.run(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			"-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", mainClass)
			.redirectErrorStream(true), 120);
		final String output = result.stdout();
		assertTrue(result.exitCode() == 0, result.describe());
		final String[] lines = output.strip().split("\n");
		return lines[lines.length - 1].strip();
	}
}
