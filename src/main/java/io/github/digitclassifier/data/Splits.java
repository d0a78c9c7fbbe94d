package io.github.digitclassifier.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Divisions of a data set that keep every class's share. */
public final class Splits {

	/** A training part and a validation part of the same classes. */
	public record Split(Dataset train, Dataset validation) {}

	private Splits() {}

	/**
	 * Holds out {@code fraction} of each class for validation, chosen at random with the seed, at
	 * least one image per class while the class has two or more.
	 */
	public static Split stratified(final Dataset dataset, final double fraction, final long seed) {
		if (!(fraction > 0 && fraction < 1)) {
			throw new IllegalArgumentException("validation_fraction must be between 0 and 1 (exclusive), not " + fraction);
		}
		final List<List<LabeledImage>> byClass = new ArrayList<>();
		for (int c = 0; c < dataset.classCount(); c++) byClass.add(new ArrayList<>());
		for (final LabeledImage image : dataset.images()) byClass.get(image.classIndex()).add(image);
		final Random random = new Random(seed);
		final List<LabeledImage> train = new ArrayList<>();
		final List<LabeledImage> validation = new ArrayList<>();
		for (final List<LabeledImage> images : byClass) {
			Collections.shuffle(images, random);
			final int held = images.size() < 2 ? 0 : Math.max(1, (int) Math.round(images.size() * fraction));
			validation.addAll(images.subList(0, Math.min(held, images.size() - 1)));
			train.addAll(images.subList(Math.min(held, images.size() - 1), images.size()));
		}
		return new Split(dataset.with(train, List.of()), dataset.with(validation, List.of()));
	}
}
