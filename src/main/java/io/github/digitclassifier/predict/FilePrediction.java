package io.github.digitclassifier.predict;

/** A prediction for a file, named by its path relative to the folder classified, '/'-separated. */
public record FilePrediction(String file, Prediction prediction) {}
