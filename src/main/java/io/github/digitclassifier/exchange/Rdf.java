package io.github.digitclassifier.exchange;

import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;

/**
 * A bioimage.io model's {@code rdf.yaml} (format 0.5), as far as this plugin writes and reads it;
 * {@link RdfYaml} turns it into text and back. Reading is lenient (a missing or odd value is null or
 * empty) so that {@link BioImageIoReader} can say what a package made elsewhere lacks.
 */
record Rdf(String type, String formatVersion, String id, String name, String description, List<Author> authors,
	List<Citation> cite, String license, String documentation, List<String> covers, List<String> tags, String timestamp,
	List<Tensor> inputs, List<Tensor> outputs, Map<String, Weights> weights, Config config)
{

	record Author(String name) {}

	/** A reference: {@code doi} or {@code url}, the other null. */
	record Citation(String text, String doi, String url) {}

	/** An input or output; {@code preprocessing} and {@code postprocessing} are empty when it has none. */
	record Tensor(String id, String description, List<Axis> axes, Data data, FileRef testTensor, List<Step> preprocessing,
		List<Step> postprocessing) {}

	/** A batch, channel or space axis: what an axis lacks is null. */
	record Axis(String type, String id, Integer size, List<String> channelNames) {

		static Axis batch() {
			return new Axis("batch", null, null, null);
		}

		static Axis channel(final List<String> names) {
			return new Axis("channel", null, null, names);
		}

		static Axis space(final String id, final int size) {
			return new Axis("space", id, size, null);
		}
	}

	/** The values' type, and their range when it is known (null: any). */
	record Data(String type, List<Double> range) {}

	record FileRef(String source, String sha256) {}

	/** One format's weights; {@code opsetVersion} is ONNX's, null for other formats. */
	record Weights(String source, String sha256, Integer opsetVersion) {}

	/** A pre- or postprocessing step: its arguments differ from step to step, so they stay keys and values. */
	record Step(String id, Map<String, Object> kwargs) {}

	/** The {@code config} section: bioimage.io's nickname and this plugin's own description of the model (null when absent). */
	record Config(String nickname, JsonObject digitClassifier) {}
}
