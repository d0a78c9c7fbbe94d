import java.io.File;
import java.util.Arrays;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;

/**
 * Writes the first images of each class folder as one stack TIFF, slices labelled class/file:
 * {@code java -cp target/imagej/ij.jar scripts/MakeSampleStack.java <class folders> <per class> <out.tif>}.
 */
public class MakeSampleStack {

	public static void main(final String[] args) {
		final File root = new File(args[0]);
		final int perClass = Integer.parseInt(args[1]);
		ImageStack stack = null;
		final String[] classes = root.list();
		Arrays.sort(classes);
		for (final String c : classes) {
			final String[] files = new File(root, c).list();
			Arrays.sort(files);
			for (int i = 0; i < Math.min(perClass, files.length); i++) {
				final ImagePlus image = IJ.openImage(new File(new File(root, c), files[i]).getPath());
				if (stack == null) stack = new ImageStack(image.getWidth(), image.getHeight());
				stack.addSlice(c + "/" + files[i], image.getProcessor());
			}
		}
		IJ.saveAsTiff(new ImagePlus("digits", stack), args[2]);
	}
}
