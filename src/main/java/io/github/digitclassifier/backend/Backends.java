package io.github.digitclassifier.backend;

import org.deeplearning4j.config.DL4JClassLoading;
import org.nd4j.common.config.ND4JClassLoading;
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

	private static boolean prepared;

	/**
	 * Call before ND4J starts. Points ND4J's and DL4J's class lookups (ND4J finds its native backend
	 * with a ServiceLoader) at the loader of this plugin, since inside ImageJ 1 the thread's context
	 * loader cannot see plugins/jars; and lets DL4J use its native layer helpers, unless the user
	 * decided otherwise.
	 */
	public static synchronized void prepare() {
		if (prepared) return;
		final ClassLoader loader = Backends.class.getClassLoader();
		ND4JClassLoading.setNd4jClassloader(loader);
		DL4JClassLoading.setDl4jClassloader(loader);
		if (System.getProperty(HELPERS_DISABLE) == null) System.setProperty(HELPERS_DISABLE, "false");
		prepared = true;
	}

	/** Whether the loaded libnd4j has OneDNN inside (the {@code -onednn} builds do). */
	public static boolean oneDnnLoaded() {
		return NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().contains("HAVE_ONEDNN");
	}
}
