package io.github.digitclassifier.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.github.digitclassifier.io.AtomicFiles;
import io.github.digitclassifier.model.Architecture;
import io.github.digitclassifier.model.BundleMetadata;
import io.github.digitclassifier.model.ModelBundle;
import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.runtime.ModelKind;
import io.github.digitclassifier.runtime.dl4j.NetworkClassifier;

/**
 * Writes BioImage Model Zoo packages (bioimage.io, resource description format 0.5): a zip of
 * {@value #RDF}, the ONNX weights, a test input and its output as {@code .npy}, a cover and a
 * README. The input is the prepared image {@code [batch, channel, y, x]}; the output the class
 * probabilities {@code [batch, channel]}, one channel per class. What bioimage.io cannot say of the
 * preprocessing (the digit recipe's crop, fit and inversion) is in docs/preparing-images.md and, for this plugin,
 * under {@code config.digit_classifier}. {@link BioImageIoReader} reads them.
 */
public final class BioImageIoPackages {

	public static final String RDF = ModelKind.PACKAGE_ENTRY;
	/** The newest format version when written: channel names may be any string since 0.5.11. */
	static final String FORMAT_VERSION = "0.5.14";
	static final String WEIGHTS = "weights.onnx", TEST_INPUT = "test_input.npy", TEST_OUTPUT = "test_output.npy",
		COVER = "cover.png", README = "README.md";

	private BioImageIoPackages() {}

	/** Writes a bundle as a package; {@code license} is an SPDX identifier for the weights. */
	public static void write(final ModelBundle bundle, final Path zip, final String license) throws IOException {
		final BundleMetadata m = bundle.metadata();
		final Preprocessing p = m.preprocessing();
		final byte[] onnx = OnnxExport.onnx(bundle);
		// The test input is what bioimage.io's tools are given: the image before the standardisation
		// its rdf.yaml says (they apply it); the output, what the network gives after it.
		final Preprocessing unstandardised = p.standardisation() == null ? p : p.withStandardisation(Preprocessing.Standardisation.identity(p.channels()));
		final float[] input = PackageCover.testInput(unstandardised);
		final float[] output = new NetworkClassifier(bundle).probabilities(PackageCover.testInput(p), 1);
		final Map<String, byte[]> files = new LinkedHashMap<>();
		files.put(WEIGHTS, onnx);
		files.put(TEST_INPUT, Npy.write(input, 1, p.channels(), p.height(), p.width()));
		files.put(TEST_OUTPUT, Npy.write(output, 1, m.classNames().size()));
		files.put(COVER, PackageCover.cover(input, output, p));
		files.put(README, PackageReadme.readme(m, license).getBytes(StandardCharsets.UTF_8));
		final byte[] rdf = RdfYaml.write(rdf(m, id(bundle), license, files));
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

	private static Rdf rdf(final BundleMetadata m, final String id, final String license, final Map<String, byte[]> files) {
		final Preprocessing p = m.preprocessing();
		final Rdf.Tensor in = new Rdf.Tensor(OnnxExport.INPUT, "the image prepared as the README says: " + p.width() + "x" + p.height() + ", " +
			(p.channels() == 1 ? "grey" : "red, green, blue") + (p.standardisation() == null ? "" : ", before the standardisation below"),
			List.of(Rdf.Axis.batch(), Rdf.Axis.channel(p.channels() == 1 ? List.of("grey") : List.of("red", "green", "blue")),
				Rdf.Axis.space("y", p.height()), Rdf.Axis.space("x", p.width())),
			new Rdf.Data("float32", null), file(TEST_INPUT, files), List.of(preprocessing(p)), List.of());
		final Rdf.Tensor out = new Rdf.Tensor(OnnxExport.OUTPUT, "the probability of each class",
			List.of(Rdf.Axis.batch(), Rdf.Axis.channel(m.classNames())), new Rdf.Data("float32", List.of(0.0, 1.0)),
			file(TEST_OUTPUT, files), List.of(), List.of());
		final Rdf.FileRef weights = file(WEIGHTS, files);
		// JDLL (DeepImageJ's engine) names the model by the nickname, else the id, and fails without either.
		final Rdf.Config config = new Rdf.Config(id, OnnxFiles.descriptionJson(m));
		return new Rdf("model", FORMAT_VERSION, id, PackageReadme.name(m), PackageReadme.description(m), List.of(new Rdf.Author("Digit Classifier")),
			cite(m), license, README, List.of(COVER), List.of("classification", "2d", "onnx", "fiji", "digit-classifier"), m.created(),
			List.of(in), List.of(out), Map.of("onnx", new Rdf.Weights(weights.source(), weights.sha256(), OnnxExport.OPSET)), config);
	}

	/** Digits and per-image stretched inputs: each image to 0..1; standardised ones: by the training images' figures. */
	private static Rdf.Step preprocessing(final Preprocessing p) {
		final Map<String, Object> kwargs = new LinkedHashMap<>();
		if (p.standardisation() == null) {
			kwargs.put("axes", List.of("channel", "y", "x"));
			kwargs.put("min_percentile", 0.0);
			kwargs.put("max_percentile", 100.0);
			return new Rdf.Step("scale_range", kwargs);
		}
		kwargs.put("axis", "channel");
		kwargs.put("mean", p.standardisation().mean());
		kwargs.put("std", p.standardisation().std());
		return new Rdf.Step("fixed_zero_mean_unit_variance", kwargs);
	}

	private static Rdf.FileRef file(final String name, final Map<String, byte[]> files) {
		return new Rdf.FileRef(name, Sha256.hex(files.get(name)));
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
		return "digit-classifier-" + (m.recipe() == null ? "network" : m.recipe().network().id()) + "-" + Sha256.hex(bytes.array()).substring(0, 8);
	}

	/** Convolutional networks for handwriting (and MNIST), and batch normalisation when the network has it. */
	private static List<Rdf.Citation> cite(final BundleMetadata m) {
		final List<Rdf.Citation> cite = new ArrayList<>();
		cite.add(new Rdf.Citation("LeCun, Bottou, Bengio and Haffner. Gradient-based learning applied to document recognition. Proc. IEEE 86(11), 1998",
			"10.1109/5.726791", null));
		if (m.recipe() == null || m.recipe().network() == Architecture.CNN) {
			cite.add(new Rdf.Citation("Ioffe and Szegedy. Batch normalization: accelerating deep network training by reducing internal covariate shift. ICML 2015",
				null, "https://arxiv.org/abs/1502.03167"));
		}
		return cite;
	}
}
