package io.github.digitclassifier.runtime.onnx;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.github.digitclassifier.model.ModelBundles;
import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.runtime.Classifier;

/**
 * ONNX networks and their descriptions as classifiers run by ONNX Runtime: an {@code .onnx} file,
 * a bioimage.io package's weights, a bundle's ONNX copy. The description is a model bundle's
 * metadata (what Export Model writes) or, written by hand, just {@code classNames},
 * {@code preprocessing} (at least its {@code fit}) and {@code scores}; the input size and channels
 * come from the network's input.
 */
public final class OnnxModels {

	private OnnxModels() {}

	/** ONNX bytes described by {@code json}; {@code source} and {@code describedIn} name them in messages. */
	public static Classifier load(final byte[] onnx, final JsonObject json, final String source, final String describedIn) throws IOException {
		final OrtEnvironment environment = Sessions.environment(source);
		final OrtSession session = Sessions.open(onnx, source);
		try {
			return classifier(environment, session, json, source, describedIn);
		}
		catch (final OrtException | IOException | RuntimeException e) {
			try {
				session.close();
			}
			catch (final OrtException closing) {
				e.addSuppressed(closing);
			}
			if (e instanceof IOException io) throw io;
			if (e instanceof RuntimeException r) throw r;
			throw new IOException("ONNX model " + source + " cannot be read: " + e.getMessage(), e);
		}
	}

	private static Classifier classifier(final OrtEnvironment environment, final OrtSession session, final JsonObject json,
		final String source, final String describedIn) throws IOException, OrtException
	{
		final List<String> classNames = classNames(json, describedIn);
		final Map.Entry<String, TensorInfo> input = onlyTensor(session.getInputInfo(), source, "input");
		final long[] in = input.getValue().getShape();
		final OnnxClassifier.Layout layout = layout(in, source);
		final long[] chw = switch (layout) {
			case CHANNELS_FIRST -> new long[] { in[1], in[2], in[3] };
			case CHANNELS_LAST -> new long[] { in[3], in[1], in[2] };
			case GREY -> new long[] { 1, in[1], in[2] };
		};
		final long[] out = onlyTensor(session.getOutputInfo(), source, "output").getValue().getShape();
		if (out.length != 2) {
			throw new IOException("ONNX model " + source + " does not give class scores: its output has shape " + Arrays.toString(out) +
				" where [batch, " + classNames.size() + "] (one score per class of " + describedIn + ") was expected");
		}
		if (out[1] >= 0 && out[1] != classNames.size()) {
			throw new IOException("Description " + describedIn + " names " + classNames.size() + " classes, ONNX model " + source + " gives " +
				out[1] + " scores: give classNames one name per output, in the order of the outputs");
		}
		final Preprocessing preprocessing = preprocessing(json, chw, describedIn);
		final int fixedBatch = in[0] > 0 ? (int) in[0] : 0;
		return new OnnxClassifier(environment, session, source, input.getKey(), layout, fixedBatch, scores(json, describedIn),
			classNames, preprocessing);
	}

	private static Map.Entry<String, TensorInfo> onlyTensor(final Map<String, NodeInfo> nodes, final String source, final String what)
		throws IOException
	{
		if (nodes.size() != 1) {
			throw new IOException("ONNX model " + source + " has " + nodes.size() + " " + what + "s " + nodes.keySet() + "; a classifier has one");
		}
		final Map.Entry<String, NodeInfo> node = nodes.entrySet().iterator().next();
		if (!(node.getValue().getInfo() instanceof TensorInfo tensor) || tensor.type != OnnxJavaType.FLOAT) {
			throw new IOException("ONNX model " + source + ": its " + what + " '" + node.getKey() + "' is not a tensor of 32-bit floats (" +
				node.getValue().getInfo() + ")");
		}
		return Map.entry(node.getKey(), tensor);
	}

	/**
	 * Where the channels are: the dimension of 1 or 3 among sides of at least 4 pixels, or sides
	 * the network leaves open (then the description gives them).
	 */
	private static OnnxClassifier.Layout layout(final long[] shape, final String source) throws IOException {
		if (shape.length == 3 && isSide(shape[1]) && isSide(shape[2])) return OnnxClassifier.Layout.GREY;
		if (shape.length == 4) {
			final boolean first = isChannels(shape[1]) && isSide(shape[2]) && isSide(shape[3]);
			final boolean last = isChannels(shape[3]) && isSide(shape[1]) && isSide(shape[2]);
			if (first) return OnnxClassifier.Layout.CHANNELS_FIRST;
			if (last) return OnnxClassifier.Layout.CHANNELS_LAST;
		}
		throw new IOException("ONNX model " + source + " does not take images: its input has shape " + Arrays.toString(shape) +
			" where [batch, channels, height, width], [batch, height, width, channels] or [batch, height, width] was expected," +
			" with 1 or 3 channels and sides of at least 4 pixels (-1 is a size the model leaves open)");
	}

	private static boolean isChannels(final long size) {
		return size == 1 || size == 3;
	}

	private static boolean isSide(final long size) {
		return size >= 4 || size < 0;
	}

	private static List<String> classNames(final JsonObject json, final String describedIn) throws IOException {
		final JsonElement names = json.get("classNames");
		if (names == null || !names.isJsonArray() || names.getAsJsonArray().isEmpty()) {
			throw new IOException("Description " + describedIn + " lacks classNames: a list of the class names, one per output");
		}
		final List<String> classNames = new ArrayList<>();
		for (final JsonElement name : names.getAsJsonArray()) {
			if (!name.isJsonPrimitive()) throw new IOException("Description " + describedIn + ": classNames must be strings, not " + name);
			classNames.add(name.getAsString());
		}
		if (new HashSet<>(classNames).size() != classNames.size()) {
			throw new IOException("Description " + describedIn + " repeats a class name: " + classNames);
		}
		return classNames;
	}

	/** The described preprocessing, its size and channels those of the network's input; values of the wrong kind are named. */
	private static Preprocessing preprocessing(final JsonObject json, final long[] chw, final String describedIn) throws IOException {
		try {
			return describedPreprocessing(json, chw, describedIn);
		}
		catch (final RuntimeException e) { // a value of the wrong kind, or what the record's constructor refuses (Gson wraps it)
			Throwable cause = e;
			while (cause.getCause() != null) cause = cause.getCause();
			throw new IOException("Description " + describedIn + " has unusable preprocessing: " + cause.getMessage() +
				" (fit: center_of_mass, resize or center_crop; inversion: never, always or auto; numbers for sizes)", e);
		}
	}

	private static Preprocessing describedPreprocessing(final JsonObject json, final long[] chw, final String describedIn) throws IOException {
		final JsonElement given = json.get("preprocessing");
		if (given == null || !given.isJsonObject() || !given.getAsJsonObject().has("fit")) {
			throw new IOException("Description " + describedIn + " lacks preprocessing with at least its fit (center_of_mass, resize or center_crop)");
		}
		final JsonObject p = given.getAsJsonObject().deepCopy();
		final String[] keys = { "channels", "height", "width" };
		for (int i = 0; i < keys.length; i++) {
			if (p.has(keys[i]) && chw[i] > 0 && p.get(keys[i]).getAsLong() != chw[i]) {
				throw new IOException("Description " + describedIn + " gives " + keys[i] + " " + p.get(keys[i]) + ", the network's input has " + chw[i]);
			}
			if (!p.has(keys[i])) {
				if (chw[i] <= 0) throw new IOException("Description " + describedIn + " must give the " + keys[i] + ": the network leaves it open");
				p.addProperty(keys[i], chw[i]);
			}
		}
		for (final String key : List.of("fit", "inversion")) {
			if (p.has(key)) p.addProperty(key, p.get(key).getAsString().toUpperCase(Locale.ROOT));
		}
		if (!p.has("inversion")) p.addProperty("inversion", Preprocessing.Inversion.NEVER.name());
		repeatPerChannel(p, chw[0]);
		if (!p.has("fitSize") && "CENTER_OF_MASS".equals(p.get("fit").getAsString())) {
			p.addProperty("fitSize", Math.round(Math.min(p.get("width").getAsInt(), p.get("height").getAsInt()) * 20 / 28.0));
		}
		return ModelBundles.gson().fromJson(p, Preprocessing.class);
	}

	/** A standardisation given as one mean and one std serves every channel. */
	private static void repeatPerChannel(final JsonObject preprocessing, final long channels) {
		if (!(preprocessing.get("standardisation") instanceof JsonObject standardisation)) return;
		for (final String key : List.of("mean", "std")) {
			final JsonElement values = standardisation.get(key);
			if (values == null) continue;
			final JsonElement one = values.isJsonArray() && values.getAsJsonArray().size() == 1 ? values.getAsJsonArray().get(0) :
				values.isJsonPrimitive() ? values : null;
			if (one == null) continue;
			final com.google.gson.JsonArray repeated = new com.google.gson.JsonArray();
			for (long c = 0; c < channels; c++) repeated.add(one);
			standardisation.add(key, repeated);
		}
	}

	private static OnnxClassifier.Scores scores(final JsonObject json, final String describedIn) throws IOException {
		if (!json.has("scores")) return OnnxClassifier.Scores.PROBABILITIES;
		final String scores = json.get("scores").isJsonPrimitive() ? json.get("scores").getAsString() : json.get("scores").toString();
		for (final OnnxClassifier.Scores s : OnnxClassifier.Scores.values()) {
			if (s.name().equalsIgnoreCase(scores)) return s;
		}
		throw new IOException("Description " + describedIn + ": scores must be probabilities or logits, not '" + scores + "'");
	}
}
