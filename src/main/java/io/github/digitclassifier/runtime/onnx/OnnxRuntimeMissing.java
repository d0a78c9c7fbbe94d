package io.github.digitclassifier.runtime.onnx;

import java.io.IOException;

/** ONNX Runtime cannot start on this platform: a model that only it runs (an ONNX file, a bioimage.io package) cannot run. */
public final class OnnxRuntimeMissing extends IOException {
	OnnxRuntimeMissing(final String message, final Throwable cause) {
		super(message, cause);
	}
}
