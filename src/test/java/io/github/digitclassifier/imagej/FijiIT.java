package io.github.digitclassifier.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.digitclassifier.SyntheticImages;
import io.github.digitclassifier.build.FijiLayout;

/**
 * The plugin installed the Fiji way, twice, into a Fiji.app whose jars/ hold Fiji's own versions
 * (pom-scijava's) of all it shares with Fiji, then run from there in ImageJ 1.54p with Fiji's jars
 * first on the class path, as Fiji's launcher puts jars/ and plugins/ on it. ImageJ2's legacy
 * layer is not on Maven Central; the plugin's menu entries are ImageJ 1's in Fiji too (no SciJava
 * command takes them over), which is what runs here.
 */
class FijiIT {

	@TempDir
	Path dir;

	@Test
	void installsBesideFijisJarsTwiceAndRunsTheContractFromThere() throws Exception {
		final Installations.Fiji fiji = Installations.fijiWithoutPlugin(dir);
		final Path app = fiji.app();
		final Path files = Path.of(System.getProperty("fiji.files"));
		final Map<Path, Long> fijis = checksums(app);
		final List<String> first = FijiLayout.install(files, app);
		final Map<Path, Long> installed = checksums(app);
		final List<String> second = FijiLayout.install(files, app);
		assertEquals(List.of(), second.stream().filter(l -> !l.startsWith("kept ")).toList(), "a second install changed the tree");
		assertEquals(installed, checksums(app));

		// Fiji's own jars stay as they were; the plugin's shared libraries are Fiji's.
		fijis.forEach((file, sum) -> assertEquals(sum, installed.get(file), file + " changed"));
		assertTrue(first.stream().noneMatch(l -> l.startsWith("removed ")), first.toString());
		final Set<String> names = installed.keySet().stream().map(p -> app.relativize(p).toString().replace(File.separatorChar, '/'))
			.collect(Collectors.toSet());
		for (final String expected : List.of("jars/guava-33.4.8-jre.jar", "jars/nd4j-guava-1.0.0-M2.1.jar", "jars/nd4j-jackson-1.0.0-M2.1.jar",
			"jars/nd4j-protobuf-1.0.0-M2.1.jar", "jars/dl4j-resources-1.0.0-M2.1.jar", "jars/linux64/javacpp-1.5.10-linux-x86_64.jar",
			"jars/linux64/nd4j-native-onednn-1.0.0-M2.1-linux-x86_64.jar", "jars/linux64/nd4j-native-onednn-avx512-1.0.0-M2.1-linux-x86_64.jar")) {
			assertTrue(names.contains(expected), expected + " not in " + new java.util.TreeSet<>(names));
		}
		assertTrue(names.stream().noneMatch(n -> n.contains("slf4j-simple")), "a second SLF4J provider beside Fiji's logback");
		assertTrue(names.stream().noneMatch(n -> n.matches("jars/[^/]*onednn.*")), "natives outside jars/linux64");
		// One version of each file as Fiji's updater names files (version stripped), folder by folder.
		final Map<String, List<String>> identities = names.stream().collect(Collectors.groupingBy(
			n -> n.substring(0, n.lastIndexOf('/') + 1) + org.scijava.util.FileUtils.stripFilenameVersion(n.substring(n.lastIndexOf('/') + 1))));
		identities.values().forEach(same -> assertEquals(1, same.size(), "versions of one file: " + same));

		// No class of the plugin in another project's package; none of ND4J's named like CSBDeep's TensorFlow protos.
		final Path pluginJar = installed.keySet().stream().filter(p -> p.getFileName().toString().startsWith("Digit_Classifier-")).findFirst().orElseThrow();
		assertEquals(List.of(), classes(pluginJar).stream().filter(c -> !c.startsWith("io/github/digitclassifier/")).toList());
		final Set<String> tensorflowProtos = Set.copyOf(classes(app.resolve("jars/proto-1.15.0.jar")));
		assertEquals(List.of(), classes(app.resolve("jars/nd4j-api-1.0.0-M2.1.jar")).stream().filter(tensorflowProtos::contains).toList());

		// Another plugin that brings ND4J's generic natives (populate-app puts them in jars/linux64):
		// this plugin still loads its own build. A broken library there would crash whoever loaded it.
		writeJar(app.resolve("jars/linux64/nd4j-native-1.0.0-M2.1-linux-x86_64.jar"),
			"org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64/libjnind4jcpu.so", "not a library");

		final String classpath = fiji.classpath();
		SyntheticImages.writeShapes(dir.resolve("train"), 30, 1);
		SyntheticImages.writeShapes(dir.resolve("test"), 10, 2);
		// The contract's macros as people write them: optional keys left out, and Classify Current Image bare.
		final String macro = String.join("\n",
			"run(\"Train Digit Classifier...\", \"train_folder=[" + dir.resolve("train") + "] test_folder=[" + dir.resolve("test") +
				"] model_file=[" + dir.resolve("model.zip") + "] network=lenet epochs=2\");",
			"run(\"Evaluate Digit Classifier...\", \"model_file=[" + dir.resolve("model.zip") + "] test_folder=[" + dir.resolve("test") +
				"] report_file=[" + dir.resolve("report.csv") + "]\");",
			"run(\"Classify Folder...\", \"folder=[" + dir.resolve("test") + "] model_file=[" + dir.resolve("model.zip") +
				"] output_file=[" + dir.resolve("folder.csv") + "]\");",
			"run(\"Import Class Folders...\", \"folder=[" + dir.resolve("test") + "] size=28\");",
			"run(\"Classify Current Image\");",
			"print(\"predictions: \" + Table.size(\"Digit Predictions\") + \" \" + Table.getString(\"predicted\", 0, \"Digit Predictions\"));",
			"run(\"Read Number\");",
			"print(\"stack readings: \" + Table.size(\"Number Readings\"));",
			"run(\"Read Numbers in Folder...\", \"folder=[" + dir.resolve("test") + "]\");",
			"print(\"folder readings: \" + Table.size(\"Number Readings\"));",
			// ONNX Runtime in Fiji's JVM (its long class path once killed ONNX Runtime 1.29.0 at start).
			"run(\"Export Model...\", \"model_file=[" + dir.resolve("model.zip") + "] output_file=[" + dir.resolve("model.onnx") + "]\");",
			"run(\"Export Model...\", \"model_file=[" + dir.resolve("model.zip") + "] format=bioimageio output_file=[" + dir.resolve("package.zip") + "]\");",
			"run(\"Classify Folder...\", \"folder=[" + dir.resolve("test") + "] model_file=[" + dir.resolve("model.onnx") +
				"] output_file=[" + dir.resolve("onnx.csv") + "]\");",
			"run(\"Classify Folder...\", \"folder=[" + dir.resolve("test") + "] model_file=[" + dir.resolve("package.zip") +
				"] output_file=[" + dir.resolve("package.csv") + "]\");");
		final ImageJRunner.Run run = ImageJRunner.run(macro, dir, classpath, app, 600);
		assertTrue(run.completed(), run.describe());
		assertTrue(Files.size(dir.resolve("model.zip")) > 0);
		assertEquals("class,precision,recall,f1,support", Files.readAllLines(dir.resolve("report.csv")).get(0));
		assertEquals(41, Files.readAllLines(dir.resolve("folder.csv")).size());
		// The bundled digit model on the shapes stack: 40 rows, digits as classes.
		assertTrue(Pattern.compile("predictions: 40 \\d\n").matcher(run.stdout()).find(), run.describe());
		// Reading numbers, bare and with only the folder: every slice and every file get a row.
		assertTrue(run.stdout().contains("stack readings: 40\n") && run.stdout().contains("folder readings: 40\n"), run.describe());
		assertFalse((run.stdout() + run.stderr()).contains("multiple SLF4J providers"), run.describe());
		// The exported ONNX file and bioimage.io package classify as the model does.
		final List<String> classes = predictedClasses(dir.resolve("folder.csv"));
		assertEquals(classes, predictedClasses(dir.resolve("onnx.csv")));
		assertEquals(classes, predictedClasses(dir.resolve("package.csv")));

		// A bad key aborts the macro, naming it, and writes nothing.
		final ImageJRunner.Run bad = ImageJRunner.run("run(\"Train Digit Classifier...\", \"train_folder=[" + dir.resolve("train") +
			"] model_file=[" + dir.resolve("bad.zip") + "] epochs=0\");\nprint(\"after the failure\");", dir, classpath, app, 300);
		assertFalse(bad.hung(), bad.describe());
		assertEquals(1, bad.exitCode(), bad.describe());
		assertFalse(bad.stdout().contains("after the failure"), bad.describe());
		assertTrue((bad.stdout() + bad.stderr()).contains("epochs must be at least 1, not 0"), bad.describe());
		assertFalse(Files.exists(dir.resolve("bad.zip")));

		// What the Recorder writes from the dialog replays.
		final Path recordedModel = dir.resolve("recorded.zip");
		final RecordingDriver.Recording recording = RecordingDriver.record(dir, classpath, app, recordedModel, dir.resolve("recorded.csv"));
		assertNotNull(recording.line(), recording.run().describe());
		final ImageJRunner.Run replayed = ImageJRunner.run(recording.line().replace(recordedModel.toString(), dir.resolve("replayed.zip").toString()),
			dir, classpath, app, 600);
		assertTrue(replayed.completed(), replayed.describe());
		assertTrue(Files.size(dir.resolve("replayed.zip")) > 0);

		// A jar lost after installation: the macro stops with words to act on, not a stack trace, and goes no further.
		// (Training needs ND4J; classifying no longer does: it runs the bundle's ONNX copy.)
		Files.delete(app.resolve("jars/nd4j-guava-1.0.0-M2.1.jar"));
		final ImageJRunner.Run broken = ImageJRunner.run("run(\"Train Digit Classifier...\", \"train_folder=[" + dir.resolve("train") +
			"] test_folder=[" + dir.resolve("test") + "] model_file=[" + dir.resolve("lost.zip") + "] network=lenet epochs=1\");\n" +
			"print(\"after the failure\");", dir, classpath, app, 300);
		assertFalse(broken.hung(), broken.describe());
		assertEquals(1, broken.exitCode(), broken.describe());
		assertFalse(broken.stdout().contains("after the failure"), broken.describe());
		assertTrue((broken.stdout() + broken.stderr()).contains("reinstall Digit Classifier"), broken.describe());
	}

	private static Map<Path, Long> checksums(final Path folder) throws IOException {
		final Map<Path, Long> sums = new TreeMap<>();
		try (Stream<Path> all = Files.walk(folder)) {
			for (final Path file : all.filter(Files::isRegularFile).toList()) {
				final java.util.zip.CRC32 crc = new java.util.zip.CRC32();
				crc.update(Files.readAllBytes(file));
				sums.put(file, crc.getValue());
			}
		}
		return sums;
	}

	private static List<String> classes(final Path jar) throws IOException {
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			return zip.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).toList();
		}
	}

	private static void writeJar(final Path jar, final String entry, final String content) throws IOException {
		try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
			out.putNextEntry(new java.util.zip.ZipEntry(entry));
			out.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			out.closeEntry();
		}
	}

	/** The file and predicted class of each row of a Digit Predictions CSV. */
	private static List<String> predictedClasses(final Path csv) throws java.io.IOException {
		return Files.readAllLines(csv).stream().map(line -> line.split(",")[0] + "," + line.split(",")[1]).toList();
	}
}
