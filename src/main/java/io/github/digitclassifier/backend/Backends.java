package io.github.digitclassifier.backend;

import org.deeplearning4j.config.DL4JClassLoading;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.api.blas.Blas;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The ND4J native build in use, and DL4J's native layer helpers. DL4J 1.0.0-M2.1 creates no
 * helpers unless asked to, and then finds OneDNN only through the bridge class
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment}; with both, convolution, pooling and batch
 * normalisation run in OneDNN, much faster than Java-side im2col. The
 * bridge is not on the class path (the plugin keeps out of ND4J's packages): only DL4J's class
 * loader, a {@link OneDnnBridge}, defines it.
 */
public final class Backends {

	/** DL4J's switch for its layer helpers; DL4J reads it whenever a layer is set up. */
	static final String HELPERS_DISABLE = "org.eclipse.deeplearning4j.helpers.disable";

	private Backends() {}

	private static boolean prepared;

	/**
	 * Call before ND4J starts. Points ND4J's and DL4J's class lookups (ND4J finds its native backend
	 * with a ServiceLoader) at the loader of this plugin, since inside ImageJ 1 the thread's context
	 * loader cannot see plugins/jars (DL4J's at a {@link OneDnnBridge} over it, the only loader that
	 * has the OneDNN bridge class); lets DL4J use its native layer helpers, unless the user
	 * decided otherwise; picks the fastest libnd4j build this CPU can run ({@link NativeBuilds});
	 * shortens OpenMP's spinning ({@link OpenMpSpin}); and keeps ND4J's start-up lines out of the
	 * user's sight ({@link LibraryLogs}).
	 */
	public static synchronized void prepare() {
		if (prepared) return;
		LibraryLogs.quiet(); // first: setting the class loaders below is logged already
		final ClassLoader loader = Backends.class.getClassLoader();
		ND4JClassLoading.setNd4jClassloader(loader);
		DL4JClassLoading.setDl4jClassloader(new OneDnnBridge(loader));
		if (System.getProperty(HELPERS_DISABLE) == null) System.setProperty(HELPERS_DISABLE, "false");
		NativeBuilds.choose();
		OpenMpSpin.limit();
		prepared = true;
	}

	/** The loaded libnd4j build, as the nd4j-native classifier's suffix: {@code -onednn-avx512}, {@code -onednn}, or "" for the generic one. */
	public static String nativeBuild() {
		prepare();
		Nd4j.getBackend(); // ND4J starts, loading it
		return NativeBuilds.loaded().orElse("unknown");
	}

	/**
	 * Gives a freshly initialised network, for training, this plugin's faster layers: batch
	 * normalisation ({@link FusedBatchNorm}), which also applies the ReLU of a convolution before it
	 * ({@link UnactivatedConvolution}); the first convolution's backward pass without the gradient at
	 * the images ({@link FirstConvolutionGradient}: the network's backward pass then returns none);
	 * and where OneDNN runs without AVX-512, max pooling ({@link MaxPoolingGradient},
	 * {@link MaxPoolingLayer}; with AVX-512, OneDNN's own is faster). The network's configuration
	 * and its saved form stay DL4J's.
	 */
	public static void useFastLayers(final MultiLayerNetwork network) {
		FirstConvolutionGradient.install(network);
		FusedBatchNorm.install(network);
		UnactivatedConvolution.install(network);
		if (!OneDnnIsa.AVX512) {
			MaxPoolingGradient.install(network);
			MaxPoolingLayer.install(network);
		}
	}

	/** Whether OneDNN runs AVX-512 kernels here, read once. */
	private static final class OneDnnIsa {
		static final boolean AVX512 = NativeBuilds.oneDnnUsesAvx512(NativeBuilds.cpuFeatures(), System.getenv());
	}

	/** The most memory one layer's activations may take in a DL4J forward pass where OneDNN has no AVX-512: glibc's largest mmap threshold. */
	private static final long PASS_BYTES = 32L << 20;

	/**
	 * How many images a DL4J forward pass of {@code network} should take, at most {@code wanted}.
	 * Without AVX-512, OneDNN's convolutions write into a blocked buffer it allocates at each call,
	 * and glibc maps every buffer over 32 MB afresh: for 256 64x64 colour images, faulting in the
	 * first layer's buffer took far longer than the convolution. There a pass takes no more images
	 * than keep each layer's activations within 32 MB. With AVX-512 OneDNN works in the activations'
	 * own layout, and larger passes are faster.
	 */
	public static int imagesPerPass(final MultiLayerNetwork network, final InputType input, final int wanted) {
		return imagesPerPass(network.getLayerWiseConfigurations(), input, wanted, OneDnnIsa.AVX512);
	}

	static int imagesPerPass(final MultiLayerConfiguration configuration, final InputType input, final int wanted,
		final boolean avx512)
	{
		if (avx512) return wanted;
		long largest = input.arrayElementsPerExample();
		try {
			for (final InputType activations : configuration.getLayerActivationTypes(input)) {
				largest = Math.max(largest, activations.arrayElementsPerExample());
			}
		}
		catch (final RuntimeException unknownShapes) {
			return wanted; // a network DL4J cannot size in advance runs as asked
		}
		return (int) Math.max(1, Math.min(wanted, PASS_BYTES / (Float.BYTES * largest)));
	}

	/** Whether the loaded libnd4j has OneDNN inside (the {@code -onednn} builds do). */
	public static boolean oneDnnLoaded() {
		return NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().contains("HAVE_ONEDNN");
	}

	/**
	 * Runs BLAS (OpenBLAS) on the calling thread alone until closed. A training step is dozens
	 * of small operations; OpenBLAS's threads keep spinning between its few matrix products and
	 * take the cores from ND4J's OpenMP threads, so training runs faster with one BLAS thread. Large
	 * inference batches are faster with every BLAS thread.
	 */
	public static SingleThreadedBlas singleThreadedBlas() {
		return new SingleThreadedBlas(Nd4j.factory().blas());
	}

	/** Restores the BLAS thread count it found when closed. */
	public static final class SingleThreadedBlas implements AutoCloseable {

		private final Blas blas;
		private final int previous;

		private SingleThreadedBlas(final Blas blas) {
			this.blas = blas;
			this.previous = blas.getMaxThreads();
			blas.setMaxThreads(1);
		}

		@Override
		public void close() {
			blas.setMaxThreads(previous);
		}
	}
}
