package io.github.digitclassifier.exchange;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

import com.google.gson.reflect.TypeToken;

import io.github.digitclassifier.model.ModelBundles;

/** {@link Rdf} as YAML text and back: keys in the format's names, in a stable order. */
final class RdfYaml {

	/** The tool's own section of {@code config}. */
	static final String CONFIG_KEY = "digit_classifier";

	private RdfYaml() {}

	static byte[] write(final Rdf rdf) {
		final Map<String, Object> map = new LinkedHashMap<>();
		map.put("type", rdf.type());
		map.put("format_version", rdf.formatVersion());
		map.put("id", rdf.id());
		map.put("name", rdf.name());
		map.put("description", rdf.description());
		map.put("authors", rdf.authors().stream().map(a -> ordered("name", a.name())).toList());
		map.put("cite", rdf.cite().stream().map(c -> c.doi() != null ? ordered("text", c.text(), "doi", c.doi()) :
			ordered("text", c.text(), "url", c.url())).toList());
		map.put("license", rdf.license());
		map.put("documentation", rdf.documentation());
		map.put("covers", rdf.covers());
		map.put("tags", rdf.tags());
		map.put("timestamp", rdf.timestamp());
		map.put("inputs", rdf.inputs().stream().map(RdfYaml::tensor).toList());
		map.put("outputs", rdf.outputs().stream().map(RdfYaml::tensor).toList());
		final Map<String, Object> weights = new LinkedHashMap<>();
		rdf.weights().forEach((format, w) -> weights.put(format, w.opsetVersion() == null ? file(w.source(), w.sha256()) :
			ordered("source", w.source(), "sha256", w.sha256(), "opset_version", w.opsetVersion())));
		map.put("weights", weights);
		final Map<String, Object> config = ordered("bioimageio", ordered("nickname", rdf.config().nickname()));
		if (rdf.config().digitClassifier() != null) {
			config.put(CONFIG_KEY, ModelBundles.gson().fromJson(rdf.config().digitClassifier(), new TypeToken<Map<String, Object>>() {}.getType()));
		}
		map.put("config", config);
		return yaml().dump(map).getBytes(StandardCharsets.UTF_8);
	}

	private static Map<String, Object> tensor(final Rdf.Tensor t) {
		final Map<String, Object> map = ordered("id", t.id(), "description", t.description());
		map.put("axes", t.axes().stream().map(RdfYaml::axis).toList());
		map.put("data", t.data().range() == null ? ordered("type", t.data().type()) : ordered("type", t.data().type(), "range", t.data().range()));
		map.put("test_tensor", file(t.testTensor().source(), t.testTensor().sha256()));
		if (!t.preprocessing().isEmpty()) map.put("preprocessing", t.preprocessing().stream().map(RdfYaml::step).toList());
		if (!t.postprocessing().isEmpty()) map.put("postprocessing", t.postprocessing().stream().map(RdfYaml::step).toList());
		return map;
	}

	private static Map<String, Object> axis(final Rdf.Axis a) {
		final Map<String, Object> map = ordered("type", a.type());
		if (a.channelNames() != null) map.put("channel_names", a.channelNames());
		if (a.id() != null) map.put("id", a.id());
		if (a.size() != null) map.put("size", a.size());
		return map;
	}

	private static Map<String, Object> step(final Rdf.Step s) {
		return ordered("id", s.id(), "kwargs", s.kwargs());
	}

	private static Map<String, Object> file(final String source, final String sha256) {
		return ordered("source", source, "sha256", sha256);
	}

	/** A map of keys and values in the order given. */
	private static Map<String, Object> ordered(final Object... keysAndValues) {
		final Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		return map;
	}

	private static Yaml yaml() {
		final DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setWidth(120);
		return new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(options), options);
	}

	/**
	 * The description in {@code in}; what is missing or of another kind is null or empty.
	 *
	 * @throws YAMLException when it is not YAML
	 * @throws ClassCastException when its top is not keys and values
	 */
	static Rdf read(final InputStream in) {
		final Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		final Map<?, ?> rdf = loaded == null ? Map.of() : (Map<?, ?>) loaded;
		final Map<String, Rdf.Weights> weights = new LinkedHashMap<>();
		map(rdf.get("weights")).forEach((format, w) -> weights.put(String.valueOf(format), new Rdf.Weights(text(map(w).get("source")),
			text(map(w).get("sha256")), map(w).get("opset_version") instanceof Integer opset ? opset : null)));
		final Object own = map(rdf.get("config")).get(CONFIG_KEY);
		final Rdf.Config config = new Rdf.Config(string(map(map(rdf.get("config")).get("bioimageio")).get("nickname")),
			own instanceof Map<?, ?> ? ModelBundles.gson().toJsonTree(own).getAsJsonObject() : null);
		return new Rdf(string(rdf.get("type")), String.valueOf(rdf.get("format_version")), string(rdf.get("id")), string(rdf.get("name")),
			string(rdf.get("description")), list(rdf.get("authors")).stream().map(a -> new Rdf.Author(string(map(a).get("name")))).toList(),
			list(rdf.get("cite")).stream().map(c -> new Rdf.Citation(string(map(c).get("text")), string(map(c).get("doi")),
				string(map(c).get("url")))).toList(),
			string(rdf.get("license")), string(rdf.get("documentation")), strings(rdf.get("covers")), strings(rdf.get("tags")),
			text(rdf.get("timestamp")), tensors(rdf.get("inputs")), tensors(rdf.get("outputs")), weights, config);
	}

	private static List<Rdf.Tensor> tensors(final Object value) {
		return list(value).stream().map(RdfYaml::map).map(t -> new Rdf.Tensor(string(t.get("id")), string(t.get("description")),
			list(t.get("axes")).stream().map(RdfYaml::map).map(a -> new Rdf.Axis(string(a.get("type")), string(a.get("id")),
				a.get("size") instanceof Integer size ? size : null, a.get("channel_names") instanceof List<?> ? strings(a.get("channel_names")) : null))
				.toList(),
			new Rdf.Data(string(map(t.get("data")).get("type")), null), new Rdf.FileRef(text(map(t.get("test_tensor")).get("source")),
				text(map(t.get("test_tensor")).get("sha256"))),
			steps(t.get("preprocessing")), steps(t.get("postprocessing")))).toList();
	}

	private static List<Rdf.Step> steps(final Object value) {
		return list(value).stream().map(RdfYaml::map).map(s -> {
			final Map<String, Object> kwargs = new LinkedHashMap<>();
			map(s.get("kwargs")).forEach((k, v) -> kwargs.put(String.valueOf(k), v));
			return new Rdf.Step(String.valueOf(s.get("id")), kwargs);
		}).toList();
	}

	private static Map<?, ?> map(final Object value) {
		return value instanceof Map<?, ?> m ? m : Map.of();
	}

	private static List<?> list(final Object value) {
		return value instanceof List<?> l ? l : List.of();
	}

	private static List<String> strings(final Object value) {
		return list(value).stream().map(String::valueOf).toList();
	}

	/** A string, else null. */
	private static String string(final Object value) {
		return value instanceof String s ? s : null;
	}

	/** Any value as text (a YAML date or number too), null when missing. */
	private static String text(final Object value) {
		return value == null ? null : String.valueOf(value);
	}
}
