package io.github.digitclassifier.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.digitclassifier.SyntheticImages;

class ClassFoldersTest {

	@TempDir
	Path root;

	@Test
	void classesAreTheSortedFolderNamesAndNonImagesAreSkipped() throws Exception {
		SyntheticImages.writeShapes(root, 3, 1);
		Files.createDirectories(root.resolve("square/nested"));
		Files.copy(root.resolve("square/square0.png"), root.resolve("square/nested/deep.png"));
		Files.writeString(root.resolve("circle/notes.txt"), "not an image");
		Files.writeString(root.resolve("circle/.DS_Store"), "hidden");
		Files.writeString(root.resolve("stray.png"), "a file beside the class folders");
		final Dataset dataset = ClassFolders.scan(root);
		assertEquals(List.of("circle", "cross", "square", "triangle"), dataset.classNames());
		assertEquals(13, dataset.images().size());
		assertEquals(List.of(3, 3, 4, 3), List.of(dataset.countsPerClass()[0], dataset.countsPerClass()[1],
			dataset.countsPerClass()[2], dataset.countsPerClass()[3]));
		assertEquals(List.of(new SkippedFile(root.resolve("circle/notes.txt"), "not an image file")), dataset.skipped());
		final LabeledImage deep = dataset.images().stream().filter(i -> i.file().endsWith("deep.png")).findFirst().orElseThrow();
		assertEquals("square/nested/deep.png", dataset.labelOf(deep));
	}

	@Test
	void badFoldersAreNamed() throws Exception {
		final Path missing = root.resolve("missing");
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ClassFolders.scan(missing)).getMessage().contains(missing.toString()));
		Files.writeString(root.resolve("file.png"), "x");
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ClassFolders.scan(root)).getMessage().contains("No class folders"));
		SyntheticImages.writeShapes(root, 2, 1);
		Files.createDirectories(root.resolve("empty"));
		final String message = assertThrows(IllegalArgumentException.class, () -> ClassFolders.scan(root)).getMessage();
		assertTrue(message.contains(root.resolve("empty").toString()), message);
	}

	@Test
	void symbolicLinksToFoldersAndFilesAreFollowed() throws Exception {
		final Path real = SyntheticImages.writeShapes(root.resolve("real"), 2, 1);
		// A linked data set, linked class folders, and a linked file inside a class folder.
		final Path linkedSet = Files.createSymbolicLink(root.resolve("linked-set"), real);
		final Path classes = Files.createDirectories(root.resolve("linked-classes"));
		for (final String shape : SyntheticImages.SHAPES) Files.createSymbolicLink(classes.resolve(shape), real.resolve(shape));
		// (Made through the linked class folder, the file link lands in the real one: both sets see it.)
		Files.createSymbolicLink(classes.resolve("circle").resolve("extra.png"), real.resolve("cross/cross0.png"));
		assertEquals(9, ClassFolders.scan(linkedSet).images().size());
		final Dataset linked = ClassFolders.scan(classes);
		assertEquals(SyntheticImages.SHAPES, linked.classNames());
		assertEquals(9, linked.images().size());
		// A link back up the tree would walk for ever: refused, naming the folder.
		Files.createSymbolicLink(real.resolve("square/loop"), real);
		final String message = assertThrows(java.io.IOException.class, () -> ClassFolders.scan(real)).getMessage();
		assertTrue(message.contains("links back into itself") && message.contains(real.resolve("square").toString()), message);
	}

	@Test
	void balanceCountsAndWarnsOnImbalance() throws Exception {
		SyntheticImages.writeShapes(root, 4, 1);
		ClassBalance balance = ClassBalance.of(ClassFolders.scan(root));
		assertEquals(new ClassBalance.Row("circle", 4, 0.25), balance.rows().get(0));
		assertTrue(balance.warning().isEmpty());
		for (int i = 4; i < 13; i++) Files.copy(root.resolve("cross/cross0.png"), root.resolve("cross/extra" + i + ".png"));
		balance = ClassBalance.of(ClassFolders.scan(root));
		assertEquals(13, balance.rows().get(1).count());
		assertTrue(balance.warning().orElseThrow().contains("'cross' has 13"), balance.warning().toString());
	}

	@Test
	void stratifiedSplitKeepsEachClassShareAndIsSeeded() throws Exception {
		SyntheticImages.writeShapes(root, 10, 1);
		final Dataset dataset = ClassFolders.scan(root);
		final Splits.Split split = Splits.stratified(dataset, 0.2, 5);
		for (int c = 0; c < 4; c++) {
			assertEquals(2, split.validation().countsPerClass()[c]);
			assertEquals(8, split.train().countsPerClass()[c]);
		}
		assertTrue(split.train().images().stream().noneMatch(split.validation().images()::contains));
		assertEquals(split.validation().images(), Splits.stratified(dataset, 0.2, 5).validation().images());
		assertTrue(!split.validation().images().equals(Splits.stratified(dataset, 0.2, 6).validation().images()));
	}
}
