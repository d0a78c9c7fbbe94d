package io.github.digitclassifier.explain;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.preprocess.Preprocessor;
import io.github.digitclassifier.runtime.Classifier;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * The deletion metric of an explanation (Petsiuk et al., RISE, 2018): the image's pixels are
 * removed in the order of their heat, most important first, and the probability of the class
 * explained is read after each step; the area under that curve, over the share removed from 0 to
 * 1, is lower the sooner the pixels the map calls important take the prediction away. Pixels of
 * equal heat go in a random order; a map of random heat gives the baseline.
 */
public final class DeletionCurve {

	/** What a removed pixel becomes: something the model takes for no information. */
	public enum Removal {
		/** The image's paper (its border's median): blank paper, to a model of digits. */
		PAPER,
		/**
		 * The training images' mean colour, which the model's standardisation turns into 0. The
		 * paper of a colour picture is a colour of the picture itself, which a colour model may
		 * well take for its class.
		 */
		MEAN,
		/** The image blurred: its colours kept, its shapes and fine texture gone (RISE's choice for photographs). */
		BLUR;

		/** The mean where the model has one (a model of pictures), else the paper. */
		public static Removal of(final Preprocessing preprocessing) {
			return preprocessing.standardisation() != null ? MEAN : PAPER;
		}
	}

	/** The blur's standard deviation, as a share of the image's longer side: enough to leave no shape a model knows. */
	static final double BLUR_SIGMA = 1 / 8.0;

	private DeletionCurve() {}

	/** As {@link #curve(Classifier, RandomAccessibleInterval, float[], int, int, long, Removal)}, removing as {@link Removal#of} says. */
	public static double[] curve(final Classifier classifier, final RandomAccessibleInterval<? extends RealType<?>> image, final float[] heat,
		final int classIndex, final int steps, final long seed)
	{
		return curve(classifier, image, heat, classIndex, steps, seed, Removal.of(classifier.preprocessing()));
	}

	/** The class's probability after removing {@code 0, 1/steps, ..., 1} of the pixels: {@code steps + 1} values. */
	public static double[] curve(final Classifier classifier, final RandomAccessibleInterval<? extends RealType<?>> image, final float[] heat,
		final int classIndex, final int steps, final long seed, final Removal removal)
	{
		final Pixels pixels = Pixels.of(image);
		if (heat.length != pixels.size()) throw new IllegalArgumentException("The heat map is not the image's size");
		final Random random = new Random(seed);
		final Integer[] order = new Integer[heat.length];
		for (int i = 0; i < order.length; i++) order[i] = i;
		// Shuffled first: the stable sort leaves pixels of equal heat in a random order.
		for (int i = order.length - 1; i > 0; i--) {
			final int j = random.nextInt(i + 1);
			final Integer t = order[i];
			order[i] = order[j];
			order[j] = t;
		}
		Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -heat[i]));
		final float[] removedTo = removedTo(pixels, classifier.preprocessing(), removal);
		final Preprocessor preprocessor = new Preprocessor(classifier.preprocessing());
		final int size = classifier.preprocessing().pixelCount(), classes = classifier.classNames().size();
		final float[] inputs = new float[(steps + 1) * size];
		IntStream.rangeClosed(0, steps).parallel().forEach(s -> {
			final float[] removed = pixels.values.clone();
			final int n = (int) Math.round((double) s * order.length / steps);
			for (int k = 0; k < n; k++) pixels.replace(removed, order[k], removedTo);
			preprocessor.prepareInto(pixels.image(removed), inputs, s * size);
		});
		final float[] probabilities = classifier.probabilities(inputs, steps + 1);
		final double[] curve = new double[steps + 1];
		for (int s = 0; s <= steps; s++) curve[s] = probabilities[s * classes + classIndex];
		return curve;
	}

	/** What each pixel of every plane becomes when removed. */
	private static float[] removedTo(final Pixels pixels, final Preprocessing preprocessing, final Removal removal) {
		return switch (removal) {
			case PAPER -> pixels.filled(pixels.paper());
			case BLUR -> pixels.blurred(BLUR_SIGMA * Math.max(pixels.width, pixels.height));
			case MEAN -> {
				if (preprocessing.standardisation() == null) {
					throw new IllegalArgumentException("This model stretches each image itself: it has no training mean to remove pixels to");
				}
				final List<Double> mean = preprocessing.standardisation().mean();
				final float[] perPlane = new float[pixels.planes];
				// A grey image given to a colour model is read as three equal planes: their mean stands for it.
				for (int c = 0; c < perPlane.length; c++) {
					perPlane[c] = pixels.planes == mean.size() ? mean.get(c).floatValue() :
						(float) mean.stream().mapToDouble(Double::doubleValue).average().orElse(0);
				}
				yield pixels.filled(perPlane);
			}
		};
	}

	/** The area under a curve of evenly spaced values over 0..1 (trapezoids). */
	public static double area(final double[] curve) {
		double sum = 0;
		for (int i = 1; i < curve.length; i++) sum += (curve[i - 1] + curve[i]) / 2;
		return sum / (curve.length - 1);
	}

	/**
	 * The area under the curve divided by its start: images the model is sure of and images it
	 * hesitates over count alike, and a curve that never falls scores 1 however sure the model.
	 */
	public static double normalisedArea(final double[] curve) {
		return curve[0] > 0 ? area(curve) / curve[0] : Double.NaN;
	}

	/**
	 * A map of random heat in square blocks of {@code block} pixels: the baseline for a coarse map,
	 * which removes pixels in patches where scattered pixels would read to a model as noise.
	 */
	public static float[] randomBlocks(final int width, final int height, final int block, final long seed) {
		final Random random = new Random(seed);
		final int across = (width + block - 1) / block;
		final float[] cells = new float[across * ((height + block - 1) / block)];
		for (int i = 0; i < cells.length; i++) cells[i] = random.nextFloat();
		final float[] heat = new float[width * height];
		for (int y = 0; y < height; y++) for (int x = 0; x < width; x++) heat[y * width + x] = cells[(y / block) * across + x / block];
		return heat;
	}

	/** A map of random heat: the baseline. */
	public static float[] randomHeat(final int size, final long seed) {
		final Random random = new Random(seed);
		final float[] heat = new float[size];
		for (int i = 0; i < size; i++) heat[i] = random.nextFloat();
		return heat;
	}
}
