import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * Writes the UCI handwritten digits in their original 32x32 bitmap text form (E. Alpaydin and
 * C. Kaynak, 1995; CC BY 4.0) as class folders of PNGs, as a scanner gives them: black ink (the 1s)
 * on white paper, {@code <out>/<digit>/optdigits-<index>.png}. Run with the JDK's source launcher:
 * {@code java scripts/OptdigitsToPng.java <optdigits-orig.tra> <out dir>}. Format: 21 header lines,
 * then per digit 32 lines of 32 characters 0/1 and a line with the label.
 */
public class OptdigitsToPng {

	private static final int HEADER = 21, SIDE = 32;

	public static void main(final String[] args) throws IOException {
		final List<String> lines = Files.readAllLines(Path.of(args[0]));
		final Path out = Path.of(args[1]);
		int count = 0;
		for (int at = HEADER; at + SIDE < lines.size(); at += SIDE + 1) {
			final BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
			for (int y = 0; y < SIDE; y++) {
				final String row = lines.get(at + y).trim();
				if (row.length() != SIDE) throw new IOException(args[0] + " line " + (at + y + 1) + ": expected 32 characters 0/1");
				for (int x = 0; x < SIDE; x++) image.getRaster().setSample(x, y, 0, row.charAt(x) == '1' ? 0 : 255);
			}
			final int label = Integer.parseInt(lines.get(at + SIDE).trim());
			final Path folder = Files.createDirectories(out.resolve(Integer.toString(label)));
			ImageIO.write(image, "png", folder.resolve(String.format("optdigits-%04d.png", count++)).toFile());
		}
		System.out.println(count + " digits written to " + out);
	}
}
