package io.github.digitclassifier.runtime.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Optional;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.github.digitclassifier.backend.OnnxRuntimeNatives;

/**
 * ONNX Runtime for every network run in it: digit models, the strip network, the ink detector and
 * number readers. Whether it runs on this platform is known before any model is opened
 * ({@link #available()}), so a caller picks its engine up front.
 */
public final class Sessions {

	private static Boolean available;

	private Sessions() {}

	/** Whether ONNX Runtime starts on this platform (it has natives for it); asked once. */
	public static synchronized boolean available() {
		if (available == null) {
			try {
				environment("ONNX Runtime");
				available = true;
			}
			catch (final OnnxRuntimeMissing missing) {
				available = false;
			}
		}
		return available;
	}

	/** ONNX Runtime's environment, its natives prepared; {@code source} names what needs it in the message when it cannot start. */
	public static OrtEnvironment environment(final String source) throws OnnxRuntimeMissing {
		try {
			OnnxRuntimeNatives.prepare();
			return OrtEnvironment.getEnvironment();
		}
		catch (final LinkageError e) {
			throw new OnnxRuntimeMissing("ONNX Runtime cannot start on this platform, so " + source + " cannot run (" + e + ")", e);
		}
	}

	/** A session of ONNX bytes, fully optimised, on every core, its threads not spinning; {@code source} names them in messages. */
	public static OrtSession open(final byte[] onnx, final String source) throws IOException {
		final OrtEnvironment environment = environment(source); // before the options, which need the natives
		try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
			options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
			options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
			// Its threads sleep between runs instead of spinning: spinning, they took the cores from the Java threads
			// preparing the next images and slowed a large stack down (one image runs as fast either way).
			options.addConfigEntry("session.intra_op.allow_spinning", "0");
			return environment.createSession(onnx, options);
		}
		catch (final OrtException e) {
			throw new IOException("Model file " + source + " is not an ONNX model ONNX Runtime can run: " + e.getMessage(), e);
		}
	}

	/** Runs a session on one float tensor of this shape under the input name {@code input}: its first output's values. */
	public static float[] run(final OrtEnvironment environment, final OrtSession session, final String input, final float[] values,
		final long[] shape) throws OrtException
	{
		try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(values), shape);
			OrtSession.Result result = session.run(Map.of(input, tensor)))
		{
			final FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
			final float[] copy = new float[out.remaining()];
			out.get(copy);
			return copy;
		}
	}

	/** Makes a model of an ONNX file's bytes, named {@code source} in messages. */
	public interface Maker<T> {
		T make(byte[] onnx, String source) throws IOException;
	}

	/**
	 * A model that comes with the plugin, made of its resource {@code resource} (what it is:
	 * {@code what}, for a message); empty where ONNX Runtime cannot start on this platform.
	 */
	public static <T> Optional<T> bundled(final String resource, final String what, final Maker<T> maker) {
		if (!available()) return Optional.empty();
		try (InputStream in = Sessions.class.getResourceAsStream(resource)) {
			if (in == null) throw new IllegalStateException("The bundled " + what + " " + resource + " is missing from the plugin");
			return Optional.of(maker.make(in.readAllBytes(), resource));
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
