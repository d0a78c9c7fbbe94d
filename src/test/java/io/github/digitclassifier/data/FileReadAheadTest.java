package io.github.digitclassifier.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileReadAheadTest {

	@Test
	void everyFileOnceInOrderWithItsBytesOrWhyNot(@TempDir final Path dir) throws Exception {
		// More files than the window holds, so that the readers wait for the decoders to take them.
		final int n = 3 * FileReadAhead.WINDOW * FileReadAhead.BATCH + 5;
		final List<Path> files = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			final Path file = dir.resolve("f" + i + ".txt");
			if (i == 7) Files.write(file, new byte[0]);
			else if (i == 8) Files.write(file, new byte[FileReadAhead.MAX_BYTES + 1]);
			else if (i != 9) Files.writeString(file, "file " + i);
			files.add(file);
		}
		final ConcurrentLinkedQueue<Integer> firsts = new ConcurrentLinkedQueue<>();
		final boolean[] checked = new boolean[n];
		try (FileReadAhead ahead = new FileReadAhead(files)) {
			IntStream.range(0, 3).parallel().forEach(thread -> {
				try {
					for (FileReadAhead.Batch next = ahead.next(n); next != null; next = ahead.next(n)) {
						final FileReadAhead.Batch batch = next;
						firsts.add(batch.first());
						for (int k = 0; k < batch.size(); k++) {
							final int i = batch.first() + k, index = k;
							if (i == 7 || i == 9) {
								final IOException e = assertThrows(IOException.class, () -> batch.bytes(index));
								assertTrue(e.getMessage().contains("f" + i + ".txt"), e.getMessage());
							}
							else if (i == 8) assertNull(batch.bytes(k), "a large file is left to its decoder");
							else assertArrayEquals(("file " + i).getBytes(StandardCharsets.UTF_8), batch.bytes(k));
							checked[i] = true;
						}
					}
				}
				catch (final IOException | InterruptedException e) {
					throw new AssertionError(e);
				}
			});
		}
		for (int i = 0; i < n; i++) assertTrue(checked[i], "file " + i + " handed out");
		assertEquals((n + FileReadAhead.BATCH - 1) / FileReadAhead.BATCH, firsts.size(), "each batch once");
	}

	@Test
	void forEachStopsAtABatchBoundaryOnly(@TempDir final Path dir) throws Exception {
		final List<Path> files = new ArrayList<>();
		for (int i = 0; i < FileReadAhead.BATCH + 3; i++) {
			files.add(Files.writeString(dir.resolve("f" + i), "file " + i));
		}
		final String[] failures = new String[files.size()];
		final ConcurrentLinkedQueue<Integer> seen = new ConcurrentLinkedQueue<>();
		try (FileReadAhead ahead = new FileReadAhead(files)) {
			assertThrows(IllegalArgumentException.class, () -> ahead.forEach(FileReadAhead.BATCH - 1, (i, bytes) -> {}, failures));
			ahead.forEach(FileReadAhead.BATCH, (i, bytes) -> seen.add(i), failures);
			assertEquals(FileReadAhead.BATCH, seen.size(), "the first batch alone");
			ahead.forEach(files.size(), (i, bytes) -> {
				if (i == files.size() - 1) throw new IOException("task failed on " + i);
				seen.add(i);
			}, failures);
		}
		assertEquals(files.size() - 1, seen.size());
		assertEquals("task failed on " + (files.size() - 1), failures[files.size() - 1]);
	}
}
