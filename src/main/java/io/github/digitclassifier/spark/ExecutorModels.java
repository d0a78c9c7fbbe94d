package io.github.digitclassifier.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.digitclassifier.predict.Predictor;
import io.github.digitclassifier.read.ReadOptions;
import io.github.digitclassifier.read.ReadsNumbers;
import io.github.digitclassifier.read.train.Readers;
import io.github.digitclassifier.runtime.Classifier;
import io.github.digitclassifier.runtime.load.ModelFiles;

/**
 * The models an executor JVM holds: one per broadcast model (by its hash) and use, opened by the
 * first task that needs it and shared by every task after it, so one ONNX Runtime session serves
 * all of a JVM's task threads (sessions are safe from several threads). They stay open until the
 * JVM ends, as executors are reused by the next job.
 */
final class ExecutorModels {

	/** What a task works with: a predictor and the class names (classify), or a reader (read). */
	record Loaded(Predictor predictor, List<String> classNames, ReadsNumbers reader) {}

	private static final Map<String, Loaded> LOADED = new ConcurrentHashMap<>();

	private ExecutorModels() {}

	static Loaded get(final ModelSource source, final JobOptions.Mode mode, final ReadOptions options) {
		final String key = source.hash + " " + mode + (mode == JobOptions.Mode.READ ? " " + options : "");
		return LOADED.computeIfAbsent(key, k -> {
			try {
				return open(source, mode, options);
			}
			catch (final IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	/** Opens the model as the plugin's commands open a {@code model_file} (Classify Folder, Read Numbers in Folder). */
	private static Loaded open(final ModelSource source, final JobOptions.Mode mode, final ReadOptions options) throws IOException {
		final Path modelFile = materialise(source);
		if (mode == JobOptions.Mode.CLASSIFY) {
			final Classifier model = ModelFiles.loadOrDefault(modelFile);
			return new Loaded(new Predictor(model), model.classNames(), null);
		}
		return new Loaded(null, null, Readers.open(modelFile, options).reader());
	}

	/** The broadcast files written to a folder of this JVM's own, under their names: the model file's path (null: bundled). */
	private static Path materialise(final ModelSource source) throws IOException {
		if (source.bundled()) return null;
		final Path dir = Files.createTempDirectory("digit-classifier-model-");
		dir.toFile().deleteOnExit();
		Path first = null;
		for (final Map.Entry<String, byte[]> file : source.files.entrySet()) {
			final Path path = dir.resolve(file.getKey());
			Files.write(path, file.getValue());
			path.toFile().deleteOnExit();
			if (first == null) first = path;
		}
		return first;
	}
}
