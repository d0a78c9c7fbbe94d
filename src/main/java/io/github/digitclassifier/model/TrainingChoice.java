package io.github.digitclassifier.model;

/**
 * A setting of a training run as it was decided, and why: asked for, or what {@code auto} made of
 * the training images. Logged, shown in the Training Choices table and recorded in the bundle.
 *
 * @param setting the macro key it belongs to, e.g. {@code preprocessing}
 * @param value what was used, e.g. {@code resize}
 * @param why in words, e.g. "auto: 92% of 300 sampled training images fill their frame"
 */
public record TrainingChoice(String setting, String value, String why) {}
