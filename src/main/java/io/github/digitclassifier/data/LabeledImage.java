package io.github.digitclassifier.data;

import java.nio.file.Path;

/** An image file and the index of its class in the data set's sorted class names. */
public record LabeledImage(Path file, int classIndex) {}
