package io.github.digitclassifier.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.util.FileUtils;

import io.github.digitclassifier.build.FijiLayout.Artifact;

/** File names and places in a Fiji.app, read as Fiji's updater reads them. */
class FijiLayoutTest {

	@TempDir
	Path dir;

	private static String fijiPath(final String groupId, final String artifactId, final String version, final String classifier) {
		return FijiLayout.fijiPath(new Artifact(groupId, artifactId, version, classifier, Path.of("x.jar"))).orElse(null);
	}

	@Test
	void ndjsShadedLibrariesAndBuildsGetNamesOfTheirOwn() {
		assertEquals("jars/nd4j-guava-1.0.0-M2.1.jar", fijiPath("org.nd4j", "guava", "1.0.0-M2.1", ""));
		assertEquals("jars/dl4j-resources-1.0.0-M2.1.jar", fijiPath("org.deeplearning4j", "resources", "1.0.0-M2.1", ""));
		assertEquals("jars/nd4j-api-1.0.0-M2.1.jar", fijiPath("org.nd4j", "nd4j-api", "1.0.0-M2.1", ""));
		assertEquals("jars/linux64/nd4j-native-onednn-avx512-1.0.0-M2.1-linux-x86_64.jar",
			fijiPath("org.nd4j", "nd4j-native", "1.0.0-M2.1", "linux-x86_64-onednn-avx512"));
		assertEquals("jars/win64/nd4j-native-onednn-1.0.0-M2.1-windows-x86_64.jar", fijiPath("org.nd4j", "nd4j-native", "1.0.0-M2.1", "windows-x86_64-onednn"));
		assertEquals("jars/macosx/nd4j-native-1.0.0-M2.1-macosx-arm64.jar", fijiPath("org.nd4j", "nd4j-native", "1.0.0-M2.1", "macosx-arm64"));
		assertEquals("jars/linux64/openblas-0.3.26-1.5.10-linux-x86_64.jar", fijiPath("org.bytedeco", "openblas", "0.3.26-1.5.10", "linux-x86_64"));
		assertEquals(null, fijiPath("org.slf4j", "slf4j-simple", "2.0.17", ""));
		assertEquals(null, fijiPath("org.nd4j", "nd4j-native-platform", "1.0.0-M2.1", ""));
	}

	@Test
	void theUpdaterTellsEveryShippedFileFromFijisOwnAndKeepsTheBuildInItsName() {
		// Fiji's updater strips versions: the old names read as Fiji's guava and as the main nd4j-native jar.
		assertEquals("guava.jar", FileUtils.stripFilenameVersion("guava-1.0.0-M2.1.jar"));
		assertEquals("nd4j-guava.jar", FileUtils.stripFilenameVersion(Path.of(fijiPath("org.nd4j", "guava", "1.0.0-M2.1", "")).getFileName().toString()));
		assertEquals("nd4j-native-onednn-avx512-linux-x86_64.jar", FileUtils.stripFilenameVersion("nd4j-native-onednn-avx512-1.0.0-M2.1-linux-x86_64.jar"));
		assertEquals("1.0.0-M2.1", FijiLayout.version("nd4j-native-onednn-1.0.0-M2.1-linux-x86_64.jar"));
		assertEquals("33.4.8-jre", FijiLayout.version("guava-33.4.8-jre.jar"));
	}

	@Test
	void coordinatesComeFromTheRepositoryLayout() {
		final Artifact a = FijiLayout.artifact(Path.of("org/nd4j/nd4j-native/1.0.0-M2.1/nd4j-native-1.0.0-M2.1-linux-x86_64-onednn.jar"), Path.of("f.jar"));
		assertEquals(new Artifact("org.nd4j", "nd4j-native", "1.0.0-M2.1", "linux-x86_64-onednn", Path.of("f.jar")), a);
		assertEquals("", FijiLayout.artifact(Path.of("com/google/code/gson/gson/2.10.1/gson-2.10.1.jar"), Path.of("g.jar")).classifier());
	}

	@Test
	void installKeepsANewerVersionReplacesAnOlderAndLeavesOthersAlone() throws Exception {
		final Path files = dir.resolve("files");
		Files.createDirectories(files.resolve("jars"));
		Files.writeString(files.resolve("jars/gson-2.10.1.jar"), "ours");
		Files.writeString(files.resolve("jars/commons-io-2.20.0.jar"), "ours");
		final Path app = dir.resolve("Fiji.app");
		Files.createDirectories(app.resolve("jars"));
		Files.writeString(app.resolve("jars/gson-2.11.0.jar"), "fiji's newer");
		Files.writeString(app.resolve("jars/commons-io-2.7.jar"), "an older one");
		Files.writeString(app.resolve("jars/commons-io-extras-1.0.jar"), "another library");
		final List<String> done = FijiLayout.install(files, app);
		assertTrue(done.contains("kept jars/gson-2.11.0.jar, newer than gson-2.10.1.jar"), done.toString());
		assertEquals(Optional.of("fiji's newer"), Optional.of(Files.readString(app.resolve("jars/gson-2.11.0.jar"))));
		assertTrue(Files.notExists(app.resolve("jars/gson-2.10.1.jar")));
		assertTrue(Files.notExists(app.resolve("jars/commons-io-2.7.jar")));
		assertEquals("ours", Files.readString(app.resolve("jars/commons-io-2.20.0.jar")));
		assertEquals("another library", Files.readString(app.resolve("jars/commons-io-extras-1.0.jar")));
	}
}
