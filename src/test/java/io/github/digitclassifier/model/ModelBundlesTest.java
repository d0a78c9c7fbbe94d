package io.github.digitclassifier.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.digitclassifier.TinyModel;
import io.github.digitclassifier.data.ImageFiles;
import io.github.digitclassifier.predict.Prediction;
import io.github.digitclassifier.predict.Predictor;
import io.github.digitclassifier.runtime.dl4j.NetworkClassifier;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

class ModelBundlesTest {

	@TempDir
	Path dir;

	@Test
	void roundTripPredictsTheSameProbabilities() throws Exception {
		final ModelBundle bundle = TinyModel.result().bundle();
		final Path file = dir.resolve("model.zip");
		ModelBundles.save(bundle, file, null);
		final ModelBundle loaded = ModelBundles.load(file);
		assertEquals(bundle.metadata(), loaded.metadata());
		final List<Path> images;
		try (Stream<Path> files = Files.walk(TinyModel.test())) {
			images = files.filter(Files::isRegularFile).sorted().limit(12).toList();
		}
		final var decoded = images.stream().map(ModelBundlesTest::read).toList();
		final List<Prediction> before = new Predictor(new NetworkClassifier(bundle)).predict(decoded);
		final List<Prediction> after = new Predictor(new NetworkClassifier(loaded)).predict(decoded);
		for (int i = 0; i < before.size(); i++) {
			assertArrayEquals(before.get(i).probabilities(), after.get(i).probabilities(), 1e-6);
		}
		// No temporary file is left beside the model.
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(List.of(file), files.toList());
		}
		// Plain DL4J reads the bundle too.
		assertEquals(bundle.network().params(), ModelSerializer.restoreMultiLayerNetwork(file.toFile()).params());
	}

	/**
	 * A format version 1 bundle (the model bundled until the handwriting model replaced it) must
	 * read as grey, stretched per image, one pass an epoch, no stroke limit, and classify
	 * exactly as the version 1 code did. The reference is what {@code classify
	 * folder=sample-data/test} printed before format version 2.
	 */
	@Test
	void aFormatVersionOneBundleLoadsAndClassifiesAsBefore() throws Exception {
		final Path old = dir.resolve("format1.zip");
		try (InputStream in = ModelBundlesTest.class.getResourceAsStream("format1-bundle.zip")) {
			Files.copy(in, old);
		}
		final ModelBundle bundled = ModelBundles.load(old);
		final BundleMetadata metadata = bundled.metadata();
		assertEquals(1, metadata.formatVersion());
		assertEquals(new io.github.digitclassifier.preprocess.Preprocessing(28, 28, io.github.digitclassifier.preprocess.Preprocessing.Fit.CENTER_OF_MASS,
			io.github.digitclassifier.preprocess.Preprocessing.Inversion.AUTO, 20, 1, null, 0), metadata.preprocessing());
		assertEquals(1, metadata.preprocessing().channels());
		assertEquals(null, metadata.preprocessing().standardisation());
		assertEquals(0, metadata.recipe().minUpdatesPerEpoch());
		assertEquals(List.of(), metadata.choices());
		final List<String> reference;
		try (InputStream in = ModelBundlesTest.class.getResourceAsStream("format1-bundle-sample-test.csv")) {
			reference = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
		}
		final var predictions = new Predictor(new NetworkClassifier(bundled)).predictFolder(Path.of("sample-data/test")).predictions();
		assertEquals(reference.size(), predictions.size());
		for (int i = 0; i < reference.size(); i++) {
			final String[] expected = reference.get(i).split(",");
			assertEquals(expected[0], predictions.get(i).file());
			assertEquals(expected[1], predictions.get(i).prediction().className(), expected[0]);
			final double[] probabilities = Arrays.stream(expected, 3, expected.length).mapToDouble(Double::parseDouble).toArray();
			// Six significant digits were written.
			assertArrayEquals(probabilities, predictions.get(i).prediction().probabilities(), 1e-5, expected[0]);
		}
	}

	@Test
	void refusesWhatIsNotAWholeBundleNamingTheFile() throws Exception {
		final Path good = dir.resolve("good.zip");
		ModelBundles.save(TinyModel.result().bundle(), good, null);
		final byte[] bytes = Files.readAllBytes(good);

		final Path text = Files.writeString(dir.resolve("text.zip"), "not a zip");
		assertRefused(text, "not a zip");
		final Path truncated = Files.write(dir.resolve("truncated.zip"), Arrays.copyOf(bytes, bytes.length / 2));
		assertRefused(truncated, "truncated");
		assertRefused(dir.resolve("missing.zip"), "not found");
		assertRefused(dir, "is a folder");

		final Path plain = dir.resolve("plain.zip");
		ModelSerializer.writeModel(TinyModel.result().bundle().network(), plain.toFile(), false);
		assertRefused(plain, "plain DL4J model");

		final Path newer = rewritten(good, "newer.zip", METADATA_ENTRY_NAME,
			json -> json.replace("\"formatVersion\": " + BundleMetadata.FORMAT_VERSION, "\"formatVersion\": 99"));
		assertRefused(newer, "newer Digit Classifier");

		final Path extra = rewritten(good, "extra.zip", "normalizer.bin", json -> json);
		assertRefused(extra, "normalizer.bin");

		// A configuration that would have Jackson build some other class, even spelt with an escape.
		final Path crafted = rewritten(good, "crafted.zip", "configuration.json",
			json -> json.replace("\"@class\" : \"org.deeplearning4j.nn.conf.layers.ConvolutionLayer\"",
				"\"\\" + "u0040class\" : \"java.net.URLClassLoader\""));
		assertRefused(crafted, "java.net.URLClassLoader");
	}

	@Test
	void aFailedSaveLeavesTheEarlierFileIntact() throws Exception {
		final Path file = dir.resolve("model.zip");
		Files.writeString(file, "earlier content");
		final ModelBundle broken = new ModelBundle(null, TinyModel.result().bundle().metadata());
		assertThrows(RuntimeException.class, () -> ModelBundles.save(broken, file, null));
		assertEquals("earlier content", Files.readString(file));
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(1, files.count());
		}
	}

	private static final String METADATA_ENTRY_NAME = ModelBundles.METADATA_ENTRY;

	private static void assertRefused(final Path file, final String why) {
		final String message = assertThrows(IOException.class, () -> ModelBundles.load(file)).getMessage();
		assertTrue(message.contains(file.toString()), message);
		assertTrue(message.contains(why), message);
	}

	/** A copy of a bundle with one entry's text changed, or a new entry added with the metadata's text. */
	private Path rewritten(final Path bundle, final String name, final String entryName,
		final java.util.function.UnaryOperator<String> change) throws IOException
	{
		final Path copy = dir.resolve(name);
		try (ZipFile in = new ZipFile(bundle.toFile()); OutputStream stream = Files.newOutputStream(copy);
			ZipOutputStream out = new ZipOutputStream(stream))
		{
			boolean written = false;
			for (final Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements();) {
				final ZipEntry entry = e.nextElement();
				out.putNextEntry(new ZipEntry(entry.getName()));
				try (InputStream data = in.getInputStream(entry)) {
					byte[] content = data.readAllBytes();
					if (entry.getName().equals(entryName)) {
						content = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
						written = true;
					}
					out.write(content);
				}
				out.closeEntry();
			}
			if (!written) {
				out.putNextEntry(new ZipEntry(entryName));
				out.write(new byte[] { 1, 2, 3 });
				out.closeEntry();
			}
		}
		assertFalse(Files.size(copy) == 0);
		return copy;
	}

	private static ArrayImg<FloatType, FloatArray> read(final Path file) {
		try {
			return ImageFiles.read(file);
		}
		catch (final IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
