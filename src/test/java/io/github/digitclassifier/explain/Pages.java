package io.github.digitclassifier.explain;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

import io.github.digitclassifier.data.ImageFiles;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

/** Images with something small on a large noisy page, and where it is: what an explanation should find. */
public final class Pages {

	/** A page and the box ({@code x0, y0, x1, y1}, exclusive ends) of what is on it. */
	public record Page(RandomAccessibleInterval<FloatType> image, int[] box) {

		/** The box grown by half its size on each side, within the page: where an explanation's heat belongs. */
		public int[] around() {
			final int gx = (box[2] - box[0]) / 2, gy = (box[3] - box[1]) / 2;
			return new int[] { Math.max(0, box[0] - gx), Math.max(0, box[1] - gy), Math.min((int) image.dimension(0), box[2] + gx),
				Math.min((int) image.dimension(1), box[3] + gy) };
		}
	}

	private Pages() {}

	/**
	 * A digit image (light ink on black, as MNIST's) written dark, {@code scale} times its size, at
	 * {@code (x, y)} on light paper with grain of its own.
	 */
	public static Page digit(final Path png, final int width, final int height, final int x, final int y, final int scale,
		final long seed) throws IOException
	{
		final float[] digit = ImageFiles.read(png).update(null).getCurrentStorageArray();
		final int dw = 28, dh = digit.length / dw;
		final float[] page = paper(width * height, 200, 20, seed);
		for (int yy = 0; yy < dh * scale; yy++) {
			for (int xx = 0; xx < dw * scale; xx++) {
				final float ink = digit[(yy / scale) * dw + xx / scale] / 255f;
				page[(y + yy) * width + x + xx] -= 170 * ink;
			}
		}
		return new Page(ArrayImgs.floats(page, width, height), new int[] { x, y, x + dw * scale, y + dh * scale });
	}

	/** A colour image (red, green, blue planes), {@code scale} times its size, at {@code (x, y)} on grey paper with grain of its own. */
	public static Page colour(final RandomAccessibleInterval<FloatType> patch, final int scale, final int width, final int height, final int x,
		final int y, final long seed)
	{
		final int pw = scale * (int) patch.dimension(0), ph = scale * (int) patch.dimension(1);
		final float[] planes = new float[3 * width * height];
		final Random random = new Random(seed);
		for (int i = 0; i < width * height; i++) {
			final float grain = (float) (random.nextGaussian() * 15);
			for (int c = 0; c < 3; c++) planes[c * width * height + i] = 128 + grain;
		}
		final net.imglib2.RandomAccess<FloatType> at = patch.randomAccess();
		for (int c = 0; c < 3; c++) {
			for (int yy = 0; yy < ph; yy++) {
				for (int xx = 0; xx < pw; xx++) {
					at.setPosition(new long[] { xx / scale, yy / scale, c });
					planes[c * width * height + (y + yy) * width + x + xx] = at.get().get();
				}
			}
		}
		return new Page(ArrayImgs.floats(planes, width, height, 3), new int[] { x, y, x + pw, y + ph });
	}

	private static float[] paper(final int size, final float level, final float grain, final long seed) {
		final Random random = new Random(seed);
		final float[] page = new float[size];
		for (int i = 0; i < size; i++) page[i] = (float) (level + random.nextGaussian() * grain);
		return page;
	}
}
