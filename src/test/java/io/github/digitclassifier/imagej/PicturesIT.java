package io.github.digitclassifier.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real grey pictures whose classes are named with spaces (Fashion-MNIST, which scripts/test.sh
 * fetches) trained, evaluated and classified by macros in a real ImageJ, from linked files.
 */
class PicturesIT {

	private static final Path FASHION = Path.of("data/fashion-mnist");

	@TempDir
	Path dir;

	@Test
	void fashionPicturesTrainWithAutoChoicesAndKeepTheirClassNames() throws Exception {
		assumeTrue(Files.isRegularFile(FASHION.resolve(".complete")), "Fashion-MNIST is missing: scripts/fetch-fashion-mnist.sh");
		link("train", 40);
		link("test", 10);
		final String macro = String.join("\n",
			"run(\"Train Digit Classifier...\", \"train_folder=[" + dir.resolve("train") + "] test_folder=[" + dir.resolve("test") +
				"] model_file=[" + dir.resolve("model.zip") + "] epochs=2\");",
			"print(\"choices: \" + Table.getString(\"value\", 0, \"Training Choices\") + \" \" + Table.getString(\"value\", 2, \"Training Choices\"));",
			"run(\"Evaluate Digit Classifier...\", \"model_file=[" + dir.resolve("model.zip") + "] test_folder=[" + dir.resolve("test") +
				"] report_file=[" + dir.resolve("report.csv") + "]\");",
			"run(\"Classify Folder...\", \"folder=[" + dir.resolve("test") + "] model_file=[" + dir.resolve("model.zip") +
				"] output_file=[" + dir.resolve("folder.csv") + "]\");");
		final ImageJRunner.Run run = ImageJRunner.run(macro, dir, 600);
		assertTrue(run.completed(), run.describe());
		assertTrue(run.stdout().contains("choices: resize grey"), run.describe());
		final List<String> report = Files.readAllLines(dir.resolve("report.csv"));
		assertTrue(report.stream().anyMatch(r -> r.startsWith("T-shirt top,")), report.toString());
		final List<String> rows = Files.readAllLines(dir.resolve("folder.csv"));
		assertEquals(101, rows.size());
		final long right = rows.stream().skip(1).filter(r -> r.startsWith(r.split(",")[1] + "/")).count();
		// Ten classes (chance 10%) from 400 images in two epochs.
		assertTrue(right >= 50, right + " of 100 right: " + rows);
	}

	/** Links the first {@code perClass} images of each class of a Fashion-MNIST part into {@code dir/part}. */
	private void link(final String part, final int perClass) throws Exception {
		try (Stream<Path> classes = Files.list(FASHION.resolve(part))) {
			for (final Path classFolder : classes.sorted().toList()) {
				final Path target = Files.createDirectories(dir.resolve(part).resolve(classFolder.getFileName().toString()));
				try (Stream<Path> images = Files.list(classFolder)) {
					for (final Path image : images.sorted().limit(perClass).toList()) {
						Files.createSymbolicLink(target.resolve(image.getFileName().toString()), image.toAbsolutePath());
					}
				}
			}
		}
	}
}
