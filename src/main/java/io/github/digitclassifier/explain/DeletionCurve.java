package io.github.digitclassifier.explain;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import io.github.digitclassifier.preprocess.Preprocessor;
import io.github.digitclassifier.runtime.Classifier;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * The deletion metric of an explanation (Petsiuk et al., RISE, 2018): the image's pixels are
 * removed (set to its paper) in the order of their heat, most important first, and the
 * probability of the class explained is read after each step; the area under that curve, over
 * the share removed from 0 to 1, is lower the sooner the pixels the map calls important take the
 * prediction away. Pixels of equal heat go in a random order; a map of random heat gives the
 * baseline.
 */
public final class DeletionCurve {

	private DeletionCurve() {}

	/** The class's probability after removing {@code 0, 1/steps, ..., 1} of the pixels: {@code steps + 1} values. */
	public static double[] curve(final Classifier classifier, final RandomAccessibleInterval<? extends RealType<?>> image, final float[] heat,
		final int classIndex, final int steps, final long seed)
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
		final float[] paper = pixels.paper();
		final Preprocessor preprocessor = new Preprocessor(classifier.preprocessing());
		final int size = classifier.preprocessing().pixelCount(), classes = classifier.classNames().size();
		final float[] inputs = new float[(steps + 1) * size];
		IntStream.rangeClosed(0, steps).parallel().forEach(s -> {
			final float[] removed = pixels.values.clone();
			final int n = (int) Math.round((double) s * order.length / steps);
			for (int k = 0; k < n; k++) pixels.remove(removed, order[k], paper);
			preprocessor.prepareInto(pixels.image(removed), inputs, s * size);
		});
		final float[] probabilities = classifier.probabilities(inputs, steps + 1);
		final double[] curve = new double[steps + 1];
		for (int s = 0; s <= steps; s++) curve[s] = probabilities[s * classes + classIndex];
		return curve;
	}

	/** The area under a curve of evenly spaced values over 0..1 (trapezoids). */
	public static double area(final double[] curve) {
		double sum = 0;
		for (int i = 1; i < curve.length; i++) sum += (curve[i - 1] + curve[i]) / 2;
		return sum / (curve.length - 1);
	}

	/** A map of random heat: the baseline. */
	public static float[] randomHeat(final int size, final long seed) {
		final Random random = new Random(seed);
		final float[] heat = new float[size];
		for (int i = 0; i < size; i++) heat[i] = random.nextFloat();
		return heat;
	}
}
