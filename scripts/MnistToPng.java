import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import javax.imageio.ImageIO;

/**
 * Writes MNIST idx files as class folders of PNGs: {@code <out>/<part>/<class>/<part>-<index>.png}.
 * Run with the JDK's source launcher:
 * {@code java scripts/MnistToPng.java <idx dir> <out dir> [class names] [train images per class] [test images per class]};
 * class names (optional, comma-separated, label 0 first; e.g. {@code "T-shirt top,Trouser,..."} for
 * Fashion-MNIST) name the folders, which are otherwise the labels 0..9; with limits it takes the first
 * images of each class in the files' order. A numeric third argument is the train limit, as before.
 */
public class MnistToPng {

	public static void main(final String[] args) throws IOException {
		final Path idx = Path.of(args[0]);
		final Path out = Path.of(args[1]);
		final boolean named = args.length > 2 && !args[2].matches("\\d+");
		final String[] names = named ? args[2].split(",", -1) : null;
		final int first = named ? 3 : 2;
		final int trainLimit = args.length > first ? Integer.parseInt(args[first]) : Integer.MAX_VALUE;
		final int testLimit = args.length > first + 1 ? Integer.parseInt(args[first + 1]) : trainLimit;
		if (names != null) {
			for (final String name : names) {
				if (name.isBlank() || name.contains("/") || name.equals(".") || name.equals(".."))
					throw new IllegalArgumentException("Not a usable folder name: '" + name + "'");
			}
		}
		ImageIO.setUseCache(false);
		write(idx, "train", out.resolve("train"), trainLimit, names);
		write(idx, "t10k", out.resolve("test"), testLimit, names);
	}

	private static void write(final Path idx, final String prefix, final Path folder, final int limit, final String[] names)
		throws IOException
	{
		try (DataInputStream images = open(idx, prefix + "-images-idx3-ubyte");
			DataInputStream labels = open(idx, prefix + "-labels-idx1-ubyte"))
		{
			if (images.readInt() != 2051 || labels.readInt() != 2049) throw new IOException("Not MNIST idx files in " + idx);
			final int count = images.readInt();
			final int rows = images.readInt();
			final int columns = images.readInt();
			if (labels.readInt() != count) throw new IOException("Image and label counts differ in " + idx);
			final int[] written = new int[names != null ? names.length : 10];
			final byte[] pixels = new byte[rows * columns];
			for (int i = 0; i < count; i++) {
				images.readFully(pixels);
				final int digit = labels.readUnsignedByte();
				if (digit >= written.length) throw new IOException("Label " + digit + " has no class name in " + idx);
				if (written[digit] >= limit) continue;
				final BufferedImage image = new BufferedImage(columns, rows, BufferedImage.TYPE_BYTE_GRAY);
				image.getRaster().setDataElements(0, 0, columns, rows, pixels);
				final Path target = Files.createDirectories(folder.resolve(names != null ? names[digit] : Integer.toString(digit)))
					.resolve(String.format("%s-%05d.png", folder.getFileName(), i));
				ImageIO.write(image, "png", target.toFile());
				written[digit]++;
			}
			System.out.println(folder + ": " + java.util.Arrays.stream(written).sum() + " images");
		}
	}

	/** Opens an idx file, plain or gzipped, whichever the folder has. */
	private static DataInputStream open(final Path idx, final String name) throws IOException {
		final Path plain = idx.resolve(name);
		if (Files.exists(plain)) return new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(plain)));
		final InputStream gz = Files.newInputStream(idx.resolve(name + ".gz"));
		return new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(gz)));
	}
}
