package io.github.digitclassifier.ij1;

import java.util.AbstractList;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import io.github.digitclassifier.predict.Prediction;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;

/** The slices of an ImageJ image as ImgLib2 images, and predictions written into slice labels. */
public final class Slices {

	/** Separates a slice's own label from the prediction appended to it. */
	static final String PREDICTION_MARK = " => ";

	private Slices() {}

	/**
	 * Every slice (every plane of a hyperstack), wrapping the pixels without copying; a slice is
	 * fetched only when asked for, so virtual stacks are read as they are classified.
	 */
	public static List<RandomAccessibleInterval<? extends RealType<?>>> of(final ImagePlus image) {
		final ImageStack stack = image.getStack();
		return new AbstractList<>() {
			@Override
			public RandomAccessibleInterval<? extends RealType<?>> get(final int index) {
				return wrap(stack.getProcessor(index + 1));
			}

			@Override
			public int size() {
				return stack.getSize();
			}
		};
	}

	static RandomAccessibleInterval<? extends RealType<?>> wrap(final ImageProcessor ip) {
		final int w = ip.getWidth(), h = ip.getHeight();
		return switch (ip.getBitDepth()) {
			case 8 -> ArrayImgs.unsignedBytes((byte[]) ip.getPixels(), w, h);
			case 16 -> ArrayImgs.unsignedShorts((short[]) ip.getPixels(), w, h);
			case 32 -> ArrayImgs.floats((float[]) ip.getPixels(), w, h);
			default -> ArrayImgs.floats(luminance((ColorProcessor) ip), w, h);
		};
	}

	/** The weighted luminance that image files get too. */
	private static float[] luminance(final ColorProcessor ip) {
		final int[] rgb = (int[]) ip.getPixels();
		final float[] grey = new float[rgb.length];
		for (int i = 0; i < rgb.length; i++) {
			grey[i] = 0.299f * ((rgb[i] >> 16) & 0xff) + 0.587f * ((rgb[i] >> 8) & 0xff) + 0.114f * (rgb[i] & 0xff);
		}
		return grey;
	}

	/** A slice label without a prediction appended by {@link #label}. */
	public static String originalLabel(final String label) {
		if (label == null) return "";
		final String firstLine = label.lines().findFirst().orElse("");
		final int mark = firstLine.lastIndexOf(PREDICTION_MARK);
		return mark >= 0 ? firstLine.substring(0, mark) : firstLine;
	}

	/** Appends each slice's prediction to its label: {@code 0/a.png => 7 (98%)}. */
	public static void label(final ImagePlus image, final List<Prediction> predictions, final List<String> originals) {
		for (int i = 0; i < predictions.size(); i++) {
			final Prediction p = predictions.get(i);
			final String label = originals.get(i) + PREDICTION_MARK + p.className() +
				String.format(Locale.ROOT, " (%.0f%%)", 100 * p.confidence());
			if (image.getStackSize() == 1) image.setProp("Label", label);
			image.getStack().setSliceLabel(label, i + 1);
		}
		image.updateAndDraw();
	}
}
