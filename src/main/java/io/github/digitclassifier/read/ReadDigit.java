package io.github.digitclassifier.read;

/**
 * One digit of a number: its box in the image (pixels), its class and how sure the classifier is.
 *
 * @param low whether the confidence is under the reading's {@code min_confidence}
 */
public record ReadDigit(int x, int y, int width, int height, String className, double confidence, boolean low) {}
