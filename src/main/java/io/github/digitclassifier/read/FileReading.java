package io.github.digitclassifier.read;

/** The number read in one file; {@code file} is relative to the folder read, '/'-separated. */
public record FileReading(String file, NumberReading reading) {}
