package io.github.digitclassifier.read.train;

import java.util.Collection;
import java.util.TreeSet;

/**
 * The symbols a number reader reads, in the order of its network's scores (the blank comes after
 * them): the ten digits, and any other character the training labels hold (letters of serial
 * numbers or licence plates, signs), in code point order.
 */
public record Alphabet(String symbols) {

	public static final Alphabet DIGITS = new Alphabet("0123456789");

	public Alphabet {
		if (symbols.isEmpty()) throw new IllegalArgumentException("An alphabet needs at least one symbol");
		if (symbols.codePoints().distinct().count() != symbols.codePointCount(0, symbols.length())) {
			throw new IllegalArgumentException("The alphabet " + symbols + " names a symbol twice");
		}
	}

	/** The digits and every character of the labels; a label that is empty or holds a space or control character is an error. */
	public static Alphabet of(final Collection<String> labels) {
		final TreeSet<Integer> all = new TreeSet<>(DIGITS.symbols.chars().boxed().toList());
		for (final String label : labels) {
			requireReadable(label);
			label.codePoints().forEach(all::add);
		}
		final StringBuilder symbols = new StringBuilder();
		for (final int c : all) symbols.appendCodePoint(c);
		return new Alphabet(symbols.toString());
	}

	/** Fails on a label no image can hold as one line of ink: empty, or with a space or control character. */
	static void requireReadable(final String label) {
		if (label.isEmpty()) throw new IllegalArgumentException("A label is empty: label each image with the number written in it");
		label.codePoints().forEach(c -> {
			if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
				throw new IllegalArgumentException("The label '" + label + "' holds a space or control character: the reader reads one line " +
					"of ink without gaps, so label the symbols only");
			}
		});
	}

	/** Symbols, the blank included: the network's scores per frame. */
	public int scores() {
		return size() + 1;
	}

	public int size() {
		return symbols.codePointCount(0, symbols.length());
	}

	public boolean isDigits() {
		return equals(DIGITS);
	}

	/** The indices of a label's symbols; a symbol not in the alphabet is an error naming it. */
	public int[] indices(final String label) {
		final int[] points = symbols.codePoints().toArray();
		return label.codePoints().map(c -> {
			for (int i = 0; i < points.length; i++) if (points[i] == c) return i;
			throw new IllegalArgumentException("The label '" + label + "' holds '" + new String(Character.toChars(c)) +
				"', which the reader's alphabet " + symbols + " does not: the training labels must hold every symbol to be read");
		}).toArray();
	}

	/** The symbol at an index, as text. */
	public String symbol(final int index) {
		return new String(Character.toChars(symbols.codePoints().toArray()[index]));
	}
}
