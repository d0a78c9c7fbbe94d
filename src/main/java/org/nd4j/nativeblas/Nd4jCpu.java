package org.nd4j.nativeblas;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Bridges a lookup that DL4J 1.0.0-M2.1 gets wrong. Its {@code BaseMKLDNNHelper} asks
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()} whether OneDNN may
 * be used, but ND4J M2.1 moved that class (to {@code org.nd4j.linalg.cpu.nativecpu.bindings}) and
 * renamed the method ({@code isUseONEDNN}), so the lookup fails and every convolution falls back to
 * a slow Java im2col. This class answers under the old name: true when the loaded native build
 * has OneDNN and ND4J's environment allows it.
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
