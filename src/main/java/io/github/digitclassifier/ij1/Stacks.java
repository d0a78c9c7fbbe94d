package io.github.digitclassifier.ij1;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import io.github.digitclassifier.data.Dataset;
import io.github.digitclassifier.data.ImageFiles;
import io.github.digitclassifier.data.LabeledImage;
import io.github.digitclassifier.data.SkippedFile;
import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.preprocess.Preprocessor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Class folders opened as one stack, slices labelled {@code class/file}: 32-bit grey, or RGB when
 * any image is in colour (grey images then show as grey in it).
 */
public final class Stacks {

	/** The stack, the data set of the images in it, and the files that could not be read. */
	public record Imported(ImagePlus stack, Dataset dataset, List<SkippedFile> skipped) {}

	private Stacks() {}

	private static boolean isColour(final float[] planes, final int plane) {
		for (int i = 0; i < plane; i++) {
			if (planes[i] != planes[plane + i] || planes[i] != planes[2 * plane + i]) return true;
		}
		return false;
	}

	/** Packed RGB pixels of red, green and blue planes (0..255), resized by ImageJ (averaging when shrinking) when {@code size > 0}. */
	private static int[] rgbPixels(final ArrayImg<FloatType, FloatArray> rgb, final int size) {
		final float[] planes = rgb.update(null).getCurrentStorageArray();
		final int w = (int) rgb.dimension(0), h = (int) rgb.dimension(1), plane = w * h;
		final int[] packed = new int[plane];
		for (int i = 0; i < plane; i++) {
			int value = 0;
			for (int c = 0; c < 3; c++) value = value << 8 | Math.max(0, Math.min(255, Math.round(planes[c * plane + i])));
			packed[i] = value;
		}
		final ColorProcessor ip = new ColorProcessor(w, h, packed);
		if (size <= 0) return packed;
		ip.setInterpolationMethod(ImageProcessor.BILINEAR);
		return (int[]) ip.resize(size, size, true).getPixels();
	}

	/**
	 * Reads every image (a class may be left with none: the caller decides whether that is an
	 * error); {@code size > 0} resizes them to size x size (grey to 0..1), 0 keeps them
	 * as they are. A colour set is decoded twice: grey first, then, once colour is known of, as RGB.
	 */
	public static Imported of(final Dataset dataset, final int size) {
		final List<LabeledImage> images = dataset.images();
		final Object[] pixels = new Object[images.size()];
		final int[][] dimensions = new int[images.size()][];
		final String[] failures = new String[images.size()];
		final boolean[] colour = new boolean[images.size()];
		final Preprocessor resizer = size > 0 ? new Preprocessor(Preprocessing.resize(size, size)) : null;
		IntStream.range(0, images.size()).parallel().forEach(i -> {
			try {
				final ArrayImg<FloatType, FloatArray> rgb = ImageFiles.read(images.get(i).file(), 3);
				final float[] planes = rgb.update(null).getCurrentStorageArray();
				final int w = (int) rgb.dimension(0), h = (int) rgb.dimension(1);
				colour[i] = isColour(planes, w * h);
				// Grey files give three equal planes: the first is the image.
				final ArrayImg<FloatType, FloatArray> grey = ArrayImgs.floats(Arrays.copyOf(planes, w * h), w, h);
				pixels[i] = resizer != null ? resizer.prepare(grey) : grey.update(null).getCurrentStorageArray();
				dimensions[i] = resizer != null ? new int[] { size, size } : new int[] { w, h };
			}
			catch (final IOException | RuntimeException e) {
				failures[i] = e.getMessage();
			}
		});
		final boolean anyColour = IntStream.range(0, colour.length).anyMatch(i -> colour[i]);
		if (anyColour) {
			IntStream.range(0, images.size()).parallel().filter(i -> failures[i] == null).forEach(i -> {
				try {
					pixels[i] = rgbPixels(ImageFiles.read(images.get(i).file(), 3), size);
				}
				catch (final IOException | RuntimeException e) {
					failures[i] = e.getMessage();
				}
			});
		}
		final List<LabeledImage> usable = new ArrayList<>();
		final List<SkippedFile> skipped = new ArrayList<>();
		ImageStack stack = null;
		LabeledImage first = null;
		for (int i = 0; i < images.size(); i++) {
			if (failures[i] != null) {
				skipped.add(new SkippedFile(images.get(i).file(), failures[i]));
				continue;
			}
			if (stack == null) {
				stack = new ImageStack(dimensions[i][0], dimensions[i][1]);
				first = images.get(i);
			}
			else if (dimensions[i][0] != stack.getWidth() || dimensions[i][1] != stack.getHeight()) {
				throw new IllegalArgumentException("Images differ in size: " + first.file() + " is " + stack.getWidth() + "x" +
					stack.getHeight() + ", " + images.get(i).file() + " is " + dimensions[i][0] + "x" + dimensions[i][1] +
					"; give a size to resize them");
			}
			stack.addSlice(dataset.labelOf(images.get(i)), pixels[i]);
			usable.add(images.get(i));
		}
		final Dataset read = dataset.with(usable, skipped);
		return new Imported(new ImagePlus(dataset.root().getFileName().toString(), stack), read, skipped);
	}
}
