package io.github.digitclassifier.predict;

/** The class a model gives an image, its probability, and the probabilities of all classes. */
public record Prediction(int classIndex, String className, double confidence, double[] probabilities) {}
