package io.github.digitclassifier.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import io.github.digitclassifier.data.ImageFiles;

/** The image a command-line key names, opened as ImageJ would open it. */
final class Images {

	/**
	 * Memory an image takes to open, a pixel: ImageJ decodes the file and copies it into its own
	 * pixels (up to 4 bytes each, colour), and the command works on it as much again.
	 */
	static final long BYTES_PER_PIXEL = 16;

	private Images() {}

	static ImagePlus open(final String key, final Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new IllegalArgumentException(key + ": no image file " + file);
		// Its size from its header first: ImageJ opens an image whole, and one too large would end in an out-of-memory.
		final long[] size = ImageFiles.size(file);
		final long memory = Runtime.getRuntime().maxMemory();
		if (size != null && size[0] * size[1] > memory / BYTES_PER_PIXEL) {
			throw new IllegalArgumentException(key + ": " + file + " is " + size[0] + "x" + size[1] + " px, too large to open with the " +
				(memory >> 20) + " MB Java has: scale it down or crop it, or give Java more memory (JAVA_OPTS=-Xmx...)");
		}
		final ImagePlus image = IJ.openImage(file.toString());
		if (image == null || image.getProcessor() == null) {
			throw new IllegalArgumentException(key + ": cannot open " + file + " as an image: the formats read are " + ImageFiles.FORMATS);
		}
		return image;
	}
}
