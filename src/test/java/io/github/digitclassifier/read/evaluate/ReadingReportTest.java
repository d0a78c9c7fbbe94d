package io.github.digitclassifier.read.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.digitclassifier.read.evaluate.ReadingReport.Scored;

class ReadingReportTest {

	@TempDir
	Path dir;

	@Test
	void measuresWholeNumbersCharactersAndTheMostConfidentShares() {
		// Ten readings, confidences 1.0 down to 0.1; the two least confident and the fourth are wrong.
		final List<Scored> all = new java.util.ArrayList<>();
		for (int i = 0; i < 10; i++) {
			final String truth = "0" + i + "5";
			final String read = i == 3 ? "0" + i + "6" : i == 8 ? "0" + i : i == 9 ? "" : truth;
			all.add(new Scored("f" + i + ".png", truth, read, 1 - i / 10.0));
		}
		final ReadingReport report = ReadingReport.of(all);
		assertEquals(10, report.count());
		assertEquals(0.7, report.wholeNumberAccuracy(), 1e-12);
		// One replaced, one deleted, three deleted: 5 edits over 30 characters.
		assertEquals(1 - 5 / 30.0, report.digitAccuracy(), 1e-12);
		assertEquals(0.55, report.meanConfidence(), 1e-12);
		// 90% kept: the nine most confident, two of them wrong; kept from 0.2 up.
		assertEquals(7 / 9.0, report.at90().accuracy(), 1e-12);
		assertEquals(0.2, report.at90().threshold(), 1e-12);
		assertEquals(7 / 8.0, report.at80().accuracy(), 1e-12);
		assertEquals(0.3, report.at80().threshold(), 1e-12);
		assertEquals(List.of("f3.png", "f8.png", "f9.png"), report.misread().stream().map(Scored::file).toList());
		assertEquals("file,truth,read,confidence\nf3.png,035,036,0.7\nf8.png,085,08,0.2\nf9.png,095,,0.1\n", report.misreadTable().text());
		assertEquals("metric,value\nwhole_number_accuracy,0.7\ndigit_accuracy,0.833333\nmean_confidence,0.55\naccuracy_at_90,0.777778\nthreshold_at_90,0.2\n" +
			"accuracy_at_80,0.875\nthreshold_at_80,0.3\ncount,10\n", report.table().text());
	}

	@Test
	void editDistanceCountsInsertionsDeletionsAndReplacements() {
		assertEquals(0, ReadingReport.editDistance("1234", "1234"));
		assertEquals(1, ReadingReport.editDistance("1234", "124"));
		assertEquals(1, ReadingReport.editDistance("1234", "12345"));
		assertEquals(2, ReadingReport.editDistance("12000", "322000"));
		assertEquals(3, ReadingReport.editDistance("5012", "51021"));
		assertEquals(4, ReadingReport.editDistance("", "1234"));
	}

	@Test
	void labelsAreReadAsTextWithLeadingZerosAndMistakesNamed() throws Exception {
		final Path csv = Files.writeString(dir.resolve("labels.csv"), "label,file\n007,a.png\n\"1,5\",\"sub/b c.png\"\r\n13A,c.png\n");
		assertEquals(Map.of("a.png", "007", "sub/b c.png", "1,5", "c.png", "13A"), NumberLabels.read(csv));
		Files.writeString(dir.resolve("twice.csv"), "file,label\na.png,1\na.png,2\n");
		assertEquals("Labels file " + dir.resolve("twice.csv") + " names a.png twice",
			assertThrows(IllegalArgumentException.class, () -> NumberLabels.read(dir.resolve("twice.csv"))).getMessage());
		Files.writeString(dir.resolve("columns.csv"), "name,number\na.png,1\n");
		assertThrows(IllegalArgumentException.class, () -> NumberLabels.read(dir.resolve("columns.csv")));
		assertThrows(IllegalArgumentException.class, () -> NumberLabels.read(dir.resolve("none.csv")));
		assertEquals("The labels name a.png, which is not a file in " + dir,
			assertThrows(IllegalArgumentException.class, () -> NumberLabels.files(dir, NumberLabels.read(csv))).getMessage());
	}
}
