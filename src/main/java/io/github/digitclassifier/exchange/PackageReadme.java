package io.github.digitclassifier.exchange;

import java.util.Locale;

import io.github.digitclassifier.model.BundleMetadata;
import io.github.digitclassifier.model.ModelBundles;
import io.github.digitclassifier.preprocess.Preprocessing;

/** The words of a bioimage.io package: its name, description and README. */
final class PackageReadme {

	private PackageReadme() {}

	/** Letters, digits and {@code _+- ()} only, as the format asks. */
	static String name(final BundleMetadata m) {
		final String network = m.recipe() == null ? "network" : m.recipe().network().id().toUpperCase(Locale.ROOT);
		return "Digit Classifier " + network + " (" + m.classNames().size() + " classes)";
	}

	/** At most 1024 characters, as the format asks. */
	static String description(final BundleMetadata m) {
		final String text = "A " + (m.recipe() == null ? "network" : m.recipe().network().id().toUpperCase(Locale.ROOT)) +
			" trained with Digit Classifier (a Fiji plugin) on " + (m.trainingImages() > 0 ? m.trainingImages() + " " : "") +
			"images of " + m.classNames().size() + " classes: " + String.join(", ", m.classNames()) + ". " + preparation(m.preprocessing()) +
			(m.metrics().containsKey("validation_accuracy") ?
				String.format(Locale.ROOT, " Validation accuracy %.4f.", m.metrics().get("validation_accuracy")) : "");
		return text.length() <= 1024 ? text : text.substring(0, 1021) + "...";
	}

	/** How an image becomes the input, in words: bioimage.io's preprocessing cannot say all of it. */
	private static String preparation(final Preprocessing p) {
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

	static String readme(final BundleMetadata m, final String license) {
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
		text.append("\n## Validation\n\n`").append(BioImageIoPackages.TEST_INPUT).append("` through `").append(BioImageIoPackages.WEIGHTS)
			.append("` (ONNX opset ").append(OnnxExport.OPSET).append(") gives `").append(BioImageIoPackages.TEST_OUTPUT)
			.append("`: the probabilities the DL4J network gave.\n\n");
		text.append("## Licence\n\n").append(license).append(", chosen by the exporter: change it in rdf.yaml to the terms of the training data\n")
			.append("before sharing. Exported by Digit Classifier ").append(ModelBundles.libraryVersion()).append(".\n");
		return text.toString();
	}
}
