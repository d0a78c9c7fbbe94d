package io.github.digitclassifier.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.factory.Nd4j;

import io.github.digitclassifier.SyntheticImages;
import io.github.digitclassifier.TinyModel;
import io.github.digitclassifier.io.CsvTable;
import io.github.digitclassifier.model.ModelBundle;
import io.github.digitclassifier.runtime.dl4j.NetworkClassifier;

class EvaluatorTest {

	@TempDir
	Path dir;

	@Test
	void reportMatchesScikitLearn() {
		// y_true = [a a a b b c], y_pred = [a a b b c c]; figures from sklearn.metrics.classification_report.
		final Evaluation evaluation = new Evaluation(List.of("a", "b", "c"));
		final int[] truth = { 0, 0, 0, 1, 1, 2 };
		final int[] predicted = { 0, 0, 1, 1, 2, 2 };
		final float[][] labels = new float[6][3];
		final float[][] outputs = new float[6][3];
		for (int i = 0; i < 6; i++) {
			labels[i][truth[i]] = 1;
			outputs[i][predicted[i]] = 1;
		}
		evaluation.eval(Nd4j.create(labels), Nd4j.create(outputs));
		final ClassificationReport report = ClassificationReport.of(evaluation, List.of("a", "b", "c"));
		assertRow(report.row("a"), 1.0, 0.6667, 0.8, 3);
		assertRow(report.row("b"), 0.5, 0.5, 0.5, 2);
		assertRow(report.row("c"), 0.5, 1.0, 0.6667, 1);
		assertEquals(0.6667, report.accuracy(), 1e-4);
		assertEquals(6, report.row("accuracy").support());
		assertRow(report.row("macro avg"), 0.6667, 0.7222, 0.6556, 6);
		assertRow(report.row("weighted avg"), 0.75, 0.6667, 0.6778, 6);
		final CsvTable table = report.table();
		assertEquals(List.of("class", "precision", "recall", "f1", "support"), table.columns());
		assertEquals(List.of("accuracy", "", "", "0.666667", "6"), table.rows().get(3));
	}

	@Test
	void evaluatesAFolderAndCountsTheConfusion() throws Exception {
		final ModelBundle bundle = TinyModel.result().bundle();
		final EvaluationResult result = Evaluator.evaluate(new NetworkClassifier(bundle), TinyModel.test());
		assertEquals(TinyModel.result().validation().accuracy(), result.accuracy(), 1e-9);
		final long[][] confusion = result.confusionMatrix();
		long diagonal = 0, total = 0;
		for (int a = 0; a < 4; a++) {
			for (int p = 0; p < 4; p++) total += confusion[a][p];
			diagonal += confusion[a][a];
			assertEquals(15, java.util.Arrays.stream(confusion[a]).sum());
		}
		assertEquals(60, total);
		assertEquals(result.accuracy(), (double) diagonal / total, 1e-9);
		assertEquals(List.of("actual", "circle", "cross", "square", "triangle"), result.confusionTable().columns());
	}

	@Test
	void aTestFolderMayLackClassesButNotAddThem() throws Exception {
		final ModelBundle bundle = TinyModel.result().bundle();
		SyntheticImages.writeShapes(dir.resolve("all"), 5, 3);
		final Path some = Files.createDirectories(dir.resolve("some"));
		Files.move(dir.resolve("all/cross"), some.resolve("cross"));
		final EvaluationResult partial = Evaluator.evaluate(new NetworkClassifier(bundle), some);
		assertEquals(0, partial.report().row("circle").support());
		assertEquals(5, partial.report().row("cross").support());
		Files.createDirectories(some.resolve("hexagon"));
		Files.copy(some.resolve("cross/cross0.png"), some.resolve("hexagon/h.png"));
		final String message = assertThrows(IllegalArgumentException.class, () -> Evaluator.evaluate(new NetworkClassifier(bundle), some)).getMessage();
		assertTrue(message.contains("hexagon") && message.contains(some.toString()), message);
	}

	private static void assertRow(final ClassificationReport.Row row, final double precision, final double recall,
		final double f1, final long support)
	{
		assertEquals(precision, row.precision(), 1e-4, row.label());
		assertEquals(recall, row.recall(), 1e-4, row.label());
		assertEquals(f1, row.f1(), 1e-4, row.label());
		assertEquals(support, row.support(), row.label());
	}
}
