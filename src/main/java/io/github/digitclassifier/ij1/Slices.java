package io.github.digitclassifier.ij1;

import java.awt.Rectangle;
import java.util.AbstractList;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import io.github.digitclassifier.predict.Prediction;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;

/** The slices of an ImageJ image as ImgLib2 images, and predictions written into slice labels. */
public final class Slices {

	/**
	 * What a model classifies in an image, fetched only when asked for: {@code images.get(i)} is
	 * made of the stack slices {@code stackIndices.get(i)} (1-based), one slice, or for a colour
	 * model the red, green and blue channels of a hyperstack position.
	 */
	public record Items(List<RandomAccessibleInterval<? extends RealType<?>>> images, List<int[]> stackIndices) {}

	/** Separates a slice's own label from the prediction appended to it. */
	static final String PREDICTION_MARK = " => ";

	private Slices() {}

	/**
	 * Every slice (every plane of a hyperstack), wrapping the pixels without copying; a slice is
	 * fetched only when asked for, so virtual stacks are read as they are classified.
	 */
	private static List<RandomAccessibleInterval<? extends RealType<?>>> of(final ImagePlus image) {
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

	/**
	 * The images a model with {@code channels} channels classifies: for grey models every slice
	 * (every plane of a hyperstack; RGB as luminance); for colour models every RGB slice as red,
	 * green and blue, every position of a three-channel hyperstack with its channels as red,
	 * green and blue, and every grey slice as itself (the model sees it in three equal channels).
	 */
	public static Items of(final ImagePlus image, final int channels) {
		final ImageStack stack = image.getStack();
		final int c = image.getNChannels();
		if (channels == 1 || image.getBitDepth() == 24 || c == 1) {
			final List<int[]> indices = new java.util.ArrayList<>();
			for (int s = 1; s <= stack.getSize(); s++) indices.add(new int[] { s });
			return new Items(channels == 1 ? of(image) : new AbstractList<>() {
				@Override
				public RandomAccessibleInterval<? extends RealType<?>> get(final int index) {
					final ImageProcessor ip = stack.getProcessor(index + 1);
					return ip instanceof ColorProcessor rgb ? planes(rgb) : wrap(ip);
				}

				@Override
				public int size() {
					return stack.getSize();
				}
			}, indices);
		}
		if (c != 3) {
			throw new IllegalArgumentException("Image " + image.getTitle() + " has " + c + " channels: the model takes colour " +
				"(RGB, or a hyperstack of 3 channels as red, green and blue) or grey images");
		}
		final List<int[]> indices = new java.util.ArrayList<>();
		for (int t = 1; t <= image.getNFrames(); t++) {
			for (int z = 1; z <= image.getNSlices(); z++) {
				final int[] position = new int[3];
				for (int k = 0; k < 3; k++) position[k] = image.getStackIndex(k + 1, z, t);
				indices.add(position);
			}
		}
		return new Items(new AbstractList<>() {
			@Override
			public RandomAccessibleInterval<? extends RealType<?>> get(final int index) {
				final int w = image.getWidth(), h = image.getHeight(), plane = w * h;
				final float[] planes = new float[3 * plane];
				for (int k = 0; k < 3; k++) {
					final float[] values = (float[]) stack.getProcessor(indices.get(index)[k]).convertToFloatProcessor().getPixels();
					System.arraycopy(values, 0, planes, k * plane, plane);
				}
				return ArrayImgs.floats(planes, w, h, 3);
			}

			@Override
			public int size() {
				return indices.size();
			}
		}, indices);
	}

	/** An RGB slice's red, green and blue planes, 0..255, as image files give them. */
	private static RandomAccessibleInterval<? extends RealType<?>> planes(final ColorProcessor ip) {
		final int[] rgb = (int[]) ip.getPixels();
		final float[] planes = new float[3 * rgb.length];
		for (int i = 0; i < rgb.length; i++) {
			for (int k = 0; k < 3; k++) planes[k * rgb.length + i] = (rgb[i] >> (16 - 8 * k)) & 0xff;
		}
		return ArrayImgs.floats(planes, ip.getWidth(), ip.getHeight(), 3);
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

	/**
	 * Appends each item's prediction to the labels of its slices: {@code 0/a.png => 7 (98%)};
	 * {@code originals} are the items' labels without predictions (their first slice's).
	 */
	public static void label(final ImagePlus image, final Items items, final List<Prediction> predictions,
		final List<String> originals)
	{
		for (int i = 0; i < predictions.size(); i++) {
			final Prediction p = predictions.get(i);
			final String label = originals.get(i) + PREDICTION_MARK + p.className() +
				String.format(Locale.ROOT, " (%.0f%%)", 100 * p.confidence());
			if (image.getStackSize() == 1) image.setProp("Label", label);
			for (final int s : items.stackIndices().get(i)) image.getStack().setSliceLabel(label, s);
		}
		image.updateAndDraw();
	}

	/** The items' labels without predictions: their first slice's. */
	public static List<String> originalLabels(final ImagePlus image, final Items items) {
		return items.stackIndices().stream().map(s -> originalLabel(image.getStack().getSliceLabel(s[0]))).toList();
	}

	/** The bounds of the image's area selection within the image, or null when it has none. */
	public static Rectangle selection(final ImagePlus image) {
		final Roi roi = image.getRoi();
		if (roi == null || !roi.isArea()) return null;
		final Rectangle bounds = roi.getBounds().intersection(new Rectangle(0, 0, image.getWidth(), image.getHeight()));
		if (bounds.isEmpty()) throw new IllegalArgumentException("The selection on " + image.getTitle() + " lies outside the image");
		return bounds;
	}
}
