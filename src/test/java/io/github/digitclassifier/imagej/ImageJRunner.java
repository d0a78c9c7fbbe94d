package io.github.digitclassifier.imagej;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.digitclassifier.Processes;

/**
 * Runs a macro in a real ImageJ 1 (the packaged {@code target/imagej}: ij.jar and the plugin) under
 * Xvfb with {@code -batch}. ImageJ's -batch exits 0 even when a macro failed and hangs on a modal
 * dialog, so this harness decides itself: the macro's last line prints {@link #DONE}, which a failed
 * or aborted macro never reaches, and a run that outlasts its time limit is killed and reported hung.
 */
final class ImageJRunner {

	static final String DONE = "MACRO_COMPLETED";

	/** What came of a run. */
	record Run(int exitCode, boolean hung, String stdout, String stderr) {

		boolean completed() {
			return !hung && exitCode == 0 && stdout.contains(DONE);
		}

		String describe() {
			return (hung ? "HUNG (a modal dialog?)" : "exit " + exitCode) + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
		}
	}

	private ImageJRunner() {}

	static Path imagej() {
		final Path imagej = Path.of(System.getProperty("imagej.dir", "target/imagej")).toAbsolutePath();
		if (!Files.isRegularFile(imagej.resolve("ij.jar"))) throw new IllegalStateException("No ImageJ at " + imagej + ": run mvn package");
		return imagej;
	}

	/** Runs a macro with {@code ij.jar -batch}. */
	static Run run(final String macro, final Path workDir, final int timeoutSeconds) throws IOException, InterruptedException {
		return java(workDir, timeoutSeconds, "-jar", imagej().resolve("ij.jar").toString(), "-ijpath", imagej().toString(),
			"-batch", macroFile(macro, workDir).toString());
	}

	/** Runs a macro with {@code -batch} in ImageJ 1 on this class path, with {@code app} as its folder (a Fiji.app). */
	static Run run(final String macro, final Path workDir, final String classpath, final Path app, final int timeoutSeconds)
		throws IOException, InterruptedException
	{
		return java(workDir, timeoutSeconds, "-cp", classpath, "ij.ImageJ", "-ijpath", app.toString(), "-batch",
			macroFile(macro, workDir).toString());
	}

	static Path macroFile(final String macro, final Path workDir) throws IOException {
		// ImageJ 1.54p reads a -batch macro file as ISO-8859-1, whatever the locale.
		return Files.writeString(workDir.resolve("test.ijm"), macro + "\nprint(\"" + DONE + "\");\n", java.nio.charset.StandardCharsets.ISO_8859_1);
	}

	/** Runs java with these arguments under Xvfb, with a home of its own and the shared native cache. */
	static Run java(final Path workDir, final int timeoutSeconds, final String... arguments) throws IOException, InterruptedException {
		final Path home = Files.createDirectories(workDir.resolve("home"));
		// JavaCPP unpacks ND4J's natives (~400 MB) once into a cache shared by all runs.
		final Path nativeCache = imagej().getParent().resolve("javacpp-cache");
		// java's exit status goes to a file: xvfb-run's own (5) replaces it when removing its temporary folder fails.
		final Path exitFile = workDir.resolve("java-exit-status");
		Files.deleteIfExists(exitFile);
		final List<String> command = new ArrayList<>(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x1024x24",
			"sh", "-c", "\"$@\"; echo $? > \"$JAVA_EXIT_FILE\"", "sh",
			Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx3g",
			"-Duser.home=" + home, "-Dorg.bytedeco.javacpp.cachedir=" + nativeCache));
		command.addAll(List.of(arguments));
		final ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
		builder.environment().put("JAVA_EXIT_FILE", exitFile.toString());
		// A desktop's locale: with CI's POSIX one, Java 17 cannot name a file with non-ASCII letters.
		builder.environment().put("LC_ALL", "C.UTF-8");
		final Processes.Result result = Processes.run(builder, timeoutSeconds);
		final int exit = result.timedOut() ? -1 : Files.isRegularFile(exitFile) ? Integer.parseInt(Files.readString(exitFile).strip())
			: result.exitCode();
		return new Run(exit, result.timedOut(), result.stdout(), result.stderr());
	}
}
