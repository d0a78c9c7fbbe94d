package io.github.digitclassifier.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Image files in class folders: the class names (sorted folder names), the image files (paths
 * only, never pixels, so a folder of millions of files fits) and the files that were skipped.
 */
public record Dataset(Path root, List<String> classNames, List<LabeledImage> images, List<SkippedFile> skipped) {

	public Dataset {
		classNames = List.copyOf(classNames);
		images = List.copyOf(images);
		skipped = List.copyOf(skipped);
	}

	public int classCount() {
		return classNames.size();
	}

	public int[] countsPerClass() {
		final int[] counts = new int[classNames.size()];
		for (final LabeledImage image : images) counts[image.classIndex()]++;
		return counts;
	}

	/** The same classes with other images, e.g. one side of a split or the decodable ones. */
	public Dataset with(final List<LabeledImage> newImages, final List<SkippedFile> moreSkipped) {
		final List<SkippedFile> allSkipped = new ArrayList<>(skipped);
		allSkipped.addAll(moreSkipped);
		return new Dataset(root, classNames, newImages, allSkipped);
	}

	/** The label shown for an image: {@code class/file}, the path below the class folder. */
	public String labelOf(final LabeledImage image) {
		final Path classFolder = root.resolve(classNames.get(image.classIndex()));
		return classNames.get(image.classIndex()) + "/" + classFolder.relativize(image.file()).toString().replace('\\', '/');
	}

	/** Fails, naming the class folder, when a class has no image left. */
	public Dataset requireEveryClassPresent() {
		return requireClassesPresent(classNames);
	}

	/** Fails, naming the class folder and the last of its files skipped, when one of these classes has no image left. */
	public Dataset requireClassesPresent(final Collection<String> required) {
		final int[] counts = countsPerClass();
		for (int c = 0; c < counts.length; c++) {
			if (counts[c] == 0 && required.contains(classNames.get(c))) {
				final Path folder = root.resolve(classNames.get(c));
				final List<SkippedFile> ofClass = skipped.stream().filter(s -> s.file().startsWith(folder)).toList();
				final String why = switch (ofClass.size()) {
					case 0 -> "";
					case 1 -> " (1 file skipped: " + ofClass.get(0).description() + ")";
					default -> " (" + ofClass.size() + " files skipped, the last " + ofClass.get(ofClass.size() - 1).description() + ")";
				};
				throw new IllegalArgumentException("Class folder " + folder + " has no usable image" + why + ": put images (" +
					ImageFiles.FORMATS + ") in it, or remove it");
			}
		}
		return this;
	}
}
