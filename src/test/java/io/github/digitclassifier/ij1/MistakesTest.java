package io.github.digitclassifier.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import io.github.digitclassifier.TinyModel;
import io.github.digitclassifier.evaluate.EvaluationResult;
import io.github.digitclassifier.evaluate.Evaluator;
import io.github.digitclassifier.io.CsvTable;
import io.github.digitclassifier.model.Recipe;
import io.github.digitclassifier.predict.FilePrediction;
import io.github.digitclassifier.predict.Predictor;
import io.github.digitclassifier.runtime.dl4j.NetworkClassifier;

/** Show mistakes lists exactly the images Evaluate counts as wrong, as Classify Folder predicts them. */
class MistakesTest {

	@Test
	void aModelOfOneEpochShowsExactlyTheImagesItGotWrong() throws Exception {
		// One short epoch at a small step: a model that still gets some shapes wrong.
		final Recipe recipe = new Recipe(TinyModel.RECIPE.network(), 1, 16, 2e-4, 1, null, 3, 0.2, 0, 0, TinyModel.RECIPE.balance());
		try (NetworkClassifier model = new NetworkClassifier(TinyModel.trainWith(recipe).bundle())) {
			final EvaluationResult result = Evaluator.evaluate(model, TinyModel.test());
			final CsvTable table = Mistakes.table(result, TinyModel.test());
			long wrong = 0;
			final long[][] confusion = result.confusionMatrix();
			for (int a = 0; a < confusion.length; a++) for (int p = 0; p < confusion.length; p++) if (a != p) wrong += confusion[a][p];
			assertTrue(wrong > 0, "the model got everything right: no mistakes to show");
			assertEquals(wrong, table.rows().size());
			// Each image listed, and only those, is predicted wrong by Classify Folder, as listed; the surest first.
			final Map<String, String> predicted = new HashMap<>();
			for (final FilePrediction p : new Predictor(model).predictFolder(TinyModel.test()).predictions()) {
				predicted.put(p.file(), p.prediction().className());
			}
			long wrongThere = 0;
			for (final Map.Entry<String, String> p : predicted.entrySet()) {
				if (!p.getKey().startsWith(p.getValue() + "/")) wrongThere++;
			}
			assertEquals(wrong, wrongThere);
			double previous = 1;
			for (final List<String> row : table.rows()) {
				assertEquals(row.get(2), predicted.get(row.get(0)), row.toString());
				assertTrue(row.get(0).startsWith(row.get(1) + "/") && !row.get(1).equals(row.get(2)), row.toString());
				assertTrue(Double.parseDouble(row.get(3)) <= previous + 1e-12, row.toString());
				previous = Double.parseDouble(row.get(3));
			}
			// The stack: a slice per wrong image, in the table's order, labelled true -> predicted (confidence).
			final ImagePlus stack = Mistakes.stack(result, TinyModel.test());
			assertEquals(wrong, stack.getStackSize());
			final Pattern label = Pattern.compile("(\\S+) -> (\\S+) \\((\\d+)%\\)");
			int previousPercent = 100;
			for (int i = 0; i < table.rows().size(); i++) {
				final List<String> row = table.rows().get(i);
				final Matcher m = label.matcher(stack.getStack().getSliceLabel(i + 1));
				assertTrue(m.matches(), stack.getStack().getSliceLabel(i + 1));
				assertEquals(row.get(1), m.group(1));
				assertEquals(row.get(2), m.group(2));
				final int percent = Integer.parseInt(m.group(3));
				assertEquals(Math.round(100 * Double.parseDouble(row.get(3))), percent, 1, row.toString());
				assertTrue(percent <= previousPercent, "slices not sorted by confidence: " + stack.getStack().getSliceLabel(i + 1));
				previousPercent = percent;
			}
			long pairs = 0;
			for (final List<String> row : result.confusedPairs().rows()) pairs += Long.parseLong(row.get(2));
			assertEquals(wrong, pairs);
		}
	}
}
