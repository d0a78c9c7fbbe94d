package io.github.digitclassifier.ij1;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;
import io.github.digitclassifier.inspect.NetworkInspection;

/** A network's filters and feature maps as ImageJ images. */
public final class NetworkImages {

	private NetworkImages() {}

	/** The filters in a grid, enlarged so a person sees each weight. */
	public static ImagePlus montage(final String title, final NetworkInspection.Planes filters) {
		final int scale = Math.max(1, 48 / Math.max(filters.width(), filters.height()));
		final NetworkInspection.Planes grid = NetworkInspection.montage(filters, scale, 2);
		final ImagePlus image = new ImagePlus(title, new FloatProcessor(grid.width(), grid.height(), grid.pixels().get(0)));
		image.setDisplayRange(0, 1);
		return image;
	}

	/** The planes as a stack, each slice labelled (layer, map, its own size). */
	public static ImagePlus stack(final String title, final NetworkInspection.Planes planes) {
		final ImageStack stack = new ImageStack(planes.width(), planes.height());
		for (int i = 0; i < planes.pixels().size(); i++) {
			stack.addSlice(planes.labels().get(i), new FloatProcessor(planes.width(), planes.height(), planes.pixels().get(i)));
		}
		final ImagePlus image = new ImagePlus(title, stack);
		image.resetDisplayRange();
		return image;
	}
}
