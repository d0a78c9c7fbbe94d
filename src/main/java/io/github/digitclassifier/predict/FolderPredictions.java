package io.github.digitclassifier.predict;

import java.util.List;

import io.github.digitclassifier.data.SkippedFile;

/** The predictions for every decodable image of a folder, and the files skipped. */
public record FolderPredictions(List<FilePrediction> predictions, List<SkippedFile> skipped) {}
