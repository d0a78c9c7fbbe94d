package io.github.digitclassifier.exchange;

import io.github.digitclassifier.model.MacroValue;

/** What Export Model writes. */
public enum ExportFormat implements MacroValue {
	/** An ONNX file and its description beside it ({@code .onnx.json}), usable again as a model file. */
	ONNX,
	/** A BioImage Model Zoo package: a zip with rdf.yaml (format 0.5), the ONNX weights, test tensors, a cover and a README. */
	BIOIMAGEIO;
}
