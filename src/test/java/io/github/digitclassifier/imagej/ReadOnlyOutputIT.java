package io.github.digitclassifier.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.digitclassifier.SyntheticImages;

/**
 * An output into a folder its user may not write: the headless CLI, run as an unprivileged user
 * (root writes anywhere), stops at once naming the key and the folder, and writes nothing.
 */
class ReadOnlyOutputIT {

	private Path root;

	@AfterEach
	void cleanUp() throws Exception {
		if (root == null) return;
		Files.setPosixFilePermissions(root.resolve("locked"), PosixFilePermissions.fromString("rwxr-xr-x"));
		FileUtils.deleteDirectory(root.toFile());
	}

	@Test
	void anOutputInAReadOnlyFolderIsRefusedByName() throws Exception {
		// A tree the user 'nobody' can read: the installed plugin, the images, a folder it may not write.
		root = Files.createTempDirectory("digit-classifier-readonly");
		FileUtils.copyDirectory(ImageJRunner.imagej().toFile(), root.resolve("imagej").toFile());
		SyntheticImages.writeShapes(root.resolve("test"), 2, 1);
		final Path locked = Files.createDirectories(root.resolve("locked"));
		try (var paths = Files.walk(root)) {
			for (final Path p : paths.toList()) {
				Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
			}
		}
		final Path report = locked.resolve("report.csv");
		final String classpath = String.join(File.pathSeparator, root.resolve("imagej/ij.jar").toString(),
			root.resolve("imagej/plugins/*").toString(), root.resolve("imagej/plugins/jars/*").toString());
		final List<String> command = new ArrayList<>();
		// Root may write into any folder: then the CLI runs as the unprivileged user nobody.
		if ("root".equals(System.getProperty("user.name"))) command.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
		else Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
		command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Duser.home=" + root, "-cp",
			classpath, "io.github.digitclassifier.cli.Main", "evaluate", "test_folder=" + root.resolve("test"), "report_file=" + report));
		final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		final String output = new String(process.getInputStream().readAllBytes());
		assertTrue(process.waitFor(120, TimeUnit.SECONDS), output);
		assertEquals(1, process.exitValue(), output);
		assertTrue(output.contains("report_file " + report) && output.contains("is not writable"), output);
		assertFalse(Files.exists(report));
		try (var files = Files.list(locked)) {
			assertEquals(0, files.count());
		}
	}
}
