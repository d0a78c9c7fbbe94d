package org.nd4j.nativeblas;

/**
 * Bridges a lookup that DL4J 1.0.0-M2.1 gets wrong. Its {@code BaseMKLDNNHelper} asks
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()} whether OneDNN may
 * be used, but ND4J M2.1 moved that class (to {@code org.nd4j.linalg.cpu.nativecpu.bindings}) and
 * renamed the method ({@code isUseONEDNN}), so the lookup fails and every convolution falls back to
 * a slow Java im2col. This class answers under the old name: true when the loaded native build
 * has OneDNN and ND4J's environment allows it.
 * <p>
 * Compiled here, but not shipped here: so that the plugin puts no class in ND4J's package on the
 * class path, the build (pom.xml, maven-antrun-plugin, process-classes) moves both classes to
 * {@code io/github/digitclassifier/backend/bridge/*.bin}, and only DL4J's class loader,
 * {@code io.github.digitclassifier.backend.OneDnnBridge}, defines them, under this name, since
 * DL4J finds the class by name.
 */
public final class Nd4jCpu {

	private Nd4jCpu() {}

	public static final class Environment {

		private static final Environment INSTANCE = new Environment();

		private Environment() {}

		public static Environment getInstance() {
			return INSTANCE;
		}

		public boolean isUseMKLDNN() {
			return io.github.digitclassifier.backend.Backends.oneDnnLoaded() &&
				org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
		}
	}
}
