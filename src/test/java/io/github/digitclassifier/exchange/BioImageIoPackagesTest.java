package io.github.digitclassifier.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.github.digitclassifier.evaluate.EvaluationResult;
import io.github.digitclassifier.evaluate.Evaluator;
import io.github.digitclassifier.model.ModelBundle;
import io.github.digitclassifier.runtime.Classifier;
import io.github.digitclassifier.runtime.ModelKind;
import io.github.digitclassifier.runtime.dl4j.NetworkClassifier;
import io.github.digitclassifier.runtime.load.ModelFiles;
import onnx.Onnx;

class BioImageIoPackagesTest {

	@TempDir
	Path dir;

	private static Map<String, Object> rdf(final ZipFile zip) throws IOException {
		try (InputStream in = zip.getInputStream(zip.getEntry(BioImageIoPackages.RDF))) {
			return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
	}

	private static byte[] entry(final ZipFile zip, final String name) throws IOException {
		try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
			return in.readAllBytes();
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(final Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(final Object value) {
		return (List<Object>) value;
	}

	@Test
	void theBundledModelsPackageHasTheRequiredFieldsAndItsTestTensorsReproduceInOnnxRuntime() throws Exception {
		final Path zip = dir.resolve("digits.bioimageio.zip");
		Exports.export(null, ExportFormat.BIOIMAGEIO, zip);
		try (ZipFile package_ = new ZipFile(zip.toFile())) {
			final Map<String, Object> rdf = rdf(package_);
			for (final String key : List.of("type", "format_version", "id", "name", "description", "authors", "cite", "license", "documentation",
				"covers", "tags", "inputs", "outputs", "weights", "timestamp", "config"))
			{
				assertTrue(rdf.containsKey(key), "rdf.yaml lacks " + key);
			}
			assertEquals("model", rdf.get("type"));
			assertTrue(((String) rdf.get("format_version")).startsWith("0.5."));
			assertTrue(((String) rdf.get("name")).matches("[A-Za-z0-9_+\\- ()]{5,128}"), (String) rdf.get("name"));
			// JDLL (under DeepImageJ) fails on a package with neither an id nor config.bioimageio.nickname.
			final String id = (String) rdf.get("id");
			assertTrue(id.matches("digit-classifier-cnn-[0-9a-f]{8}"), id);
			assertEquals(id, map(map(rdf.get("config")).get("bioimageio")).get("nickname"));
			assertEquals(id, BioImageIoPackages.id(io.github.digitclassifier.model.ModelBundles.loadDefault()), "the same model, the same id");
			assertTrue(((String) rdf.get("description")).length() <= 1024);
			assertEquals("CC-BY-SA-3.0", rdf.get("license"), "trained on MNIST, share-alike");
			for (final Object cite : list(rdf.get("cite"))) assertTrue(map(cite).containsKey("doi") || map(cite).containsKey("url"), cite.toString());
			assertTrue(new String(entry(package_, (String) rdf.get("documentation")), StandardCharsets.UTF_8).contains("\n## Validation\n"));
			assertEquals(512, ImageIO.read(package_.getInputStream(package_.getEntry((String) list(rdf.get("covers")).get(0)))).getWidth());

			final Map<String, Object> input = map(list(rdf.get("inputs")).get(0)), output = map(list(rdf.get("outputs")).get(0));
			assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), map(list(output.get("axes")).get(1)).get("channel_names"));
			final Map<String, Object> onnx = map(map(rdf.get("weights")).get("onnx"));
			// The opset JDLL has ONNX Runtime for on every platform, in rdf.yaml and in the weights themselves
			// (read with nd4j-api's generated ONNX classes, which tests see unrelocated).
			assertEquals(17, onnx.get("opset_version"));
			final Onnx.ModelProto weights = Onnx.ModelProto.parseFrom(entry(package_, (String) onnx.get("source")));
			assertEquals(1, weights.getOpsetImportCount());
			assertEquals("", weights.getOpsetImport(0).getDomain());
			assertEquals(17, weights.getOpsetImport(0).getVersion());
			// What JDLL's tensor descriptions read without looking: each tensor's id and axes, each axis's
			// type, a channel axis's names and a space axis's id.
			for (final Object tensor : List.of(input, output)) {
				assertTrue(map(tensor).get("id") instanceof String, tensor.toString());
				for (final Object axis : list(map(tensor).get("axes"))) {
					final Object type = map(axis).get("type");
					assertTrue(type instanceof String, axis.toString());
					if (type.equals("channel")) assertTrue(map(axis).get("channel_names") instanceof List<?>, axis.toString());
					if (type.equals("space")) assertTrue(map(axis).get("id") instanceof String, axis.toString());
				}
			}
			// Every file is where rdf.yaml says, with the checksum it gives.
			for (final Map<String, Object> file : List.of(onnx, map(input.get("test_tensor")), map(output.get("test_tensor")))) {
				assertEquals(file.get("sha256"), Sha256.hex(entry(package_, (String) file.get("source"))));
			}
			final NpyArrays.Array in = NpyArrays.read(entry(package_, (String) map(input.get("test_tensor")).get("source")));
			final NpyArrays.Array out = NpyArrays.read(entry(package_, (String) map(output.get("test_tensor")).get("source")));
			assertArrayEquals(new long[] { 1, 1, 28, 28 }, in.shape());
			assertArrayEquals(new long[] { 1, 10 }, out.shape());
			// ONNX Runtime itself, as bioimage.io's tools run the weights: the test output, to 1e-5.
			final OrtEnvironment environment = OrtEnvironment.getEnvironment();
			try (OrtSession session = environment.createSession(entry(package_, (String) onnx.get("source")));
				OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(in.values()), in.shape());
				OrtSession.Result result = session.run(Map.of((String) input.get("id"), tensor)))
			{
				final float[][] probabilities = (float[][]) result.get((String) output.get("id")).orElseThrow().getValue();
				assertArrayEquals(out.values(), probabilities[0], 1e-5f);
			}
			assertTrue(out.values()[0] > 0.5, "the test input is a ring, a 0 to the digit model");
		}
		// The package works as a model file: Evaluate gives what it gives with the bundle.
		final EvaluationResult bundle = Evaluator.evaluate(new NetworkClassifier(io.github.digitclassifier.model.ModelBundles.loadDefault()),
			Path.of("sample-data/test"));
		try (Classifier model = ModelFiles.load(zip)) {
			assertEquals(bundle.report().table().text(), Evaluator.evaluate(model, Path.of("sample-data/test")).report().table().text());
		}
	}

	/** The package with its rdf.yaml changed. */
	private Path rewritten(final Path zip, final String name, final UnaryOperator<Map<String, Object>> change) throws IOException {
		final Path copy = dir.resolve(name);
		try (ZipFile in = new ZipFile(zip.toFile()); OutputStream stream = Files.newOutputStream(copy); ZipOutputStream out = new ZipOutputStream(stream)) {
			for (final ZipEntry entry : java.util.Collections.list(in.entries())) {
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(entry.getName().equals(BioImageIoPackages.RDF) ?
					new Yaml().dump(change.apply(new LinkedHashMap<>(rdf(in)))).getBytes(StandardCharsets.UTF_8) : entry(in, entry.getName()));
				out.closeEntry();
			}
		}
		return copy;
	}

	@Test
	void aPackageMadeElsewhereIsReadFromItsTensorDescriptions() throws IOException {
		final ModelBundle colour = OnnxExportTest.random(io.github.digitclassifier.model.Architecture.CNN, 48);
		final Path zip = dir.resolve("colour.zip");
		BioImageIoPackages.write(colour, zip, "CC-BY-4.0");
		// Without this plugin's own section: read from the tensors' descriptions.
		final Path elsewhere = rewritten(zip, "elsewhere.zip", rdf -> {
			rdf.remove("config");
			return rdf;
		});
		try (Classifier model = ModelFiles.load(elsewhere)) {
			assertEquals(colour.metadata().classNames(), model.classNames());
			assertEquals(colour.metadata().preprocessing().standardisation(), model.preprocessing().standardisation());
			assertEquals(io.github.digitclassifier.preprocess.Preprocessing.Fit.RESIZE, model.preprocessing().fit());
			final float[] images = new float[3 * 3 * 48 * 48];
			final Random random = new Random(1);
			for (int i = 0; i < images.length; i++) images[i] = (float) random.nextGaussian();
			assertArrayEquals(new NetworkClassifier(colour).probabilities(images, 3), model.probabilities(images, 3), 1e-5f);
		}
	}

	@Test
	void aStandardisedModelsTestInputIsTheImageBeforeTheStandardisationItsPackageSays() throws Exception {
		final ModelBundle colour = OnnxExportTest.random(io.github.digitclassifier.model.Architecture.LENET, 32);
		final Path zip = dir.resolve("colour.zip");
		BioImageIoPackages.write(colour, zip, "CC-BY-4.0");
		try (ZipFile package_ = new ZipFile(zip.toFile())) {
			final Map<String, Object> rdf = rdf(package_);
			final Map<String, Object> input = map(list(rdf.get("inputs")).get(0)), output = map(list(rdf.get("outputs")).get(0));
			assertEquals(BioImageIoPackages.id(colour), rdf.get("id"));
			assertNotEquals(BioImageIoPackages.id(OnnxExportTest.random(io.github.digitclassifier.model.Architecture.LENET, 48)), rdf.get("id"),
				"another model, another id");
			final Map<String, Object> step = map(list(input.get("preprocessing")).get(0));
			assertEquals("fixed_zero_mean_unit_variance", step.get("id"));
			final List<Object> mean = list(map(step.get("kwargs")).get("mean")), std = list(map(step.get("kwargs")).get("std"));
			// As bioimage.io's tools do: the package's preprocessing on the test input, then the weights.
			final NpyArrays.Array in = NpyArrays.read(entry(package_, (String) map(input.get("test_tensor")).get("source")));
			final float[] standardised = in.values().clone();
			final int plane = 32 * 32;
			for (int i = 0; i < standardised.length; i++) {
				standardised[i] = (float) ((standardised[i] - ((Number) mean.get(i / plane)).doubleValue()) / ((Number) std.get(i / plane)).doubleValue());
			}
			final OrtEnvironment environment = OrtEnvironment.getEnvironment();
			try (OrtSession session = environment.createSession(entry(package_, WEIGHTS_SOURCE.apply(rdf)));
				OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(standardised), in.shape());
				OrtSession.Result result = session.run(Map.of((String) input.get("id"), tensor)))
			{
				final float[][] probabilities = (float[][]) result.get(0).getValue();
				assertArrayEquals(NpyArrays.read(entry(package_, (String) map(output.get("test_tensor")).get("source"))).values(), probabilities[0], 1e-5f);
			}
		}
	}

	private static final java.util.function.Function<Map<String, Object>, String> WEIGHTS_SOURCE =
		rdf -> (String) map(map(rdf.get("weights")).get("onnx")).get("source");

	@Test
	void aPackageWhoseWeightsLeaveTheSizeOpenTakesItFromItsAxes() throws IOException {
		final byte[] weights = OnnxFilesTest.anySize();
		final Map<String, Object> rdf = new LinkedHashMap<>();
		rdf.put("type", "model");
		rdf.put("format_version", "0.5.4");
		rdf.put("inputs", List.of(Map.of("id", "x", "axes", List.of(Map.of("type", "batch"), Map.of("type", "channel", "channel_names", List.of("grey")),
			Map.of("type", "space", "id", "y", "size", 10), Map.of("type", "space", "id", "x", "size", 12)))));
		rdf.put("outputs", List.of(Map.of("id", "scores", "axes", List.of(Map.of("type", "batch"),
			Map.of("type", "channel", "channel_names", List.of("a", "b", "c"))))));
		rdf.put("weights", Map.of("onnx", Map.of("source", "w.onnx", "sha256", Sha256.hex(weights), "opset_version", OnnxExport.OPSET)));
		final Path zip = dir.resolve("open.zip");
		try (OutputStream stream = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(stream)) {
			out.putNextEntry(new ZipEntry("rdf.yaml"));
			out.write(new Yaml().dump(rdf).getBytes(StandardCharsets.UTF_8));
			out.putNextEntry(new ZipEntry("w.onnx"));
			out.write(weights);
		}
		try (Classifier model = ModelFiles.load(zip)) {
			assertEquals(List.of("a", "b", "c"), model.classNames());
			assertEquals(List.of(10, 12), List.of(model.preprocessing().height(), model.preprocessing().width()));
			assertEquals(3, model.probabilities(new float[120], 1).length);
		}
	}

	@Test
	void packagesThatCannotRunHereAreRefusedNamingThem() throws Exception {
		final Path zip = dir.resolve("digits.zip");
		BioImageIoPackages.write(io.github.digitclassifier.model.ModelBundles.loadDefault(), zip, "CC-BY-4.0");
		final Path torch = rewritten(zip, "torchscript.zip", rdf -> {
			rdf.put("weights", Map.of("torchscript", Map.of("source", "weights.pt")));
			return rdf;
		});
		final String noOnnx = assertThrows(IOException.class, () -> ModelFiles.load(torch)).getMessage();
		assertTrue(noOnnx.contains("torchscript.zip") && noOnnx.contains("no ONNX weights") && noOnnx.contains("torchscript"), noOnnx);
		final Path old = rewritten(zip, "old.zip", rdf -> {
			rdf.put("format_version", "0.4.10");
			return rdf;
		});
		final String tooOld = assertThrows(IOException.class, () -> ModelFiles.load(old)).getMessage();
		assertTrue(tooOld.contains("old.zip") && tooOld.contains("0.4.10"), tooOld);
		final Path segmentation = rewritten(zip, "percentiles.zip", rdf -> {
			rdf.remove("config");
			map(list(rdf.get("inputs")).get(0)).put("preprocessing", List.of(Map.of("id", "zero_mean_unit_variance", "kwargs", Map.of())));
			return rdf;
		});
		final String unsupported = assertThrows(IOException.class, () -> ModelFiles.load(segmentation)).getMessage();
		assertTrue(unsupported.contains("percentiles.zip") && unsupported.contains("zero_mean_unit_variance"), unsupported);
		assertEquals(ModelKind.BUNDLE, ModelKind.of(Path.of("models/digit-classifier-mnist.zip")), "a bundle is no package");
	}
}
