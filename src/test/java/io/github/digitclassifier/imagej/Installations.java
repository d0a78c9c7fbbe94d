package io.github.digitclassifier.imagej;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.io.FileUtils;

import io.github.digitclassifier.build.FijiLayout;

/**
 * The plugin installed as users install it, each way a macro can then run in a fresh JVM:
 * ImageJ 1's {@code plugins/} and {@code plugins/jars/} started from ij.jar; a Fiji.app of
 * Fiji's own jars with the plugin installed the Fiji way, on one flat class path (as Jaunch,
 * Fiji's launcher, starts it) or in a class loader of its own (as the older launcher did).
 */
final class Installations {

	enum Layout { IMAGEJ, FIJI, FIJI_JARPATH }

	/** A Fiji.app with the plugin installed, and Fiji's own files in it (before the plugin). */
	record Fiji(Path app, Set<Path> fijisFiles) {

		/** Jaunch's class path (jars/*.jar, jars/*&#47;*.jar, plugins/*.jar), Fiji's own files first. */
		String classpath() throws IOException {
			final List<Path> jars = new ArrayList<>();
			try (Stream<Path> all = Files.walk(app)) {
				all.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(jars::add);
			}
			jars.sort((a, b) -> Boolean.compare(!fijisFiles.contains(a), !fijisFiles.contains(b)));
			return jars.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
		}
	}

	private Installations() {}

	/** A copy of the test's Fiji.app (Fiji's jars) in {@code dir}, before the plugin is installed. */
	static Fiji fijiWithoutPlugin(final Path dir) throws IOException {
		final Path app = dir.resolve("Fiji.app");
		FileUtils.copyDirectory(Path.of(System.getProperty("fiji.app")).toFile(), app.toFile());
		try (Stream<Path> all = Files.walk(app)) {
			return new Fiji(app, all.filter(Files::isRegularFile).collect(Collectors.toSet()));
		}
	}

	/** A Fiji.app with the plugin installed the Fiji way. */
	static Fiji fiji(final Path dir) throws IOException {
		final Fiji fiji = fijiWithoutPlugin(dir);
		FijiLayout.install(Path.of(System.getProperty("fiji.files")), fiji.app());
		return fiji;
	}

	/** Runs a macro with -batch in a fresh JVM of the layout ({@code fiji} unused for ImageJ 1's). */
	static ImageJRunner.Run run(final Layout layout, final Fiji fiji, final String macro, final Path workDir, final int timeoutSeconds)
		throws IOException, InterruptedException
	{
		return switch (layout) {
			case IMAGEJ -> ImageJRunner.run(macro, workDir, timeoutSeconds);
			case FIJI -> ImageJRunner.run(macro, workDir, fiji.classpath(), fiji.app(), timeoutSeconds);
			case FIJI_JARPATH -> ImageJRunner.java(workDir, timeoutSeconds, "-cp", launcherClasspath(), JarPathLauncher.class.getName(),
				fiji.app().toString(), "-ijpath", fiji.app().toString(), "-batch", ImageJRunner.macroFile(macro, workDir).toString());
		};
	}

	/**
	 * Runs the checks two at a time (each starts a JVM of its own; the machines have two cores);
	 * returns what went wrong, each with its name: a check returns null when all went right.
	 */
	static List<String> failures(final Map<String, Callable<String>> checks) throws InterruptedException, ExecutionException {
		final ExecutorService pool = Executors.newFixedThreadPool(2);
		final Map<String, Future<String>> results = new LinkedHashMap<>();
		checks.forEach((name, check) -> results.put(name, pool.submit(check)));
		pool.shutdown();
		final List<String> failures = new ArrayList<>();
		for (final Map.Entry<String, Future<String>> result : results.entrySet()) {
			final String failure = result.getValue().get();
			if (failure != null) failures.add(result.getKey() + ": " + failure);
		}
		return failures;
	}

	/** The launcher alone: the test classes' folder holds no class of the plugin or of ImageJ. */
	private static String launcherClasspath() {
		try {
			return Path.of(JarPathLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		}
		catch (final java.net.URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}
}
