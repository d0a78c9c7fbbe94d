package io.github.digitclassifier.ij1;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.ImageStack;
import io.github.digitclassifier.data.Dataset;
import io.github.digitclassifier.data.ImageFolders;
import io.github.digitclassifier.data.LabeledImage;
import io.github.digitclassifier.evaluate.EvaluationResult;
import io.github.digitclassifier.evaluate.EvaluationResult.Outcome;
import io.github.digitclassifier.io.CsvTable;

/** What a model got wrong, for a person to look at: the images as a stack and as a table, the surest mistakes first. */
public final class Mistakes {

	/** The side of the stack's slices: large enough to see a digit or a cell, small enough for thousands. */
	private static final int SIZE = 96;

	private Mistakes() {}

	/** {@code file,actual,predicted,confidence}; files relative to the test folder. */
	public static CsvTable table(final EvaluationResult result, final Path testFolder) {
		final CsvTable table = new CsvTable(List.of("file", "actual", "predicted", "confidence"));
		for (final Outcome o : result.mistakes()) {
			table.add(ImageFolders.relative(testFolder, o.file()), result.classNames().get(o.actual()), result.classNames().get(o.predicted()),
				o.confidence());
		}
		return table;
	}

	/** The images predicted wrong, each slice labelled {@code actual -> predicted (confidence)}; null when there is none. */
	public static ImagePlus stack(final EvaluationResult result, final Path testFolder) {
		final List<Outcome> mistakes = result.mistakes();
		if (mistakes.isEmpty()) return null;
		final Dataset dataset = new Dataset(testFolder, result.classNames(),
			mistakes.stream().map(o -> new LabeledImage(o.file(), o.actual())).toList(), List.of());
		final Stacks.Imported imported = Stacks.of(dataset, SIZE);
		final ImageStack stack = imported.stack().getStack();
		// The images were read when they were evaluated: each is in the stack, in the mistakes' order.
		for (int i = 0; i < mistakes.size(); i++) {
			final Outcome o = mistakes.get(i);
			stack.setSliceLabel(String.format(Locale.ROOT, "%s -> %s (%.0f%%)", result.classNames().get(o.actual()),
				result.classNames().get(o.predicted()), 100 * o.confidence()), i + 1);
		}
		return new ImagePlus("Mistakes in " + testFolder.getFileName(), stack);
	}
}
