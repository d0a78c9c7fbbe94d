package io.github.digitclassifier.exchange;

import com.google.gson.JsonObject;

/**
 * An ONNX network as a model file holds it, with its description (class names, preprocessing,
 * scores): what ONNX Runtime needs to classify with it.
 *
 * @param source where the network is, for messages
 * @param describedIn where the description is, for messages
 */
public record DescribedOnnx(byte[] onnx, JsonObject description, String source, String describedIn) {}
