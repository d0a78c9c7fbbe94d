package io.github.digitclassifier.ij1;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.io.FileSaver;
import ij.plugin.LutLoader;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.LUT;
import io.github.digitclassifier.explain.Explanation;
import io.github.digitclassifier.io.AtomicFiles;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/** Explanations as ImageJ images: the heat maps, the model inputs, and the heat shown over the image. */
public final class Explanations {

	/** How much of the image shows through the heat drawn over it. */
	static final double OPACITY = 0.5;

	private Explanations() {}

	/** The part of an item (x, y[, channel]) within the selection's bounds; the item itself when there is none. */
	public static RandomAccessibleInterval<? extends RealType<?>> within(final RandomAccessibleInterval<? extends RealType<?>> item,
		final Rectangle area)
	{
		if (area == null) return item;
		final long[] min = new long[item.numDimensions()], max = new long[item.numDimensions()];
		item.dimensions(max);
		for (int d = 0; d < max.length; d++) max[d]--;
		min[0] = area.x;
		min[1] = area.y;
		max[0] = area.x + area.width - 1L;
		max[1] = area.y + area.height - 1L;
		return Views.zeroMin(Views.interval(item, min, max));
	}

	/** The heat maps, one 32-bit slice each, labelled with what they explain, in the Fire colour table. */
	public static ImagePlus heat(final String title, final List<Explanation> explanations, final List<String> labels) {
		final Explanation first = explanations.get(0);
		final ImageStack stack = new ImageStack(first.width(), first.height());
		float max = 0;
		for (int i = 0; i < explanations.size(); i++) {
			final Explanation e = explanations.get(i);
			stack.addSlice(label(labels.get(i), e), new FloatProcessor(e.width(), e.height(), e.heat()));
			for (final float v : e.heat()) max = Math.max(max, v);
		}
		final ImagePlus image = new ImagePlus(title, stack);
		image.getProcessor().setLut(fire());
		image.setDisplayRange(0, max > 0 ? max : 1);
		if (stack.getSize() == 1) image.setProp("Label", stack.getSliceLabel(1));
		return image;
	}

	/** The model inputs as the network sees them after preprocessing: one slice per item, its channels as a composite's. */
	public static ImagePlus inputs(final String title, final List<Explanation> explanations, final List<String> labels) {
		final Explanation first = explanations.get(0);
		final int w = first.inputWidth(), h = first.inputHeight(), c = first.channels();
		final ImageStack stack = new ImageStack(w, h);
		for (int i = 0; i < explanations.size(); i++) {
			final Explanation e = explanations.get(i);
			for (int k = 0; k < c; k++) {
				final float[] plane = new float[w * h];
				System.arraycopy(e.prepared(), k * w * h, plane, 0, w * h);
				stack.addSlice(label(labels.get(i), e), new FloatProcessor(w, h, plane));
			}
		}
		final ImagePlus image = new ImagePlus(title, stack);
		if (c > 1) {
			image.setDimensions(c, 1, explanations.size());
			return new CompositeImage(image, CompositeImage.COMPOSITE);
		}
		image.resetDisplayRange();
		return image;
	}

	/** Draws each heat map over its slices of the image (within the selection), half transparent. */
	public static void overlay(final ImagePlus image, final ImagePlus heat, final List<int[]> stackIndices, final Rectangle area) {
		final Overlay overlay = new Overlay();
		for (int i = 0; i < stackIndices.size(); i++) {
			final ImageProcessor map = heat.getStack().getProcessor(i + 1).duplicate();
			map.setLut(fire());
			map.setMinAndMax(heat.getDisplayRangeMin(), heat.getDisplayRangeMax());
			final ImageRoi roi = new ImageRoi(area == null ? 0 : area.x, area == null ? 0 : area.y, map.convertToRGB());
			roi.setOpacity(OPACITY);
			roi.setName("Explanation " + (i + 1));
			if (image.getStackSize() > 1) roi.setPosition(stackIndices.get(i)[0]);
			overlay.add(roi);
		}
		image.setOverlay(overlay);
	}

	/** Writes the heat maps as a 32-bit TIFF. */
	public static void save(final ImagePlus heat, final Path file) throws IOException {
		AtomicFiles.write(file, temp -> {
			final FileSaver saver = new FileSaver(heat);
			final boolean saved = heat.getStackSize() > 1 ? saver.saveAsTiffStack(temp.toString()) : saver.saveAsTiff(temp.toString());
			if (!saved) throw new IOException("Cannot write " + file);
		});
	}

	private static String label(final String original, final Explanation e) {
		return (original.isEmpty() ? "" : original + ": ") + e.className() + String.format(Locale.ROOT, " (%.0f%%) by ", 100 * e.probability()) +
			e.method();
	}

	private static LUT fire() {
		return new LUT(LutLoader.getLut("fire"), 0, 255);
	}
}
