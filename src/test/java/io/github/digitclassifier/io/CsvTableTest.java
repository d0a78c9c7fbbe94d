package io.github.digitclassifier.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {

	@TempDir
	Path dir;

	@Test
	void writesHeaderQuotedTextAndCompactNumbers() throws Exception {
		final CsvTable table = new CsvTable(List.of("name", "value", "count"));
		table.add("plain", 0.98765432, 3L);
		table.add("with, comma", 6.99064123e-9, 0L);
		table.add("with \"quotes\"", 100.0, 10L);
		table.add("", Double.NaN, 1L);
		final Path file = dir.resolve("t.csv");
		table.write(file);
		assertEquals(List.of("name,value,count", "plain,0.987654,3", "\"with, comma\",6.99064E-9,0",
			"\"with \"\"quotes\"\"\",100,10", ",NaN,1"), Files.readAllLines(file));
		assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
	}
}
