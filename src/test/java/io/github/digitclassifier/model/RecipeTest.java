package io.github.digitclassifier.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RecipeTest {

	@Test
	void theDefaultScheduleAnnealsOverWhateverNumberOfEpochs() {
		for (final int epochs : new int[] { 2, 4, 15 }) {
			final Recipe recipe = Recipe.defaults(epochs);
			final double last = recipe.learningRate() * Math.pow(recipe.learningRateDecay(), epochs - 1);
			assertEquals(recipe.learningRate() * Recipe.ANNEALING, last, 1e-12, epochs + " epochs");
		}
		assertEquals(1, Recipe.defaults(1).learningRateDecay(), "one epoch keeps its step size");
		assertEquals(Recipe.defaults(Recipe.defaults().epochs()), Recipe.defaults());
	}
}
