package io.github.digitclassifier.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.deeplearning4j.config.DL4JClassLoading;
import org.junit.jupiter.api.Test;

class OneDnnBridgeTest {

	/** The build output Surefire runs on (target/classes), not a copy of it. */
	private static Path classes() throws URISyntaxException {
		final Path classes = Path.of(Backends.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		assertTrue(Files.isDirectory(classes), "expected the build's class folder, got " + classes);
		return classes;
	}

	@Test
	void theBuildPutsNoClassOutsideThePluginsPackage() throws Exception {
		final Path classes = classes();
		final List<String> foreign;
		try (Stream<Path> files = Files.walk(classes)) {
			foreign = files.filter(f -> f.toString().endsWith(".class"))
				.map(f -> classes.relativize(f).toString().replace('\\', '/'))
				.filter(f -> !f.startsWith("io/github/digitclassifier/"))
				.collect(Collectors.toList());
		}
		assertEquals(List.of(), foreign);
		assertTrue(Files.notExists(classes.resolve("org")), "org/ left behind in " + classes);
		for (final String bin : List.of("Nd4jCpu.bin", "Nd4jCpu$Environment.bin"))
			assertTrue(Files.isRegularFile(classes.resolve("io/github/digitclassifier/backend/bridge").resolve(bin)), bin);
	}

	@Test
	void onlyDl4jsLoaderSeesTheBridge() throws Exception {
		Backends.nativeBuild(); // prepares, and starts ND4J, as DL4J's helpers find it
		assertThrows(ClassNotFoundException.class, () -> Class.forName(OneDnnBridge.ENVIRONMENT, true, Backends.class.getClassLoader()));
		final ClassLoader dl4j = DL4JClassLoading.getDl4jClassloader();
		assertTrue(dl4j instanceof OneDnnBridge, "DL4J's loader: " + dl4j);
		final Class<?> environment = Class.forName(OneDnnBridge.ENVIRONMENT, true, dl4j);
		assertSame(dl4j, environment.getClassLoader());
		// As DL4J's BaseMKLDNNHelper asks it.
		final Object instance = environment.getMethod("getInstance").invoke(null);
		assertEquals(Boolean.TRUE, environment.getMethod("isUseMKLDNN").invoke(instance));
		// Everything else is the plugin's own class.
		assertSame(Backends.class, Class.forName(Backends.class.getName(), false, dl4j));
	}

	@Test
	void aClassOfTheSameNameInTheParentCannotWin() throws ClassNotFoundException {
		// Stands in for an older ND4J with a real org.nd4j.nativeblas.Nd4jCpu: a parent that has classes of those names.
		final ClassLoader older = new OneDnnBridge(Backends.class.getClassLoader());
		final OneDnnBridge bridge = new OneDnnBridge(older);
		for (final String name : List.of(OneDnnBridge.HOST, OneDnnBridge.ENVIRONMENT)) {
			assertSame(older, Class.forName(name, false, older).getClassLoader());
			final Class<?> c = Class.forName(name, false, bridge);
			assertEquals(name, c.getName());
			assertSame(bridge, c.getClassLoader());
		}
		assertSame(Backends.class, Class.forName(Backends.class.getName(), false, bridge));
	}
}
