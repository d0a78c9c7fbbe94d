package io.github.digitclassifier.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.digitclassifier.SyntheticImages;
import io.github.digitclassifier.data.ClassFolders;
import io.github.digitclassifier.data.Dataset;
import io.github.digitclassifier.train.InputChoices;

class SymmetryTest {

	@TempDir
	Path dir;

	private static Symmetry of(final Dataset dataset) {
		final Preprocessing input = InputChoices.standardised(dataset, Preprocessing.pictures(32, 1, Preprocessing.Standardisation.identity(1)));
		return Symmetry.of(PreparedImages.prepare(dataset, new Preprocessor(input)), dataset.classCount());
	}

	@Test
	void cellsSeenFromAboveHaveNoUpAndGetEveryTurn() throws Exception {
		final Symmetry cells = of(ClassFolders.scan(SyntheticImages.writeCells(dir.resolve("cells"), 40, 1)));
		assertTrue(cells.noUp() && cells.mirrorable(), cells.toString());
		assertEquals(Augmentation.pictures(true, true), Augmentation.fitting(Augmentation.digits(),
			Preprocessing.pictures(32, 1, Preprocessing.Standardisation.identity(1)), cells));
	}

	@Test
	void handwritingAndTexturesWhoseOrientationIsTheirClassAreNotTurned() throws Exception {
		// Digits have an "up" (their means correlate about 0.5 with themselves turned).
		final Symmetry digits = of(ClassFolders.scan(Path.of("sample-data/train")));
		assertFalse(digits.noUp(), digits.toString());
		// Gratings at random phases: each class's mean is flat and says nothing, so nothing is allowed.
		final Symmetry textures = of(ClassFolders.scan(SyntheticImages.writeTextures(dir.resolve("textures"), 40, 2)));
		assertFalse(textures.noUp() || textures.mirrorable(), textures.toString());
	}
}
