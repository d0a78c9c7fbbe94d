package io.github.digitclassifier.imagej;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Starts ImageJ as Fiji's older launcher did ({@code ClassLauncher -ijjarpath jars -ijjarpath
 * plugins}): every jar of a Fiji.app's {@code jars/} (and its platform folders) and
 * {@code plugins/} in a class loader of its own, the main thread's context loader, and nothing of
 * them on the class path. Arguments: the Fiji.app, then ImageJ's own.
 */
public final class JarPathLauncher {

	private JarPathLauncher() {}

	public static void main(final String[] args) throws Exception {
		final Path app = Path.of(args[0]);
		final List<URL> jars = new ArrayList<>();
		try (Stream<Path> files = Stream.concat(Files.walk(app.resolve("jars")), Files.list(app.resolve("plugins")))) {
			for (final Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) jars.add(jar.toUri().toURL());
		}
		final ClassLoader loader = new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
		Thread.currentThread().setContextClassLoader(loader);
		loader.loadClass("ij.ImageJ").getMethod("main", String[].class).invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
	}
}
