package io.github.digitclassifier.explain;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

import io.github.digitclassifier.data.ImageFiles;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
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

	/**
	 * A digit as {@link #digit} writes it, on a page cluttered as real paper is: uneven light, ruled
	 * lines (the digit written on one) and a margin line, pencil strokes, specks and a smudge beside
	 * the digit and away from it. The clutter is fainter or thinner than the digit, as a page's
	 * marks are beside the writing asked about, but it lies where the model looks.
	 */
	public static Page cluttered(final Path png, final int width, final int height, final int x, final int y, final int scale,
		final long seed) throws IOException
	{
		final Page page = digit(png, width, height, x, y, scale, seed);
		@SuppressWarnings("unchecked")
		final float[] p = ((ArrayImg<FloatType, FloatArray>) page.image()).update(null).getCurrentStorageArray();
		final Random random = new Random(seed + 1);
		for (int yy = 0; yy < height; yy++) {
			for (int xx = 0; xx < width; xx++) p[yy * width + xx] += 30f * xx / width - 20f * yy / height; // light from one side
		}
		final int[] box = page.box();
		// Ruled lines, one through the digit's lower part, and the margin.
		final int spacing = box[3] - box[1] + 8;
		for (int ly = (box[1] + 2 * (box[3] - box[1]) / 3) % spacing; ly < height; ly += spacing) line(p, width, height, 0, ly, width - 1, ly, 0, 45);
		line(p, width, height, width / 8, 0, width / 8, height - 1, 0, 45);
		for (int i = 0; i < 14; ) { // pencil strokes, half of them near the digit; none crosses it, which would change what it reads
			final boolean near = i % 2 == 0;
			final int sx = near ? box[0] - 40 + random.nextInt(box[2] - box[0] + 80) : random.nextInt(width);
			final int sy = near ? box[1] - 40 + random.nextInt(box[3] - box[1] + 80) : random.nextInt(height);
			final double angle = random.nextDouble() * 2 * Math.PI, length = 10 + random.nextInt(30);
			final int ex = (int) (sx + length * Math.cos(angle)), ey = (int) (sy + length * Math.sin(angle));
			if (Math.max(sx, ex) < box[0] - 4 || Math.min(sx, ex) > box[2] + 4 || Math.max(sy, ey) < box[1] - 4 || Math.min(sy, ey) > box[3] + 4) {
				line(p, width, height, sx, sy, ex, ey, 0, 45);
				i++;
			}
		}
		for (int i = 0; i < 60; i++) { // specks of dust and toner
			final int cx = random.nextInt(width), cy = random.nextInt(height), r = 1;
			for (int dy = -r; dy <= r; dy++) {
				for (int dx = -r; dx <= r; dx++) {
					if (dx * dx + dy * dy <= r * r && cx + dx >= 0 && cx + dx < width && cy + dy >= 0 && cy + dy < height) {
						p[(cy + dy) * width + cx + dx] -= 60;
					}
				}
			}
		}
		return page;
	}

	/** Darkens a line {@code 2 * half + 1} pixels wide from (x0, y0) to (x1, y1) by {@code dark}. */
	private static void line(final float[] p, final int width, final int height, final int x0, final int y0, final int x1, final int y1,
		final int half, final float dark)
	{
		final int steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)) + 1;
		final boolean[] done = new boolean[p.length];
		for (int i = 0; i < steps; i++) {
			final int cx = x0 + Math.round((float) (x1 - x0) * i / steps), cy = y0 + Math.round((float) (y1 - y0) * i / steps);
			for (int dy = -half; dy <= half; dy++) {
				for (int dx = -half; dx <= half; dx++) {
					final int xx = cx + dx, yy = cy + dy;
					if (xx >= 0 && xx < width && yy >= 0 && yy < height && !done[yy * width + xx]) {
						done[yy * width + xx] = true;
						p[yy * width + xx] -= dark;
					}
				}
			}
		}
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
