package io.github.digitclassifier.train;

import java.util.List;
import java.util.Locale;

import io.github.digitclassifier.data.ClassBalance;
import io.github.digitclassifier.model.Balance;
import io.github.digitclassifier.model.Recipe;
import io.github.digitclassifier.model.TrainingChoice;
import io.github.digitclassifier.preprocess.Augmentation;
import io.github.digitclassifier.preprocess.HandwritingStyle;
import io.github.digitclassifier.preprocess.PreparedImages;
import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.preprocess.Symmetry;

/** What a recipe's settings come to for the training images, each decision with its reason as a {@link TrainingChoice}. */
final class RecipeChoices {

	/**
	 * Pictures are augmented when each is seen at least this often in a run: on the CIFAR-10 subset
	 * and on Fashion-MNIST, augmentation lowered the accuracy of short runs and raised a long one's.
	 */
	static final int MIN_VIEWS_FOR_PICTURE_AUGMENTATION = 8;

	private RecipeChoices() {}

	/** The recipe to train with: the augmentation that fits the input, then the class balance; said in {@code choices}. */
	static Recipe decide(final Recipe asked, final Preprocessing input, final PreparedImages images, final int classes,
		final ClassBalance sizes, final List<TrainingChoice> choices)
	{
		final Recipe augmented = augmented(asked, input, images, classes, choices);
		return augmented.withBalance(balance(augmented.balance(), sizes, choices));
	}

	/** How often an epoch goes over the training images, and why. */
	static TrainingChoice passesPerEpoch(final Recipe recipe, final int images) {
		final int passes = recipe.passesPerEpoch(images);
		return new TrainingChoice("passes_per_epoch", Integer.toString(passes), passes == 1 ? "one pass makes " +
			(images + recipe.batchSize() - 1) / recipe.batchSize() + " updates" : String.format(Locale.ROOT,
				"%d training images make few updates: each epoch goes over them %d times (%d updates at least)",
				images, passes, recipe.minUpdatesPerEpoch()));
	}

	/** What {@code asked} comes to for these class sizes, said in {@code choices}. */
	private static Balance balance(final Balance asked, final ClassBalance sizes, final List<TrainingChoice> choices) {
		final ClassBalance.Row smallest = sizes.smallest(), largest = sizes.largest();
		final double ratio = (double) largest.count() / Math.max(1, smallest.count());
		final String said = largest.count() == smallest.count() ? "every class has " + largest.count() + " training images" :
			String.format(Locale.ROOT, "'%s' has %d training images, '%s' %d (%.2f times as many)",
				largest.className(), largest.count(), smallest.className(), smallest.count(), ratio);
		if (asked != Balance.AUTO) {
			choices.add(new TrainingChoice("balance", asked.id(), "asked for; " + said));
			return asked;
		}
		final Balance used = ratio > Balance.AUTO_RATIO ? Balance.WEIGHTS : Balance.NONE;
		choices.add(new TrainingChoice("balance", used.id(), String.format(Locale.ROOT, "auto: %s; %s", said,
			used == Balance.WEIGHTS ? "each class's images weigh the loss in inverse proportion to their number" :
				"within " + Balance.AUTO_RATIO + " times: every image counts the same")));
		return used;
	}

	/** The recipe with the augmentation that fits the input, said in {@code choices}. */
	private static Recipe augmented(final Recipe asked, final Preprocessing input, final PreparedImages images, final int classes,
		final List<TrainingChoice> choices)
	{
		final Augmentation a = asked.augmentation();
		if (a == null) {
			choices.add(new TrainingChoice("augment", "none", "asked for"));
			return asked;
		}
		if (!a.equals(Augmentation.digits())) {
			choices.add(new TrainingChoice("augment", "custom", a.toString()));
			return asked;
		}
		if (input.fit() == Preprocessing.Fit.CENTER_OF_MASS) {
			final HandwritingStyle style = Augmentation.digits().handwriting();
			choices.add(new TrainingChoice("augment", "digits", String.format(Locale.ROOT, "small rotations, zooms and shifts, " +
				"no flips; %.0f%% of the images restyled as other writers, pens and scanners give digits (stroke width, slant, " +
				"aspect, elastic warp, binarised, low resolution, blur, noise, ruled lines, cut at the border; 1s with a flag and " +
				"a foot); %.0f%% replaced " +
				"by what is not one digit (two touching, part of one) with every class as likely", 100 * style.share(),
				100 * style.nonDigits())));
			return asked;
		}
		final int views = asked.epochs() * asked.passesPerEpoch(images.size());
		if (views < MIN_VIEWS_FOR_PICTURE_AUGMENTATION) {
			choices.add(new TrainingChoice("augment", "none", String.format(Locale.ROOT, "auto, for pictures: each training " +
				"image is seen %d times in this run; changing pictures pays off from about %d (more epochs)", views,
				MIN_VIEWS_FOR_PICTURE_AUGMENTATION)));
			return asked.withAugmentation(null);
		}
		final Symmetry symmetry = Symmetry.of(images, classes);
		final Augmentation fitting = Augmentation.fitting(a, input, symmetry);
		choices.add(new TrainingChoice("augment", "pictures", String.format(Locale.ROOT,
			"auto, for pictures: zooms and shifts (random crops), brightness, contrast and colour jitter%s%s; the classes' " +
			"mean images correlate %.2f with themselves mirrored, %.2f upside down, %.2f turned (%.1f mirrors, %.1f both " +
			"others allow turns)", fitting.flip() ? ", mirrored left-right" : "",
			fitting.rotate90() ? ", mirrored top-bottom and turned by right angles (no \"up\")" : "",
			symmetry.mirrored(), symmetry.upsideDown(), symmetry.turned(), Symmetry.MIRROR_ALIKE, Symmetry.ALIKE)));
		return asked.withAugmentation(fitting);
	}
}
