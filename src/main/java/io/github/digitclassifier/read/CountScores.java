package io.github.digitclassifier.read;

/** How surely a piece reads as each count of digits: what {@link Cuts#counts} shares a number's digits out by. */
interface CountScores {

	/** The count the piece reads as best on its own. */
	int bestCount();

	/** The log of the product of the digits' confidences when read as {@code count} digits; -infinity when it cannot be. */
	double score(int count);
}
