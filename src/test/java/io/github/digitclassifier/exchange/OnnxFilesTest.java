package io.github.digitclassifier.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.runtime.Classifier;
import io.github.digitclassifier.runtime.load.ModelFiles;

/** ONNX models made elsewhere, written by hand here: a linear classifier over the pixels. */
class OnnxFilesTest {

	@TempDir
	Path dir;

	/**
	 * {@code input} of the given shape, flattened, times weights {@code w[i][k] = (i % 7 - 3) * (k + 1) / 100}
	 * (the flattened input's index i, class k), then a softmax when {@code softmax}.
	 */
	private Path linear(final String name, final long[] inputDims, final int classes, final boolean softmax, final String description)
		throws IOException
	{
		long size = 1;
		for (final long d : inputDims) size *= d;
		final float[] w = new float[(int) size * classes];
		for (int i = 0; i < size; i++) for (int k = 0; k < classes; k++) w[i * classes + k] = (i % 7 - 3) * (k + 1) / 100f;
		final OnnxGraph graph = new OnnxGraph();
		final String flat = graph.node("Flatten", List.of("x"), OnnxGraph.integer("axis", 1));
		String y = graph.node("MatMul", List.of(flat, graph.initialiser("w", w, size, classes)));
		if (softmax) y = graph.node("Softmax", List.of(y), OnnxGraph.integer("axis", 1));
		final Path file = dir.resolve(name + ".onnx");
		Files.write(file, graph.model("x", inputDims, "scores", new long[] { classes }, "test", "a test"));
		Files.writeString(OnnxFiles.descriptionOf(file), description);
		return file;
	}

	private static final String THREE_CLASSES = "{\"classNames\": [\"a\", \"b\", \"c\"], \"preprocessing\": {\"fit\": \"resize\", " +
		"\"standardisation\": {\"mean\": [0], \"std\": [1]}}";

	/** What the linear model gives for images [n, c, h, w] flattened in the order {@code order} says. */
	private static float[] expected(final float[] images, final int n, final int classes, final int[] order) {
		final int size = images.length / n;
		final float[] out = new float[n * classes];
		for (int i = 0; i < n; i++) {
			double max = Double.NEGATIVE_INFINITY, sum = 0;
			final double[] logits = new double[classes];
			for (int k = 0; k < classes; k++) {
				for (int j = 0; j < size; j++) logits[k] += images[i * size + order[j]] * (j % 7 - 3) * (k + 1) / 100.0;
				max = Math.max(max, logits[k]);
			}
			for (int k = 0; k < classes; k++) sum += Math.exp(logits[k] - max);
			for (int k = 0; k < classes; k++) out[i * classes + k] = (float) (Math.exp(logits[k] - max) / sum);
		}
		return out;
	}

	private static float[] images(final int n, final int size) {
		final java.util.Random random = new java.util.Random(2);
		final float[] images = new float[n * size];
		for (int i = 0; i < images.length; i++) images[i] = random.nextFloat();
		return images;
	}

	@Test
	void aKerasLikeChannelsLastInputGetsItsPixelsInItsOrder() throws IOException {
		// [batch, h=6, w=5, c=3]: the plugin's planes (c, y, x) must arrive as (y, x, c).
		final Path file = linear("keras", new long[] { 6, 5, 3 }, 3, true, THREE_CLASSES + "}");
		final int[] order = new int[90];
		for (int y = 0, j = 0; y < 6; y++) for (int x = 0; x < 5; x++) for (int c = 0; c < 3; c++) order[j++] = c * 30 + y * 5 + x;
		try (Classifier model = ModelFiles.load(file)) {
			final Preprocessing p = model.preprocessing();
			assertEquals(List.of(3, 6, 5), List.of(p.channels(), p.height(), p.width()));
			assertEquals(List.of(0.0, 0.0, 0.0), p.standardisation().mean(), "one mean serves every channel");
			final float[] images = images(4, 90);
			assertArrayEquals(expected(images, 4, 3, order), model.probabilities(images, 4), 1e-5f);
		}
	}

	@Test
	void logitsAreTurnedIntoProbabilitiesWhenTheDescriptionSaysSo() throws IOException {
		final Path logits = linear("logits", new long[] { 1, 8, 8 }, 3, false, THREE_CLASSES + ", \"scores\": \"logits\"}");
		final int[] order = java.util.stream.IntStream.range(0, 64).toArray();
		final float[] images = images(3, 64);
		try (Classifier model = ModelFiles.load(logits)) {
			assertArrayEquals(expected(images, 3, 3, order), model.probabilities(images, 3), 1e-5f);
		}
		// Said to be probabilities, they are refused when classifying, with a hint.
		final Path unsaid = linear("unsaid", new long[] { 1, 8, 8 }, 3, false, THREE_CLASSES + "}");
		try (Classifier model = ModelFiles.load(unsaid)) {
			final String message = assertThrows(IllegalArgumentException.class, () -> model.probabilities(images, 3)).getMessage();
			assertTrue(message.contains(unsaid.toString()) && message.contains("\"scores\": \"logits\""), message);
		}
	}

	@Test
	void aGreyInputWithoutAChannelAxisIsAnImageToo() throws IOException {
		final Path file = linear("grey", new long[] { 7, 9 }, 3, true, THREE_CLASSES + "}");
		try (Classifier model = ModelFiles.load(file)) {
			assertEquals(List.of(1, 7, 9), List.of(model.preprocessing().channels(), model.preprocessing().height(), model.preprocessing().width()));
			final float[] images = images(2, 63);
			assertArrayEquals(expected(images, 2, 3, java.util.stream.IntStream.range(0, 63).toArray()), model.probabilities(images, 2), 1e-5f);
		}
	}

	@Test
	void inputsThatAreNotImagesAndOutputsThatAreNotClassScoresAreRefusedNamingTheFile() throws IOException {
		final Path flat = linear("flat", new long[] { 784 }, 3, true, THREE_CLASSES + "}");
		final String notImages = assertThrows(IOException.class, () -> ModelFiles.load(flat)).getMessage();
		assertTrue(notImages.contains(flat.toString()) && notImages.contains("does not take images"), notImages);

		final Path five = linear("five", new long[] { 1, 8, 8 }, 5, true, THREE_CLASSES + "}");
		final String notScores = assertThrows(IOException.class, () -> ModelFiles.load(five)).getMessage();
		assertTrue(notScores.contains(five.toString()) && notScores.contains("names 3 classes") && notScores.contains("gives 5 scores"), notScores);

		final Path noClasses = linear("noclasses", new long[] { 1, 8, 8 }, 3, true, "{\"preprocessing\": {\"fit\": \"resize\"}}");
		final String noNames = assertThrows(IOException.class, () -> ModelFiles.load(noClasses)).getMessage();
		assertTrue(noNames.contains("noclasses.onnx.json") && noNames.contains("classNames"), noNames);

		final Path badFit = linear("badfit", new long[] { 1, 8, 8 }, 3, true, "{\"classNames\": [\"a\", \"b\", \"c\"], \"preprocessing\": {\"fit\": \"stretch\"}}");
		final String unusable = assertThrows(IOException.class, () -> ModelFiles.load(badFit)).getMessage();
		assertTrue(unusable.contains("badfit.onnx.json") && unusable.contains("preprocessing"), unusable);
	}

	/**
	 * ONNX Runtime 1.29.0 killed the JVM at start when the system properties were long, as Fiji's
	 * class path is; Surefire hides that by passing its class path in a jar's manifest. So: a JVM
	 * of its own with a 100,000-character property, classifying with an exported model.
	 */
	@Test
	void aJvmWithLongSystemPropertiesRunsOnnxModels() throws Exception {
		final Path onnx = dir.resolve("digits.onnx");
		OnnxFiles.export(io.github.digitclassifier.model.ModelBundles.loadDefault(), onnx);
		final Path out = dir.resolve("predictions.csv");
		final Path cache = Files.createDirectories(dir.resolve("cache"));
		final io.github.digitclassifier.Processes.Result result = io.github.digitclassifier.Processes.run(new ProcessBuilder(
			Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dlong=" + "x".repeat(100_000),
			"-Dorg.bytedeco.javacpp.cachedir=" + cache, "-cp", System.getProperty("java.class.path"), "io.github.digitclassifier.cli.Main",
			"classify", "folder=sample-data/test", "model_file=" + onnx, "output_file=" + out).redirectErrorStream(true), 300);
		final String output = result.describe();
		assertEquals(0, result.exitCode(), output);
		assertEquals(201, Files.readAllLines(out).size(), output);
		// ONNX Runtime's libraries were unpacked into the cache, to be used from there by the next start.
		try (java.util.stream.Stream<Path> unpacked = Files.walk(cache)) {
			assertTrue(unpacked.anyMatch(f -> f.getFileName().toString().equals("libonnxruntime.so")), output);
		}
	}

	/** A network of any image size: the mean of each channel, then a linear map to 3 classes. */
	static byte[] anySize() {
		final OnnxGraph graph = new OnnxGraph();
		final String mean = graph.node("Flatten", List.of(graph.node("GlobalAveragePool", List.of("x"))), OnnxGraph.integer("axis", 1));
		final String y = graph.node("MatMul", List.of(mean, graph.initialiser("w", new float[] { 1, 2, 3 }, 1, 3)));
		graph.node("Softmax", List.of(y), OnnxGraph.integer("axis", 1));
		return graph.model("x", new long[] { 1, -1, -1 }, "scores", new long[] { 3 }, "test", "any size");
	}

	@Test
	void aNetworkThatLeavesTheImageSizeOpenTakesItFromTheDescription() throws IOException {
		final Path open = Files.write(dir.resolve("open.onnx"), anySize());
		Files.writeString(OnnxFiles.descriptionOf(open), THREE_CLASSES + "}");
		final String message = assertThrows(IOException.class, () -> ModelFiles.load(open)).getMessage();
		assertTrue(message.contains("open.onnx.json") && message.contains("must give the height"), message);
		Files.writeString(OnnxFiles.descriptionOf(open), "{\"classNames\": [\"a\", \"b\", \"c\"], \"preprocessing\": {\"fit\": \"resize\", " +
			"\"width\": 12, \"height\": 10, \"standardisation\": {\"mean\": [0], \"std\": [1]}}}");
		try (Classifier model = ModelFiles.load(open)) {
			assertEquals(List.of(1, 10, 12), List.of(model.preprocessing().channels(), model.preprocessing().height(), model.preprocessing().width()));
			final float[] image = new float[120];
			java.util.Arrays.fill(image, 0.5f);
			// Mean 0.5 times 1, 2, 3: softmax of 0.5, 1, 1.5.
			final double sum = Math.exp(0.5) + Math.exp(1) + Math.exp(1.5);
			assertArrayEquals(new float[] { (float) (Math.exp(0.5) / sum), (float) (Math.exp(1) / sum), (float) (Math.exp(1.5) / sum) },
				model.probabilities(image, 1), 1e-6f);
		}
	}
}
