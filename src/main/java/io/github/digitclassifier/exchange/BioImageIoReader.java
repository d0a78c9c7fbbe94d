package io.github.digitclassifier.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.yaml.snakeyaml.error.YAMLException;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.github.digitclassifier.model.ModelBundles;
import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.runtime.ModelKind;

/**
 * Reads bioimage.io packages, this plugin's ({@link BioImageIoPackages}) and others with ONNX
 * weights, as ONNX weights with the description a classifier needs.
 */
public final class BioImageIoReader {

	private BioImageIoReader() {}

	private static ZipEntry rdfEntry(final ZipFile zip) {
		final ZipEntry rdf = zip.getEntry(ModelKind.PACKAGE_ENTRY);
		return rdf != null ? rdf : zip.getEntry(ModelKind.NEWER_PACKAGE_ENTRY);
	}

	/**
	 * A package's ONNX weights and their description: the classes are the output's channel names;
	 * the preprocessing is this plugin's own when the package has it ({@code config.digit_classifier}),
	 * else the whole image stretched to the input size with the package's fixed standardisation,
	 * linear scaling or 0-100% range scaling; a softmax in its postprocessing means the weights give logits.
	 */
	public static DescribedOnnx read(final Path zipFile) throws IOException {
		try (ZipFile zip = new ZipFile(zipFile.toFile())) {
			final ZipEntry rdfEntry = rdfEntry(zip);
			if (rdfEntry == null) throw new IOException("Model file " + zipFile + " is not a bioimage.io package: it has no " + BioImageIoPackages.RDF);
			final String describedIn = zipFile + "!/" + rdfEntry.getName();
			final Rdf rdf;
			try (InputStream in = zip.getInputStream(rdfEntry)) {
				rdf = RdfYaml.read(in);
			}
			catch (final YAMLException | ClassCastException e) {
				throw new IOException(describedIn + " is not readable YAML: " + e.getMessage(), e);
			}
			if (!"model".equals(rdf.type())) throw new IOException(describedIn + " does not describe a model (type: model)");
			final String version = rdf.formatVersion();
			if (!version.startsWith("0.5.")) {
				throw new IOException(describedIn + " has format_version " + version + "; packages of format 0.5 are read (bioimage.io's tools update older ones)");
			}
			final Rdf.Weights onnx = rdf.weights().get("onnx");
			if (onnx == null || onnx.source() == null) {
				throw new IOException(describedIn + " has no ONNX weights (it has " + rdf.weights().keySet() + "): only ONNX weights can run here; " +
					"convert its weights to ONNX with bioimage.io's tools");
			}
			final String source = onnx.source().replaceFirst("^\\./", "");
			final ZipEntry weightsEntry = zip.getEntry(source);
			if (weightsEntry == null) throw new IOException(describedIn + " names ONNX weights " + source + " that the package lacks");
			final byte[] bytes;
			try (InputStream in = zip.getInputStream(weightsEntry)) {
				bytes = in.readAllBytes();
			}
			if (onnx.sha256() != null && !Sha256.hex(bytes).equalsIgnoreCase(onnx.sha256())) {
				throw new IOException(describedIn + ": the ONNX weights " + source + " do not match their sha256 (a damaged package)");
			}
			final JsonObject description;
			try {
				description = description(rdf, describedIn);
			}
			catch (final RuntimeException e) { // a value of the wrong kind where a number or list was expected
				throw new IOException(describedIn + " has a tensor description that cannot be used: " + e.getMessage(), e);
			}
			return new DescribedOnnx(bytes, description, zipFile + "!/" + source, describedIn);
		}
		catch (final ZipException e) {
			throw ModelBundles.unreadableZip(zipFile, e);
		}
	}

	/** What a classifier needs to know of the weights, from the tool's own section or from the package's tensors. */
	private static JsonObject description(final Rdf rdf, final String describedIn) throws IOException {
		if (rdf.config().digitClassifier() != null) return rdf.config().digitClassifier();
		final JsonObject json = new JsonObject();
		final Rdf.Tensor output = first(rdf.outputs(), "outputs", describedIn);
		final JsonArray classNames = new JsonArray();
		for (final Rdf.Axis axis : output.axes()) {
			if ("channel".equals(axis.type()) && axis.channelNames() != null) axis.channelNames().forEach(classNames::add);
		}
		if (classNames.isEmpty()) throw new IOException(describedIn + ": its output has no channel axis with channel_names, so no class names");
		json.add("classNames", classNames);
		final Rdf.Tensor input = first(rdf.inputs(), "inputs", describedIn);
		final JsonObject preprocessing = new JsonObject();
		preprocessing.addProperty("fit", "resize");
		preprocessing.add("standardisation", ModelBundles.gson().toJsonTree(standardisation(input, describedIn)));
		// The input's fixed sizes, for weights that leave them open.
		for (final Rdf.Axis axis : input.axes()) {
			if (axis.size() == null || !"space".equals(axis.type())) continue;
			if ("y".equals(axis.id())) preprocessing.addProperty("height", axis.size());
			if ("x".equals(axis.id())) preprocessing.addProperty("width", axis.size());
		}
		json.add("preprocessing", preprocessing);
		final boolean softmax = output.postprocessing().stream().anyMatch(step -> "softmax".equals(step.id()));
		json.addProperty("scores", softmax ? "logits" : "probabilities");
		return json;
	}

	/** The package's preprocessing as a standardisation (null: each image stretched to 0..1). */
	private static Preprocessing.Standardisation standardisation(final Rdf.Tensor input, final String describedIn) throws IOException {
		Preprocessing.Standardisation standardisation = new Preprocessing.Standardisation(List.of(0.0), List.of(1.0));
		String step = null;
		for (final Rdf.Step entry : input.preprocessing()) {
			final Map<String, Object> kwargs = entry.kwargs();
			final String id = entry.id();
			if (id.equals("ensure_dtype")) continue; // the input is float32 already
			if (step != null) throw new IOException(describedIn + ": its input's preprocessing has " + step + " and " + id + "; Digit Classifier applies one");
			step = id;
			switch (id) {
				case "fixed_zero_mean_unit_variance" -> standardisation = new Preprocessing.Standardisation(numbers(kwargs, "mean", null, describedIn),
					numbers(kwargs, "std", null, describedIn));
				case "scale_linear" -> {
					final List<Double> gain = numbers(kwargs, "gain", 1.0, describedIn), offset = numbers(kwargs, "offset", 0.0, describedIn);
					final int channels = Math.max(gain.size(), offset.size());
					final List<Double> mean = new ArrayList<>(), std = new ArrayList<>();
					// gain * v + offset = (v - mean) / std with std = 1 / gain, mean = -offset / gain
					for (int c = 0; c < channels; c++) {
						final double g = gain.get(Math.min(c, gain.size() - 1)), o = offset.get(Math.min(c, offset.size() - 1));
						mean.add(-o / g);
						std.add(1 / g);
					}
					standardisation = new Preprocessing.Standardisation(mean, std);
				}
				case "scale_range" -> {
					if (number(kwargs.get("min_percentile"), 0) != 0 || number(kwargs.get("max_percentile"), 100) != 100) {
						throw new IOException(describedIn + ": scale_range between percentiles other than 0 and 100 is not something Digit Classifier applies");
					}
					standardisation = null;
				}
				default -> throw new IOException(describedIn + ": its input's preprocessing " + id + " is not one Digit Classifier applies " +
					"(fixed_zero_mean_unit_variance, scale_linear, scale_range 0-100)");
			}
		}
		return standardisation;
	}

	private static Rdf.Tensor first(final List<Rdf.Tensor> tensors, final String key, final String describedIn) throws IOException {
		if (tensors.size() != 1) throw new IOException(describedIn + " has " + tensors.size() + " " + key + "; a classifier has one");
		return tensors.get(0);
	}

	/** A number or a list of them under {@code key}; {@code otherwise} when it is missing (null: it must be there). */
	private static List<Double> numbers(final Map<String, Object> kwargs, final String key, final Double otherwise, final String describedIn) throws IOException {
		final Object value = kwargs.get(key);
		if (value == null && otherwise != null) return List.of(otherwise);
		if (value instanceof Number n) return List.of(n.doubleValue());
		if (value instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(Number.class::isInstance)) {
			return l.stream().map(v -> ((Number) v).doubleValue()).toList();
		}
		throw new IOException(describedIn + ": the preprocessing's " + key + " must be a number or a list of numbers, not " + value);
	}

	private static double number(final Object value, final double otherwise) {
		return value instanceof Number n ? n.doubleValue() : otherwise;
	}
}
