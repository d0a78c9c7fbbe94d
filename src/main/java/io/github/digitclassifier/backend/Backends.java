package io.github.digitclassifier.backend;

import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The ND4J native build in use, and DL4J's native layer helpers. DL4J 1.0.0-M2.1 creates no
 * helpers unless asked to, and then finds OneDNN only through the bridge in
 * {@link org.nd4j.nativeblas.Nd4jCpu}; with both, convolution, pooling and batch normalisation
 * run in OneDNN instead of Java-side im2col (about three times faster here).
 */
public final class Backends {

	/** DL4J's switch for its layer helpers; DL4J reads it whenever a layer is set up. */
	static final String HELPERS_DISABLE = "org.eclipse.deeplearning4j.helpers.disable";

	private Backends() {}

	/** Lets DL4J use its native layer helpers, unless the user decided otherwise. */
	public static void enableLayerHelpers() {
		if (System.getProperty(HELPERS_DISABLE) == null) System.setProperty(HELPERS_DISABLE, "false");
	}

	/** Whether the loaded libnd4j has OneDNN inside (the {@code -onednn} builds do). */
	public static boolean oneDnnLoaded() {
		return NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().contains("HAVE_ONEDNN");
	}
}
