package io.github.digitclassifier.bench.documents;

import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A hand that writes a line of UCI digits (and dots, commas, dashes, crosses, an underline) as pen
 * paths: each digit's skeleton smoothed, slanted, stretched, turned and wobbled as one writer
 * writes, set on a baseline with the writer's spacing.
 */
final class Hand {

	/**
	 * How a writer writes: {@code slant} (horizontal shift per unit of height, positive leaning
	 * right), {@code aspect} (width over the UCI digit's), {@code spacing} (gap between digits over
	 * the height; below 0 they overlap), {@code wobble} (irregularity, 0..1), {@code smoothing}
	 * (rounds of {@link Skeleton#positions}).
	 */
	record Style(double slant, double aspect, double spacing, double wobble, int smoothing) {

		static Style random(final Random random) {
			return new Style(-0.1 + 0.5 * random.nextDouble(), 0.75 + 0.45 * random.nextDouble(),
				random.nextInt(5) == 0 ? -0.04 + 0.08 * random.nextDouble() : 0.04 + 0.35 * random.nextDouble(),
				random.nextDouble(), 1 + random.nextInt(4));
		}
	}

	/**
	 * What was written: the pen's path (baseline at y = 0, starting at x = 0), the box of that path
	 * (the ink reaches half a stroke beyond), and the UCI digits used, in order.
	 */
	record Written(Path2D path, Rectangle2D bounds, int[] sources) {

		/** The path moved so its box's left top is at (x, y). */
		Path2D at(final double x, final double y) {
			final Path2D moved = new Path2D.Double(path);
			moved.transform(AffineTransform.getTranslateInstance(x - bounds.getMinX(), y - bounds.getMinY()));
			return moved;
		}
	}

	private Hand() {}

	/**
	 * Writes {@code text}: digits, {@code .} {@code ,} {@code -} {@code =} (a double dash),
	 * {@code +} (a cross, as for the dead), {@code _} (an underline under all before it),
	 * {@code ' '} (a wider gap). The digits are about {@code height} tall (the pen's path).
	 */
	static Written write(final UciDigits digits, final String text, final double height, final Style style, final Random random) {
		final Path2D path = new Path2D.Double();
		final List<Integer> sources = new ArrayList<>();
		double pen = 0, minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
		final double drift = (random.nextDouble() - 0.5) * 0.06; // the baseline climbs or falls
		for (int c = 0; c < text.length(); c++) {
			final char ch = text.charAt(c);
			final double base = drift * pen + (random.nextDouble() - 0.5) * 0.08 * height * (0.5 + style.wobble());
			final List<double[]> segments = new ArrayList<>(); // x0, y0, x1, y1 before the shift to the pen
			if (ch >= '0' && ch <= '9') {
				final int index = digits.pick(ch - '0', random);
				sources.add(index);
				segments.addAll(digit(digits.skeleton(index), height, style, random));
			}
			else if (ch == '.') {
				final double d = 0.03 * height;
				segments.add(new double[] { 0, -d, d, 0 });
			}
			else if (ch == ',') {
				segments.add(new double[] { 0.06 * height, -0.03 * height, -0.02 * height, 0.18 * height });
			}
			else if (ch == '-' || ch == '=') {
				final double len = (0.25 + 0.25 * random.nextDouble()) * height, y = -(0.35 + 0.2 * random.nextDouble()) * height;
				final double tilt = (random.nextDouble() - 0.5) * 0.15 * len;
				if (ch == '-') segments.add(new double[] { 0, y + tilt, len, y - tilt });
				else {
					segments.add(new double[] { 0, y - 0.12 * height + tilt, len, y - 0.12 * height - tilt });
					segments.add(new double[] { 0, y + 0.12 * height + tilt, len, y + 0.12 * height - tilt });
				}
			}
			else if (ch == '+') {
				final double bar = (0.45 + 0.2 * random.nextDouble()) * height, lean = style.slant() * height;
				segments.add(new double[] { lean, -1.05 * height, 0, 0.1 * height });
				segments.add(new double[] { 0.5 * lean - bar / 2, -0.7 * height, 0.5 * lean + bar / 2, -0.72 * height });
			}
			else if (ch == ' ') {
				pen += 0.4 * height;
				continue;
			}
			else if (ch == '_') {
				if (minX > maxX) continue;
				final double y = (0.12 + 0.15 * random.nextDouble()) * height, x0 = minX - 0.1 * height * random.nextDouble(),
					x1 = maxX + 0.2 * height * random.nextDouble();
				path.moveTo(x0, y + (random.nextDouble() - 0.5) * 0.1 * height);
				path.quadTo((x0 + x1) / 2, y + (random.nextDouble() - 0.3) * 0.15 * height, x1, y + (random.nextDouble() - 0.5) * 0.15 * height);
				maxY = Math.max(maxY, y + 0.15 * height);
				continue;
			}
			else throw new IllegalArgumentException("Cannot write '" + ch + "'");
			double left = Double.MAX_VALUE, right = -Double.MAX_VALUE;
			for (final double[] s : segments) {
				left = Math.min(left, Math.min(s[0], s[2]));
				right = Math.max(right, Math.max(s[0], s[2]));
			}
			final double gap = pen == 0 ? 0 : Math.max(-0.08, style.spacing() * (0.5 + random.nextDouble())) * height
				+ (ch >= '0' && ch <= '9' ? 0 : 0.08 * height);
			final double dx = pen + gap - left;
			for (final double[] s : segments) {
				path.moveTo(s[0] + dx, s[1] + base);
				path.lineTo(s[2] + dx, s[3] + base);
				minX = Math.min(minX, Math.min(s[0], s[2]) + dx);
				maxX = Math.max(maxX, Math.max(s[0], s[2]) + dx);
				minY = Math.min(minY, Math.min(s[1], s[3]) + base);
				maxY = Math.max(maxY, Math.max(s[1], s[3]) + base);
			}
			pen = right + dx;
		}
		return new Written(path, new Rectangle2D.Double(minX, minY, maxX - minX, maxY - minY), sources.stream().mapToInt(Integer::intValue).toArray());
	}

	/** A digit's skeleton as segments, its baseline at y = 0, about {@code height} tall. */
	private static List<double[]> digit(final Skeleton skeleton, final double height, final Style style, final Random random) {
		final double[][] p = skeleton.positions(style.smoothing() + random.nextInt(2));
		double top = Double.MAX_VALUE, bottom = -Double.MAX_VALUE, left = Double.MAX_VALUE;
		for (int i = 0; i < skeleton.nodes(); i++) {
			top = Math.min(top, p[1][i]);
			bottom = Math.max(bottom, p[1][i]);
			left = Math.min(left, p[0][i]);
		}
		final double h = height * (0.9 + 0.2 * random.nextDouble());
		final double scale = h / Math.max(4, bottom - top);
		final double aspect = style.aspect() * (0.92 + 0.16 * random.nextDouble());
		final double slant = style.slant() + (random.nextDouble() - 0.5) * 0.12 * (0.5 + style.wobble());
		final double turn = (random.nextDouble() - 0.5) * 0.1 * style.wobble();
		final double amp = 0.025 * style.wobble() * h, freq = 0.5 + 1.5 * random.nextDouble(), phase = 2 * Math.PI * random.nextDouble();
		final double ampY = 0.02 * style.wobble() * h, phaseY = 2 * Math.PI * random.nextDouble();
		final double cos = Math.cos(turn), sin = Math.sin(turn);
		final double[] x = new double[skeleton.nodes()], y = new double[skeleton.nodes()];
		for (int i = 0; i < x.length; i++) {
			double u = (p[0][i] - left) * scale * aspect, v = (p[1][i] - bottom) * scale;
			u += amp * Math.sin(2 * Math.PI * freq * v / h + phase);
			v += ampY * Math.sin(2 * Math.PI * freq * u / h + phaseY);
			u -= slant * v;
			x[i] = cos * u - sin * v;
			y[i] = sin * u + cos * v;
		}
		final List<double[]> segments = new ArrayList<>();
		for (final int[] e : skeleton.edges()) segments.add(new double[] { x[e[0]], y[e[0]], x[e[1]], y[e[1]] });
		return segments;
	}
}
