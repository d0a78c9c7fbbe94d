package io.github.digitclassifier.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.digitclassifier.SyntheticImages;
import io.github.digitclassifier.model.Recipe;

/** What the dialog records replays, as a macro, to the same result; the dialog speaks in words. */
class RecordedMacroIT {

	@TempDir
	Path dir;

	@Test
	void aRecordedTrainingReplaysToTheSameHistory() throws Exception {
		SyntheticImages.writeShapes(dir.resolve("train"), 20, 1);
		SyntheticImages.writeShapes(dir.resolve("test"), 8, 2);
		final Path model = dir.resolve("model.zip");
		final Path history = dir.resolve("history.csv");
		final RecordingDriver.Recording recorded = RecordingDriver.record(dir, ImageJRunner.imagej().resolve("ij.jar").toString(),
			ImageJRunner.imagej(), model, history);
		final ImageJRunner.Run recording = recorded.run();
		assertNotNull(recorded.line(), recording.describe());
		final String line = recorded.line();
		for (final String key : List.of("train_folder=", "test_folder=", "validation_fraction=0.1", "network=lenet", "preprocessing=auto",
			"channels=auto", "size=0", "epochs=2",
			"batch_size=16", "learning_rate=" + Recipe.defaults().learningRate(), "augment=false", "seed=42", "history_file=")) {
			assertTrue(line.contains(key), key + " missing from " + line);
		}
		assertTrue(Files.exists(model), recording.describe());
		// The dialog speaks in words while the keys stay the contract's.
		for (final String words : List.of("Training folder", "Test folder (optional)", "Epochs", "Batch size", "Save history to (CSV)")) {
			assertTrue(recording.stdout().contains(words), words + " not shown: " + recording.describe());
		}
		assertTrue(!recording.stdout().contains("train folder"), recording.describe()); // ImageJ shows a key as "train folder"

		final Path replayedHistory = dir.resolve("replayed.csv");
		final String replay = line.replace(model.toString(), dir.resolve("replayed.zip").toString())
			.replace(history.toString(), replayedHistory.toString());
		final ImageJRunner.Run replayed = ImageJRunner.run(replay, dir, 600);
		assertTrue(replayed.completed(), replayed.describe());
		assertEquals(withoutSeconds(history), withoutSeconds(replayedHistory));
	}

	/** The history's lines without the last column, the seconds, which vary from run to run. */
	private static List<String> withoutSeconds(final Path history) throws Exception {
		return Files.readAllLines(history).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
	}
}
