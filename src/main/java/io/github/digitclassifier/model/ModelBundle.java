package io.github.digitclassifier.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** A trained network and what it knows about itself. */
public record ModelBundle(MultiLayerNetwork network, BundleMetadata metadata) {}
