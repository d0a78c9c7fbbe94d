package io.github.digitclassifier.ij1;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import ij.ImagePlus;
import ij.ImageStack;
import io.github.digitclassifier.data.Dataset;
import io.github.digitclassifier.data.ImageFiles;
import io.github.digitclassifier.data.LabeledImage;
import io.github.digitclassifier.data.SkippedFile;
import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.preprocess.Preprocessor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/** Class folders opened as one 32-bit stack, slices labelled {@code class/file}. */
public final class Stacks {

	/** The stack, the data set of the images in it, and the files that could not be read. */
	public record Imported(ImagePlus stack, Dataset dataset, List<SkippedFile> skipped) {}

	private Stacks() {}

	/** Reads every image; {@code size > 0} resizes them to size x size (0..1), 0 keeps them as they are. */
	public static Imported of(final Dataset dataset, final int size) {
		final List<LabeledImage> images = dataset.images();
		final float[][] pixels = new float[images.size()][];
		final int[][] dimensions = new int[images.size()][];
		final String[] failures = new String[images.size()];
		final Preprocessor resizer = size > 0 ? new Preprocessor(Preprocessing.resize(size, size)) : null;
		IntStream.range(0, images.size()).parallel().forEach(i -> {
			try {
				final ArrayImg<FloatType, FloatArray> image = ImageFiles.read(images.get(i).file());
				pixels[i] = resizer != null ? resizer.prepare(image) : image.update(null).getCurrentStorageArray();
				dimensions[i] = resizer != null ? new int[] { size, size } :
					new int[] { (int) image.dimension(0), (int) image.dimension(1) };
			}
			catch (final IOException | RuntimeException e) {
				failures[i] = e.getMessage();
			}
		});
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
		final Dataset read = dataset.with(usable, skipped).requireEveryClassPresent();
		return new Imported(new ImagePlus(dataset.root().getFileName().toString(), stack), read, skipped);
	}
}
