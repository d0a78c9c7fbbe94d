package io.github.digitclassifier.read;

import java.util.List;

import io.github.digitclassifier.data.SkippedFile;

/** The numbers read in a folder's images, and the files that could not be read. */
public record FolderReadings(List<FileReading> readings, List<SkippedFile> skipped) {}
