package io.github.digitclassifier.exchange;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;

import io.github.digitclassifier.data.ImageFiles;
import io.github.digitclassifier.io.AtomicFiles;
import io.github.digitclassifier.model.Architecture;
import io.github.digitclassifier.model.BundleMetadata;
import io.github.digitclassifier.model.Classifier;
import io.github.digitclassifier.model.ModelBundle;
import io.github.digitclassifier.model.ModelBundles;
import io.github.digitclassifier.model.NetworkClassifier;
import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.preprocess.Preprocessor;

/**
 * BioImage Model Zoo packages (bioimage.io, resource description format 0.5): a zip of
 * {@value #RDF}, the ONNX weights, a test input and its output as {@code .npy}, a cover and a
 * README. The input is the prepared image {@code [batch, channel, y, x]}; the output the class
 * probabilities {@code [batch, channel]}, one channel per class. What bioimage.io cannot say of the
 * preprocessing (the digit recipe's crop, fit and inversion) is in docs/preparing-images.md and, for this plugin,
 * under {@code config.digit_classifier}.
 */
public final class BioImageIoPackages {

	public static final String RDF = "rdf.yaml";
	/** The newest format version when written: channel names may be any string since 0.5.11. */
	static final String FORMAT_VERSION = "0.5.14";
	static final String WEIGHTS = "weights.onnx", TEST_INPUT = "test_input.npy", TEST_OUTPUT = "test_output.npy",
		COVER = "cover.png", README = "README.md";
	/** The tool's own section of {@code config}. */
	static final String CONFIG_KEY = "digit_classifier";

	private BioImageIoPackages() {}

	/** Writes a bundle as a package; {@code license} is an SPDX identifier for the weights. */
	public static void write(final ModelBundle bundle, final Path zip, final String license) throws IOException {
		final BundleMetadata m = bundle.metadata();
		final Preprocessing p = m.preprocessing();
		final byte[] onnx = OnnxExport.onnx(bundle);
		// The test input is what bioimage.io's tools are given: the image before the standardisation
		// its rdf.yaml says (they apply it); the output, what the network gives after it.
		final Preprocessing unstandardised = p.standardisation() == null ? p : p.withStandardisation(Preprocessing.Standardisation.identity(p.channels()));
		final float[] input = testInput(unstandardised);
		final float[] output = new NetworkClassifier(bundle).probabilities(testInput(p), 1);
		final Map<String, byte[]> files = new LinkedHashMap<>();
		files.put(WEIGHTS, onnx);
		files.put(TEST_INPUT, Npy.write(input, 1, p.channels(), p.height(), p.width()));
		files.put(TEST_OUTPUT, Npy.write(output, 1, m.classNames().size()));
		files.put(COVER, cover(input, output, p));
		files.put(README, readme(m, license).getBytes(StandardCharsets.UTF_8));
		final byte[] rdf = yaml().dump(rdf(m, id(bundle), license, files)).getBytes(StandardCharsets.UTF_8);
		AtomicFiles.write(zip, temp -> {
			try (OutputStream stream = Files.newOutputStream(temp); ZipOutputStream out = new ZipOutputStream(stream)) {
				out.putNextEntry(new ZipEntry(RDF));
				out.write(rdf);
				out.closeEntry();
				for (final Map.Entry<String, byte[]> file : files.entrySet()) {
					out.putNextEntry(new ZipEntry(file.getKey()));
					out.write(file.getValue());
					out.closeEntry();
				}
			}
		});
	}

	private static Map<String, Object> rdf(final BundleMetadata m, final String id, final String license, final Map<String, byte[]> files) {
		final Preprocessing p = m.preprocessing();
		final Map<String, Object> rdf = new LinkedHashMap<>();
		rdf.put("type", "model");
		rdf.put("format_version", FORMAT_VERSION);
		rdf.put("id", id);
		rdf.put("name", name(m));
		rdf.put("description", description(m));
		rdf.put("authors", List.of(ordered("name", "Digit Classifier")));
		rdf.put("cite", cite(m));
		rdf.put("license", license);
		rdf.put("documentation", README);
		rdf.put("covers", List.of(COVER));
		rdf.put("tags", List.of("classification", "2d", "onnx", "fiji", "digit-classifier"));
		rdf.put("timestamp", m.created());
		final Map<String, Object> in = new LinkedHashMap<>();
		in.put("id", OnnxExport.INPUT);
		in.put("description", "the image prepared as the README says: " + p.width() + "x" + p.height() + ", " +
			(p.channels() == 1 ? "grey" : "red, green, blue") + (p.standardisation() == null ? "" : ", before the standardisation below"));
		in.put("axes", List.of(ordered("type", "batch"), ordered("type", "channel", "channel_names",
			p.channels() == 1 ? List.of("grey") : List.of("red", "green", "blue")),
			ordered("type", "space", "id", "y", "size", p.height()), ordered("type", "space", "id", "x", "size", p.width())));
		in.put("data", ordered("type", "float32"));
		in.put("test_tensor", file(TEST_INPUT, files));
		in.put("preprocessing", List.of(preprocessing(p)));
		final Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", OnnxExport.OUTPUT);
		out.put("description", "the probability of each class");
		out.put("axes", List.of(ordered("type", "batch"), ordered("type", "channel", "channel_names", m.classNames())));
		out.put("data", ordered("type", "float32", "range", List.of(0.0, 1.0)));
		out.put("test_tensor", file(TEST_OUTPUT, files));
		rdf.put("inputs", List.of(in));
		rdf.put("outputs", List.of(out));
		final Map<String, Object> weights = new LinkedHashMap<>(file(WEIGHTS, files));
		weights.put("opset_version", OnnxExport.OPSET);
		rdf.put("weights", ordered("onnx", weights));
		final Map<String, Object> own = ModelBundles.gson().fromJson(OnnxModels.descriptionJson(m), new TypeToken<Map<String, Object>>() {}.getType());
		// JDLL (DeepImageJ's engine) names the model by the nickname, else the id, and fails without either.
		rdf.put("config", ordered("bioimageio", ordered("nickname", id), CONFIG_KEY, own));
		return rdf;
	}

	/** Digits and per-image stretched inputs: each image to 0..1; standardised ones: by the training images' figures. */
	private static Map<String, Object> preprocessing(final Preprocessing p) {
		if (p.standardisation() == null) {
			return ordered("id", "scale_range", "kwargs", ordered("axes", List.of("channel", "y", "x"), "min_percentile", 0.0, "max_percentile", 100.0));
		}
		return ordered("id", "fixed_zero_mean_unit_variance", "kwargs",
			ordered("axis", "channel", "mean", p.standardisation().mean(), "std", p.standardisation().std()));
	}

	/** A map of keys and values in the order given: rdf.yaml's keys come out in a stable order. */
	private static Map<String, Object> ordered(final Object... keysAndValues) {
		final Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		return map;
	}

	private static Map<String, Object> file(final String name, final Map<String, byte[]> files) {
		return ordered("source", name, "sha256", sha256(files.get(name)));
	}

	/**
	 * The package's id and nickname: the network and the start of its weights' SHA-256, so that a model
	 * keeps its id from export to export and two models do not share one. Lower case, digits and dashes,
	 * as bioimage.io's ids are; not its adjective-animal form, which would pass for a model of the zoo
	 * (uploading there gives the package one of those).
	 */
	static String id(final ModelBundle bundle) {
		final float[] weights = bundle.network().params().dup('c').ravel().toFloatVector();
		final ByteBuffer bytes = ByteBuffer.allocate(weights.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		bytes.asFloatBuffer().put(weights);
		final BundleMetadata m = bundle.metadata();
		return "digit-classifier-" + (m.recipe() == null ? "network" : m.recipe().network().id()) + "-" + sha256(bytes.array()).substring(0, 8);
	}

	/** Letters, digits and {@code _+- ()} only, as the format asks. */
	private static String name(final BundleMetadata m) {
		final String network = m.recipe() == null ? "network" : m.recipe().network().id().toUpperCase(Locale.ROOT);
		return "Digit Classifier " + network + " (" + m.classNames().size() + " classes)";
	}

	private static String description(final BundleMetadata m) {
		final String text = "A " + (m.recipe() == null ? "network" : m.recipe().network().id().toUpperCase(Locale.ROOT)) +
			" trained with Digit Classifier (a Fiji plugin) on " + (m.trainingImages() > 0 ? m.trainingImages() + " " : "") +
			"images of " + m.classNames().size() + " classes: " + String.join(", ", m.classNames()) + ". " + preparation(m.preprocessing()) +
			(m.metrics().containsKey("validation_accuracy") ?
				String.format(Locale.ROOT, " Validation accuracy %.4f.", m.metrics().get("validation_accuracy")) : "");
		return text.length() <= 1024 ? text : text.substring(0, 1021) + "...";
	}

	/** How an image becomes the input, in words: bioimage.io's preprocessing cannot say all of it. */
	static String preparation(final Preprocessing p) {
		final String fit = switch (p.fit()) {
			case CENTER_OF_MASS -> "Digits as MNIST's: background removed, " + (p.inversion() == Preprocessing.Inversion.NEVER ? "" :
				"inverted when dark on light, ") + "cropped to the ink, scaled to fit " + p.fitSize() + " px and centred by mass in " +
				p.width() + "x" + p.height() + (p.maxStroke() > 0 ? ", strokes thinned to " + p.maxStroke() + " px" : "") + ".";
			case RESIZE -> "The whole image stretched to " + p.width() + "x" + p.height() + ".";
			case CENTER_CROP -> "The largest centred square scaled to " + p.width() + "x" + p.height() + ".";
		};
		final String values = p.standardisation() == null ? " Each image's values stretched to 0..1." :
			" Values standardised per channel: (value - mean) / std, mean " + p.standardisation().mean() + ", std " + p.standardisation().std() +
				" (in the image's own units, 0..255 for 8-bit).";
		return fit + values;
	}

	/** Convolutional networks for handwriting (and MNIST), and batch normalisation when the network has it. */
	private static List<Map<String, Object>> cite(final BundleMetadata m) {
		final List<Map<String, Object>> cite = new ArrayList<>();
		cite.add(ordered("text", "LeCun, Bottou, Bengio and Haffner. Gradient-based learning applied to document recognition. Proc. IEEE 86(11), 1998",
			"doi", "10.1109/5.726791"));
		if (m.recipe() == null || m.recipe().network() == Architecture.CNN) {
			cite.add(ordered("text", "Ioffe and Szegedy. Batch normalization: accelerating deep network training by reducing internal covariate shift. ICML 2015",
				"url", "https://arxiv.org/abs/1502.03167"));
		}
		return cite;
	}

	private static String readme(final BundleMetadata m, final String license) {
		final Preprocessing p = m.preprocessing();
		final StringBuilder text = new StringBuilder();
		text.append("# ").append(name(m)).append("\n\n").append(description(m)).append("\n\n");
		text.append("## Input\n\n`").append(OnnxExport.INPUT).append("`: float32 `[batch, ").append(p.channels()).append(", ")
			.append(p.height()).append(", ").append(p.width()).append("]`. ").append(preparation(p)).append("\n\n");
		text.append("In Fiji, Digit Classifier prepares images this way itself: give it this package as `model_file` (Classify Current Image,\n")
			.append("Classify Folder, Evaluate, Read Number). Elsewhere, prepare the image as above.\n\n");
		text.append("## Output\n\n`").append(OnnxExport.OUTPUT).append("`: float32 `[batch, ").append(m.classNames().size())
			.append("]`, the softmax probability of each class, in this order: ").append(String.join(", ", m.classNames())).append(".\n\n");
		text.append("## Training\n\n");
		if (m.recipe() != null) {
			text.append(String.format(Locale.ROOT, "Network %s, %d epochs, batch %d, learning rate %g.%n", m.recipe().network().id(),
				m.recipe().epochs(), m.recipe().batchSize(), m.recipe().learningRate()));
		}
		m.metrics().forEach((k, v) -> text.append(String.format(Locale.ROOT, "- %s: %.4f%n", k, v)));
		text.append("\n## Validation\n\n`").append(TEST_INPUT).append("` through `").append(WEIGHTS).append("` (ONNX opset ").append(OnnxExport.OPSET)
			.append(") gives `").append(TEST_OUTPUT).append("`: the probabilities the DL4J network gave.\n\n");
		text.append("## Licence\n\n").append(license).append(", chosen by the exporter: change it in rdf.yaml to the terms of the training data\n")
			.append("before sharing. Exported by Digit Classifier ").append(ModelBundles.libraryVersion()).append(".\n");
		return text.toString();
	}

	/** A ring drawn on paper and prepared as the model prepares images: a test input any model can take. */
	private static float[] testInput(final Preprocessing p) {
		final BufferedImage drawn = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = drawn.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(new Color(235, 230, 220));
		g.fillRect(0, 0, 96, 96);
		g.setColor(new Color(30, 40, 90));
		g.setStroke(new BasicStroke(9));
		g.drawOval(26, 14, 44, 68);
		g.dispose();
		final float[] input = new float[p.pixelCount()];
		new Preprocessor(p).prepareInto(p.channels() == 1 ? ImageFiles.toFloat(drawn) : ImageFiles.toRgb(drawn), input, 0);
		return input;
	}

	/** 2:1, no text (no fonts needed): the test input on the left, a bar per class on the right, the highest darker. */
	private static byte[] cover(final float[] input, final float[] probabilities, final Preprocessing p) {
		final BufferedImage cover = new BufferedImage(512, 256, BufferedImage.TYPE_INT_RGB);
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
		for (final float v : input) {
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		final int plane = p.planeSize();
		for (int y = 0; y < 256; y++) {
			for (int x = 0; x < 256; x++) {
				final int i = y * p.height() / 256 * p.width() + x * p.width() / 256;
				int rgb = 0;
				for (int c = 0; c < 3; c++) {
					final float v = input[Math.min(c, p.channels() - 1) * plane + i];
					rgb = rgb << 8 | Math.round(max > min ? 255 * (v - min) / (max - min) : 0);
				}
				cover.setRGB(x, y, rgb);
			}
		}
		final Graphics2D g = cover.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(256, 0, 256, 256);
		int best = 0;
		for (int c = 0; c < probabilities.length; c++) if (probabilities[c] > probabilities[best]) best = c;
		final double width = 224.0 / probabilities.length;
		for (int c = 0; c < probabilities.length; c++) {
			g.setColor(c == best ? new Color(30, 60, 160) : new Color(150, 170, 210));
			final int h = Math.round(224 * probabilities[c]);
			g.fillRect((int) (272 + c * width), 240 - h, Math.max(1, (int) (width * 0.8)), h);
		}
		g.dispose();
		final ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(cover, "png", png);
		}
		catch (final IOException e) {
			throw new IllegalStateException("Could not encode the cover: " + e.getMessage(), e);
		}
		return png.toByteArray();
	}

	static String sha256(final byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java has SHA-256", e);
		}
	}

	private static Yaml yaml() {
		final DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setWidth(120);
		return new Yaml(new SafeConstructor(new LoaderOptions()), new org.yaml.snakeyaml.representer.Representer(options), options);
	}

	/** Whether a file is a zip with an {@value #RDF} (or {@code bioimageio.yaml}) at its top. */
	public static boolean isPackage(final Path file) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			return rdfEntry(zip) != null;
		}
		catch (final IOException e) {
			return false;
		}
	}

	private static ZipEntry rdfEntry(final ZipFile zip) {
		final ZipEntry rdf = zip.getEntry(RDF);
		return rdf != null ? rdf : zip.getEntry("bioimageio.yaml");
	}

	/**
	 * A package with ONNX weights, ready to classify: the classes are the output's channel names;
	 * the preprocessing is this plugin's own when the package has it ({@code config.digit_classifier}),
	 * else the whole image stretched to the input size with the package's fixed standardisation,
	 * linear scaling or 0-100% range scaling; a softmax in its postprocessing means the weights give logits.
	 */
	public static Classifier load(final Path zipFile) throws IOException {
		try (ZipFile zip = new ZipFile(zipFile.toFile())) {
			final ZipEntry rdfEntry = rdfEntry(zip);
			if (rdfEntry == null) throw new IOException("Model file " + zipFile + " is not a bioimage.io package: it has no " + RDF);
			final String describedIn = zipFile + "!/" + rdfEntry.getName();
			final Map<String, Object> rdf;
			try (InputStream in = zip.getInputStream(rdfEntry)) {
				rdf = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			}
			catch (final YAMLException | ClassCastException e) {
				throw new IOException(describedIn + " is not readable YAML: " + e.getMessage(), e);
			}
			if (rdf == null || !"model".equals(rdf.get("type"))) throw new IOException(describedIn + " does not describe a model (type: model)");
			final String version = String.valueOf(rdf.get("format_version"));
			if (!version.startsWith("0.5.")) {
				throw new IOException(describedIn + " has format_version " + version + "; packages of format 0.5 are read (bioimage.io's tools update older ones)");
			}
			final Map<?, ?> weights = map(rdf.get("weights"));
			final Map<?, ?> onnx = map(weights.get("onnx"));
			if (onnx.get("source") == null) {
				throw new IOException(describedIn + " has no ONNX weights (it has " + weights.keySet() + "): only ONNX weights can run here; " +
					"convert its weights to ONNX with bioimage.io's tools");
			}
			final String source = String.valueOf(onnx.get("source")).replaceFirst("^\\./", "");
			final ZipEntry weightsEntry = zip.getEntry(source);
			if (weightsEntry == null) throw new IOException(describedIn + " names ONNX weights " + source + " that the package lacks");
			final byte[] bytes;
			try (InputStream in = zip.getInputStream(weightsEntry)) {
				bytes = in.readAllBytes();
			}
			final Object sha = onnx.get("sha256");
			if (sha != null && !sha256(bytes).equalsIgnoreCase(String.valueOf(sha))) {
				throw new IOException(describedIn + ": the ONNX weights " + source + " do not match their sha256 (a damaged package)");
			}
			final JsonObject description;
			try {
				description = description(rdf, describedIn);
			}
			catch (final RuntimeException e) { // a value of the wrong kind where a number or list was expected
				throw new IOException(describedIn + " has a tensor description that cannot be used: " + e.getMessage(), e);
			}
			return OnnxModels.load(bytes, description, zipFile + "!/" + source, describedIn);
		}
		catch (final ZipException e) {
			throw ModelBundles.unreadableZip(zipFile, e);
		}
	}

	/** What {@link OnnxModels} needs to know, from the tool's own section or from the package's tensors. */
	private static JsonObject description(final Map<String, Object> rdf, final String describedIn) throws IOException {
		final Object own = map(rdf.get("config")).get(CONFIG_KEY);
		if (own instanceof Map<?, ?>) return ModelBundles.gson().toJsonTree(own).getAsJsonObject();
		final JsonObject json = new JsonObject();
		final Map<?, ?> output = first(rdf.get("outputs"), "outputs", describedIn);
		final JsonArray classNames = new JsonArray();
		for (final Object axis : list(output.get("axes"))) {
			if ("channel".equals(map(axis).get("type"))) list(map(axis).get("channel_names")).forEach(n -> classNames.add(String.valueOf(n)));
		}
		if (classNames.isEmpty()) throw new IOException(describedIn + ": its output has no channel axis with channel_names, so no class names");
		json.add("classNames", classNames);
		final Map<?, ?> input = first(rdf.get("inputs"), "inputs", describedIn);
		final JsonObject preprocessing = new JsonObject();
		preprocessing.addProperty("fit", "resize");
		preprocessing.add("standardisation", ModelBundles.gson().toJsonTree(standardisation(input, describedIn)));
		// The input's fixed sizes, for weights that leave them open.
		for (final Object axis : list(input.get("axes"))) {
			final Map<?, ?> a = map(axis);
			if (!(a.get("size") instanceof Integer size)) continue;
			if ("space".equals(a.get("type")) && "y".equals(a.get("id"))) preprocessing.addProperty("height", size);
			if ("space".equals(a.get("type")) && "x".equals(a.get("id"))) preprocessing.addProperty("width", size);
		}
		json.add("preprocessing", preprocessing);
		final boolean softmax = list(output.get("postprocessing")).stream().anyMatch(step -> "softmax".equals(map(step).get("id")));
		json.addProperty("scores", softmax ? "logits" : "probabilities");
		return json;
	}

	/** The package's preprocessing as a standardisation (null: each image stretched to 0..1). */
	private static Preprocessing.Standardisation standardisation(final Map<?, ?> input, final String describedIn) throws IOException {
		Preprocessing.Standardisation standardisation = new Preprocessing.Standardisation(List.of(0.0), List.of(1.0));
		String step = null;
		for (final Object entry : list(input.get("preprocessing"))) {
			final Map<?, ?> kwargs = map(map(entry).get("kwargs"));
			final String id = String.valueOf(map(entry).get("id"));
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

	private static Map<?, ?> first(final Object tensors, final String key, final String describedIn) throws IOException {
		final List<?> all = list(tensors);
		if (all.size() != 1) throw new IOException(describedIn + " has " + all.size() + " " + key + "; a classifier has one");
		return map(all.get(0));
	}

	private static Map<?, ?> map(final Object value) {
		return value instanceof Map<?, ?> m ? m : Map.of();
	}

	private static List<?> list(final Object value) {
		return value instanceof List<?> l ? l : List.of();
	}

	/** A number or a list of them under {@code key}; {@code otherwise} when it is missing (null: it must be there). */
	private static List<Double> numbers(final Map<?, ?> kwargs, final String key, final Double otherwise, final String describedIn) throws IOException {
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
