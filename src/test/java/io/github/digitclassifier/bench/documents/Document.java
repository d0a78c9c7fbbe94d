package io.github.digitclassifier.bench.documents;

import java.awt.image.BufferedImage;

/**
 * One generated document image: the number's digits ({@code label}; dots, dashes and crosses
 * written with it are not part of it), the image as its file holds it (after JPEG, when it is a
 * JPEG), the file's bytes and extension ({@code jpg} or {@code png}), the UCI digits written (their
 * indices, in the order of the label) and the height the digits were written at (pixels).
 */
public record Document(String label, BufferedImage image, byte[] file, String extension, int[] sources, double digitHeight) {}
