package io.github.digitclassifier.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.digitclassifier.Processes;
import io.github.digitclassifier.TinyModel;
import io.github.digitclassifier.exchange.OnnxFiles;
import io.github.digitclassifier.io.CsvTable;

/**
 * Writing onto a full disk: a 64 KB tmpfs (mounting it needs root, as CI is). The write fails with a
 * message naming the file, the earlier file stays as it was, and no temporary file is left behind.
 */
class FullDiskIT {

	private Path disk;

	@BeforeEach
	void mountSmallDisk() throws Exception {
		disk = Files.createTempDirectory("digit-classifier-full");
		final Processes.Result mount = Processes.run(new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.toString()), 60);
		assertEquals(0, mount.exitCode(), "this test mounts a small tmpfs and needs root: " + mount.describe());
	}

	@AfterEach
	void unmount() throws Exception {
		Processes.run(new ProcessBuilder("umount", disk.toString()), 60);
		Files.deleteIfExists(disk);
	}

	@Test
	void aModelOrTableThatDoesNotFitLeavesTheEarlierFileWhole() throws Exception {
		final Path model = Files.writeString(disk.resolve("model.zip"), "the earlier model");
		final String message = assertThrows(IOException.class, () -> OnnxFiles.saveBundle(TinyModel.result().bundle(), model)).getMessage();
		assertTrue(message.contains(model.toString()), message);
		assertEquals("the earlier model", Files.readString(model));

		final CsvTable big = new CsvTable(List.of("file", "predicted"));
		for (int i = 0; i < 20_000; i++) big.add("some/long/path/to/an/image-" + i + ".png", "7");
		final Path csv = Files.writeString(disk.resolve("predictions.csv"), "earlier,table\n");
		final String tableMessage = assertThrows(IOException.class, () -> big.write(csv)).getMessage();
		assertTrue(tableMessage.contains(csv.toString()), tableMessage);
		assertEquals("earlier,table\n", Files.readString(csv));
		try (var files = Files.list(disk)) {
			assertEquals(List.of(csv, model), files.sorted(java.util.Comparator.reverseOrder()).toList());
		}
	}
}
