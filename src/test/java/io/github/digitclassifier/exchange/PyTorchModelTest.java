package io.github.digitclassifier.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.digitclassifier.predict.FilePrediction;
import io.github.digitclassifier.predict.FolderPredictions;
import io.github.digitclassifier.predict.Predictor;
import io.github.digitclassifier.runtime.Classifier;
import io.github.digitclassifier.runtime.load.ModelFiles;

/**
 * A LeNet trained with Debian's PyTorch on MNIST ({@code scripts/torch_lenet_onnx.py}) and exported
 * with {@code torch.onnx.export} classifies the MNIST test images here as it does in PyTorch. Runs
 * where python3-torch and MNIST are ({@code scripts/test.sh} installs both).
 */
class PyTorchModelTest {

	private static final Path PYTHON = Path.of("/usr/bin/python3");
	private static final Path MNIST = Path.of("data/mnist");

	@TempDir
	Path dir;

	@Test
	void aPyTorchLeNetPredictsHereWhatItPredictsInPyTorch() throws Exception {
		assumeTrue(Files.isDirectory(MNIST.resolve("test")) && Files.isDirectory(MNIST.resolve("train")), "no MNIST in " + MNIST);
		assumeTrue(run(PYTHON.toString(), "-c", "import torch, PIL, numpy") == 0, "no python3-torch, python3-pil, python3-numpy");
		assertEquals(0, run(PYTHON.toString(), "scripts/torch_lenet_onnx.py", "train=" + MNIST.resolve("train"), "test=" + MNIST.resolve("test"),
			"out=" + dir, "epochs=1", "limit=12000"), "the PyTorch script failed: see its output above");

		final List<String> rows = Files.readAllLines(dir.resolve("predictions.csv"));
		final Map<String, String[]> pytorch = new HashMap<>();
		for (final String row : rows.subList(1, rows.size())) pytorch.put(row.split(",")[0], row.split(","));
		final FolderPredictions here;
		try (Classifier model = ModelFiles.load(dir.resolve("lenet.onnx"))) {
			here = new Predictor(model).predictFolder(MNIST.resolve("test"));
		}
		assertEquals(10_000, here.predictions().size());
		assertEquals(pytorch.size(), here.predictions().size());
		int right = 0;
		for (final FilePrediction p : here.predictions()) {
			final String[] theirs = pytorch.get(p.file());
			assertEquals(theirs[1], p.prediction().className(), p.file());
			for (int c = 0; c < 10; c++) assertEquals(Double.parseDouble(theirs[2 + c]), p.prediction().probabilities()[c], 1e-4, p.file());
			if (p.file().startsWith(p.prediction().className() + "/")) right++;
		}
		System.out.println("PyTorch LeNet through ONNX Runtime: " + right / 100.0 + "% of the MNIST test images right, as in PyTorch");
	}

	/** Runs a command with its output shown, for at most 10 minutes; returns its exit code. */
	private static int run(final String... command) throws IOException, InterruptedException {
		if (!Files.isExecutable(PYTHON)) return -1;
		final Process process = new ProcessBuilder(command).inheritIO().start();
		if (!process.waitFor(10, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IOException("Timed out: " + String.join(" ", command));
		}
		return process.exitValue();
	}
}
