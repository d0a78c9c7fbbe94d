package io.github.digitclassifier.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;

import io.github.digitclassifier.data.Dataset;
import io.github.digitclassifier.data.ImageFiles;
import io.github.digitclassifier.data.LabeledImage;
import io.github.digitclassifier.model.TrainingChoice;
import io.github.digitclassifier.preprocess.ImageProfile;
import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.preprocess.Preprocessor;

/**
 * Decides, once per training, how images are prepared: what an {@link InputRequest} leaves to
 * {@code auto} is read off a sample of the training images, and pictures get their
 * standardisation from them. Every decision comes with its reason.
 */
public final class InputChoices {

	/** Training images looked at to decide; spread over the classes. */
	static final int PROFILE_SAMPLE = 300;

	/** Share of sampled images that must be ink on a plain background for the digit recipe. */
	static final double INK_SHARE_FOR_DIGITS = 0.75;

	/** Share of sampled images in colour for colour to be kept; grey ones then become three equal channels. */
	static final double COLOUR_SHARE_FOR_RGB = 0.05;

	/** Largest input side auto picks: larger inputs slow training on a laptop more than they help small images. */
	public static final int MAX_AUTO_SIZE = 64;

	/** Images whose pixels give the standardisation. */
	static final int STANDARDISATION_SAMPLE = 2000;

	/** The preprocessing decided (pictures not yet standardised) and the reasons. */
	public record Chosen(Preprocessing preprocessing, List<TrainingChoice> choices) {}

	private InputChoices() {}

	public static Chosen choose(final Dataset train, final InputRequest request) {
		final List<TrainingChoice> choices = new ArrayList<>();
		final List<ImageProfile> profiles = profiles(train);
		InputRequest.Mode mode = request.preprocessing();
		if (mode == InputRequest.Mode.AUTO) {
			final long ink = profiles.stream().filter(ImageProfile::ink).count();
			final double share = profiles.isEmpty() ? 0 : (double) ink / profiles.size();
			mode = share >= INK_SHARE_FOR_DIGITS ? InputRequest.Mode.DIGITS : InputRequest.Mode.RESIZE;
			choices.add(new TrainingChoice("preprocessing", mode.id(), String.format(Locale.ROOT,
				"auto: %.0f%% of %d sampled training images are ink on a plain background (%.0f%% make digits); %s",
				100 * share, profiles.size(), 100 * INK_SHARE_FOR_DIGITS, mode == InputRequest.Mode.DIGITS ?
					"prepared as digits: inverted when dark on light, cropped to the ink, centred" :
					"the others fill their frame: prepared whole, centre-cropped to a square and scaled")));
		}
		else {
			choices.add(new TrainingChoice("preprocessing", mode.id(), "asked for"));
		}
		final int size;
		if (request.size() > 0) {
			size = request.size();
			choices.add(new TrainingChoice("size", Integer.toString(size), "asked for"));
		}
		else if (mode == InputRequest.Mode.DIGITS) {
			size = 28;
			choices.add(new TrainingChoice("size", "28", "auto: digits are read at MNIST's 28x28"));
		}
		else {
			final int[] sides = profiles.stream().mapToInt(p -> Math.min(p.width(), p.height())).sorted().toArray();
			final int median = sides.length == 0 ? 28 : sides[sides.length / 2];
			size = Math.max(InputRequest.MIN_SIZE, Math.min(MAX_AUTO_SIZE, median));
			choices.add(new TrainingChoice("size", Integer.toString(size), String.format(Locale.ROOT,
				"auto: the sampled images' median shorter side is %d px%s", median,
				size == median ? "" : String.format(Locale.ROOT, ", kept within %d..%d", InputRequest.MIN_SIZE, MAX_AUTO_SIZE))));
		}
		final int channels = channels(request, mode, profiles, choices);
		final Preprocessing preprocessing = mode == InputRequest.Mode.DIGITS ? Preprocessing.digits(size) :
			Preprocessing.pictures(size, channels, Preprocessing.Standardisation.identity(channels));
		return new Chosen(preprocessing, List.copyOf(choices));
	}

	/** Colour pictures keep their colour; digits are read grey. */
	private static int channels(final InputRequest request, final InputRequest.Mode mode, final List<ImageProfile> profiles,
		final List<TrainingChoice> choices)
	{
		if (request.channels() != InputRequest.Channels.AUTO) {
			choices.add(new TrainingChoice("channels", request.channels().id(), "asked for"));
			return request.channels() == InputRequest.Channels.RGB ? 3 : 1;
		}
		if (mode == InputRequest.Mode.DIGITS) {
			choices.add(new TrainingChoice("channels", "grey", "auto: digits are read grey"));
			return 1;
		}
		final long colour = profiles.stream().filter(ImageProfile::colour).count();
		final double share = profiles.isEmpty() ? 0 : (double) colour / profiles.size();
		final boolean rgb = share >= COLOUR_SHARE_FOR_RGB;
		choices.add(new TrainingChoice("channels", rgb ? "rgb" : "grey", String.format(Locale.ROOT,
			"auto: %.0f%% of %d sampled training images are in colour (%.0f%% keep colour)", 100 * share, profiles.size(),
			100 * COLOUR_SHARE_FOR_RGB)));
		return rgb ? 3 : 1;
	}

	/**
	 * Pictures standardised with the mean and standard deviation of the prepared training
	 * images' pixels (a sample of them); digits as they are.
	 */
	public static Preprocessing standardised(final Dataset train, final Preprocessing preprocessing) {
		if (preprocessing.standardisation() == null) return preprocessing;
		final Preprocessor raw = new Preprocessor(preprocessing.withStandardisation(
			Preprocessing.Standardisation.identity(preprocessing.channels())));
		final List<LabeledImage> sample = spread(train.images(), STANDARDISATION_SAMPLE);
		final int channels = preprocessing.channels(), plane = preprocessing.planeSize();
		final double[][] sums = new double[sample.size()][];
		IntStream.range(0, sample.size()).parallel().forEach(i -> {
			try {
				final float[] values = raw.prepare(ImageFiles.read(sample.get(i).file(), channels));
				final double[] s = new double[2 * channels];
				for (int c = 0; c < channels; c++) {
					for (int p = c * plane; p < (c + 1) * plane; p++) {
						s[c] += values[p];
						s[channels + c] += (double) values[p] * values[p];
					}
				}
				sums[i] = s;
			}
			catch (final IOException | RuntimeException e) {
				// an undecodable image is reported when the training images are prepared
			}
		});
		final double[] total = new double[2 * channels];
		long count = 0;
		for (final double[] s : sums) {
			if (s == null) continue;
			for (int k = 0; k < total.length; k++) total[k] += s[k];
			count += plane;
		}
		final List<Double> mean = new ArrayList<>(), std = new ArrayList<>();
		for (int c = 0; c < channels; c++) {
			final double m = count == 0 ? 0 : total[c] / count;
			final double variance = count == 0 ? 0 : total[channels + c] / count - m * m;
			mean.add(m);
			std.add(variance > 1e-12 ? Math.sqrt(variance) : 1); // flat images: nothing to scale
		}
		return preprocessing.withStandardisation(new Preprocessing.Standardisation(mean, std));
	}

	private static List<ImageProfile> profiles(final Dataset train) {
		final List<LabeledImage> sample = spread(train.images(), PROFILE_SAMPLE);
		return sample.parallelStream().map(image -> {
			try {
				return ImageProfile.of(ImageFiles.read(image.file(), 3));
			}
			catch (final IOException | RuntimeException e) {
				return null; // reported when the training images are prepared
			}
		}).filter(Objects::nonNull).toList();
	}

	/** At most {@code count} images evenly spread over the list (class folders come one after another). */
	static List<LabeledImage> spread(final List<LabeledImage> images, final int count) {
		final int n = Math.min(count, images.size());
		return IntStream.range(0, n).mapToObj(i -> images.get((int) ((long) i * images.size() / n))).toList();
	}
}
