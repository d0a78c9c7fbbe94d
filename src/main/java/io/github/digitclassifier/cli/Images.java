package io.github.digitclassifier.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import io.github.digitclassifier.data.ImageFiles;

/** The image a command-line key names, opened as ImageJ would open it. */
final class Images {

	private Images() {}

	static ImagePlus open(final String key, final Path file) {
		if (!Files.isRegularFile(file)) throw new IllegalArgumentException(key + ": no image file " + file);
		final ImagePlus image = IJ.openImage(file.toString());
		if (image == null || image.getProcessor() == null) {
			throw new IllegalArgumentException(key + ": cannot open " + file + " as an image: the formats read are " + ImageFiles.FORMATS);
		}
		return image;
	}
}
