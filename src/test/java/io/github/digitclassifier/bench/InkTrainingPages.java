package io.github.digitclassifier.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import java.util.function.IntPredicate;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import io.github.digitclassifier.NumberImages;

/**
 * Training pages for the ink detector ({@link io.github.digitclassifier.read.InkDetector}): a
 * handwritten number of MNIST training digits (1 to 7 digits, 12 to 80 px tall, spaced or
 * touching, sometimes a dash or point after it) on a background of this class's own making: plain,
 * aged or tinted paper with uneven light; security print (line families at any angle and a pitch of
 * 2 to 8 px, waves, guilloche-like curves, dots, crosshatch; faint to as dark as the ink); printed
 * rules, boxes and comb fields; printed text and stamps (Java2D's fonts); black scanner margins and
 * page edges on any side; then blur, noise and JPEG; mostly dark on light, some inverted. The
 * target is the handwriting's own pixels. Independent of the document bench, whose code it does
 * not use.
 */
public final class InkTrainingPages {

	/** The target of the handwriting's faint edges, which no answer is wrong for. */
	public static final float EDGE = 0.5f;

	/**
	 * A page: grey values 0..255 and the handwriting mask (1 ink, 0 not, {@link #EDGE} either), row
	 * by row, and the number written on it (empty when none, or when it may run off the page).
	 */
	public record Page(float[] grey, float[] target, int width, int height, String text) {

		/** Whether at least {@code share} of the handwriting's ink (target 1) lies within columns x0..x1 and rows y0..y1 (ends exclusive). */
		public boolean holdsInk(final double share, final int x0, final int y0, final int x1, final int y1) {
			int inside = 0, all = 0;
			for (int i = 0; i < target.length; i++) {
				if (target[i] < 1) continue;
				all++;
				final int x = i % width, y = i / width;
				if (x >= x0 && x < x1 && y >= y0 && y < y1) inside++;
			}
			return inside >= share * all;
		}

		/**
		 * How far the handwriting stands out of the paper round it, whichever is darker: the
		 * difference of the ink's mean grey and that of the paper within {@link #RING} pixels of it,
		 * over the paper's standard deviation there (0 without handwriting). Print as dark as the
		 * ink, blur and noise bring it down; uneven light, seen only that near, does not.
		 */
		public double contrast() {
			final boolean[] near = nearInk();
			double inkSum = 0, sum = 0, squares = 0;
			int ink = 0, paper = 0;
			for (int i = 0; i < target.length; i++) {
				if (target[i] == 1) {
					inkSum += grey[i];
					ink++;
				}
				else if (target[i] == 0 && near[i]) {
					sum += grey[i];
					squares += grey[i] * grey[i];
					paper++;
				}
			}
			if (ink == 0 || paper < 2) return 0;
			final double mean = sum / paper, sd = Math.sqrt(Math.max(0, squares / paper - mean * mean));
			return Math.abs(inkSum / ink - mean) / Math.max(1, sd);
		}

		/** Pixels within {@link #RING} of ink along both axes: a pass along each row, then along each column. */
		private boolean[] nearInk() {
			final boolean[] rows = new boolean[target.length], near = new boolean[target.length];
			for (int y = 0; y < height; y++) spread(i -> target[i] == 1, rows, y * width, 1, width);
			for (int x = 0; x < width; x++) spread(i -> rows[i], near, x, width, height);
			return near;
		}

		/** Marks in {@code out} the {@code n} pixels from {@code start} by {@code stride} that lie within {@link #RING} of one that is {@code on}. */
		private static void spread(final IntPredicate on, final boolean[] out, final int start, final int stride, final int n) {
			final int[] count = new int[n + 1];
			for (int k = 0; k < n; k++) count[k + 1] = count[k] + (on.test(start + k * stride) ? 1 : 0);
			for (int k = 0; k < n; k++) out[start + k * stride] = count[Math.min(n, k + RING + 1)] > count[Math.max(0, k - RING)];
		}

		/** How near the ink the paper {@link #contrast} weighs it against lies, in pixels. */
		private static final int RING = 3;
	}

	private static final String[] FONTS = { "DejaVu Sans", "DejaVu Serif", "DejaVu Sans Mono", "DejaVu Sans Condensed", "Serif", "SansSerif",
		"Monospaced" };

	private static final String WORDS = "Pay to the order of Amount Date Name Street Strasse Rue Via Gasse Platz Nr No Total Sum " +
		"Signature Bank Account CHF EUR Please print clearly Montant Betrag Geburtsdatum Register Kirchgasse Lac Roma Zurich Bern " +
		"Geneve Lausanne Postfach Versicherten 12 34 567 8901 2026 No. 4 A B C";

	private InkTrainingPages() {}

	/** A page of {@code w} x {@code h} pixels drawn from the random source. */
	public static Page page(final NumberImages.Digits digits, final int w, final int h, final Random r) {
		final int height = (int) Math.round(Math.exp(Math.log(12) + r.nextDouble() * Math.log(80.0 / 12)));
		final Hand hand = r.nextInt(8) != 0 ? handwriting(digits, height, false, r) : null;
		final int hw = hand == null ? 0 : hand.width();
		// The number's left end anywhere from half its width off the page's left to well inside; its middle row within the page.
		final int hx = hand == null ? 0 : (int) (-0.5 * hw * r.nextDouble() + 0.7 * w * r.nextDouble());
		final int hy = hand == null ? 0 : (int) (h * (0.1 + 0.8 * r.nextDouble())) - height;
		return compose(w, h, hand, height, hx, hy, false, r);
	}

	/**
	 * A field holding the whole of a number, as cut from a document: a cheque's amount box (the
	 * number filling most of it) to a register's tall cell (the number small in it), the number
	 * anywhere inside; {@link Page#text} is the number.
	 */
	public static Page field(final NumberImages.Digits digits, final Random r) {
		final int height = (int) Math.round(Math.exp(Math.log(12) + r.nextDouble() * Math.log(80.0 / 12)));
		final Hand hand = handwriting(digits, height, true, r);
		final boolean cell = r.nextInt(3) == 0;
		final int w = hand.width() + (int) (height * (cell ? 1 + 5 * r.nextDouble() : 0.2 + 2 * r.nextDouble()));
		final int h = 2 * height + (int) (height * (cell ? 1 + 8 * r.nextDouble() : 0.6 * r.nextDouble()));
		return compose(w, h, hand, height, r.nextInt(w - hand.width() + 1), r.nextInt(h - 2 * height + 1), true, r);
	}

	/**
	 * Paper, print, the handwriting at (hx, hy) when there is one, then the scanner's doings; a
	 * field's margins stop short of its handwriting.
	 */
	private static Page compose(final int w, final int h, final Hand hand, final int height, final int hx, final int hy, final boolean field,
		final Random r)
	{
		// Layers: paper level, then what is printed (darkening by a share), then the handwriting.
		final float[] grey = paper(w, h, r);
		final BufferedImage print = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		final Graphics2D g = print.createGraphics();
		g.setColor(Color.BLACK);
		g.fillRect(0, 0, w, h);
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, r.nextBoolean() ? RenderingHints.VALUE_ANTIALIAS_ON : RenderingHints.VALUE_ANTIALIAS_OFF);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		final boolean writing = hand != null;
		final float[] ink = writing ? hand.ink() : null;
		final int hw = writing ? hand.width() : 0, hh = writing ? 2 * height : 0;
		// What is printed, set round the handwriting (boxes, rules under it); the writing's middle is a height below hy.
		if (r.nextInt(10) < 5) security(grey, w, h, r);
		if (r.nextInt(10) < 5) rules(g, w, h, hx, hy + height, hw, height, r);
		// A field's printed words stay off the digits' rows: its label names the handwriting only.
		if (r.nextInt(10) < 4) text(g, w, h, field ? new int[] { hy + height / 2, hy + 3 * height / 2 } : null, r);
		if (r.nextInt(10) < 1) stamp(g, w, h, r);
		g.dispose();
		final float printLevel = r.nextInt(4) == 0 ? 60 + r.nextFloat() * 100 : r.nextFloat() * 60;
		final byte[] printed = ((java.awt.image.DataBufferByte) print.getRaster().getDataBuffer()).getData();
		for (int i = 0; i < w * h; i++) {
			final float a = (printed[i] & 0xff) / 255f;
			grey[i] = grey[i] * (1 - a) + Math.min(grey[i], printLevel) * a;
		}
		final float[] target = new float[w * h];
		if (writing) {
			final float inkLevel = r.nextInt(3) == 0 ? 90 + r.nextFloat() * 90 : 10 + r.nextFloat() * 80;
			for (int y = 0; y < hh; y++) {
				for (int x = 0; x < hw; x++) {
					final int px = hx + x, py = hy + y;
					if (px < 0 || py < 0 || px >= w || py >= h) continue;
					final float a = ink[y * hw + x];
					if (a <= 0) continue;
					final int i = py * w + px;
					// Ink at least 40 levels darker than the paper under it, however dark the paper.
					grey[i] = grey[i] * (1 - a) + Math.min(grey[i] - 40, inkLevel) * a;
					if (a > 0.35f) target[i] = 1;
					else if (a > 0.05f && target[i] == 0) target[i] = EDGE;
				}
			}
		}
		if (r.nextInt(10) < 3) margins(grey, target, w, h, field ? new int[] { hx, hy, hx + hw, hy + hh } : null, r);
		light(grey, w, h, r);
		if (r.nextInt(10) < 6) blur(grey, w, h, 0.3 + r.nextDouble() * 1.0);
		final double noise = r.nextInt(3) == 0 ? 0 : r.nextDouble() * 10;
		for (int i = 0; i < w * h; i++) grey[i] = (float) Math.max(0, Math.min(255, grey[i] + noise * r.nextGaussian()));
		if (r.nextInt(10) < 5) jpeg(grey, w, h, 0.2f + 0.75f * r.nextFloat());
		if (r.nextInt(8) == 0) for (int i = 0; i < w * h; i++) grey[i] = 255 - grey[i];
		return new Page(grey, target, w, h, writing && field ? hand.text() : "");
	}

	private record Hand(float[] ink, int width, String text) {}

	/**
	 * The number's ink (0..1) on a canvas two heights tall; with {@code marks}, as in a field, some
	 * with points, commas or dashes between the digits, a cross before or after them or a line under them,
	 * which are not part of the number.
	 */
	private static Hand handwriting(final NumberImages.Digits digits, final int height, final boolean marks, final Random r) {
		final NumberImages.Condition condition = r.nextInt(3) == 0 ? NumberImages.Condition.TOUCHING
			: marks && r.nextInt(5) == 0 ? NumberImages.Condition.PUNCTUATED : NumberImages.Condition.SPACED;
		final NumberImages.Sample s = NumberImages.draw(digits, 1 + r.nextInt(7), condition, height, true, r);
		final BufferedImage image = s.image();
		final int w = image.getWidth(), h = image.getHeight();
		final float[] ink = new float[w * h];
		for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) ink[y * w + x] = (235 - image.getRaster().getSample(x, y, 0)) / 215f;
		// A dash or a point after some numbers, as on cheques.
		if (r.nextInt(5) == 0) {
			final int stroke = Math.max(1, height / 10), x0 = w - (int) (0.55 * height), y = r.nextBoolean() ? height : (int) (1.45 * height);
			final int len = y == height ? (int) (0.4 * height) : stroke + 1;
			for (int yy = y; yy < Math.min(h, y + stroke + 1); yy++) for (int xx = Math.max(0, x0); xx < Math.min(w, x0 + len); xx++) ink[yy * w + xx] = 1;
		}
		if (marks) registerMarks(ink, w, h, height, r);
		for (int i = 0; i < ink.length; i++) ink[i] = Math.max(0, Math.min(1, ink[i]));
		// Pens: MNIST's strokes grow with the digits' size; half the numbers are written with a finer pen (eroded, down
		// to a pixel or two wide at any height), some with a marker (dilated).
		final int pen = r.nextInt(20);
		if (pen < 10) for (int k = 0, n = r.nextInt(Math.max(1, height / 9) + 1); k < n; k++) morph(ink, w, h, true);
		else if (pen < 13) for (int k = 0, n = 1 + r.nextInt(2); k < n; k++) morph(ink, w, h, false);
		return new Hand(ink, w, s.text());
	}

	/** A register's marks: a cross in the margin before or after the number, a line under it (each sometimes). */
	private static void registerMarks(final float[] ink, final int w, final int h, final int height, final Random r) {
		final double stroke = Math.max(1, height / 10.0) * (0.6 + 0.6 * r.nextDouble());
		if (r.nextInt(8) == 0) {
			final double margin = height * (0.25 + 0.1 * r.nextDouble());
			final double cx = r.nextBoolean() ? margin : w - margin, cy = height * (0.9 + 0.3 * r.nextDouble()), arm = height * (0.2 + 0.1 * r.nextDouble());
			final double tilt = (r.nextDouble() - 0.5) * 0.4;
			line(ink, w, h, cx - arm * Math.cos(tilt), cy - arm * Math.sin(tilt), cx + arm * Math.cos(tilt), cy + arm * Math.sin(tilt), stroke);
			final double up = arm * (1 + r.nextDouble());
			line(ink, w, h, cx + up * Math.sin(tilt), cy - up * Math.cos(tilt), cx - arm * 1.6 * Math.sin(tilt), cy + arm * 1.6 * Math.cos(tilt), stroke);
		}
		if (r.nextInt(8) == 0) {
			final double y = height * (1.6 + 0.15 * r.nextDouble()), slope = (r.nextDouble() - 0.5) * 0.06 * height;
			line(ink, w, h, height * 0.3 * r.nextDouble(), y, w - height * 0.3 * r.nextDouble(), y + slope, stroke);
		}
	}

	/** A straight stroke of the given width between two points, added to the ink. */
	private static void line(final float[] ink, final int w, final int h, final double x0, final double y0, final double x1, final double y1,
		final double width)
	{
		final double length = Math.hypot(x1 - x0, y1 - y0);
		for (int y = Math.max(0, (int) (Math.min(y0, y1) - width)); y <= Math.min(h - 1, (int) (Math.max(y0, y1) + width)); y++) {
			for (int x = Math.max(0, (int) (Math.min(x0, x1) - width)); x <= Math.min(w - 1, (int) (Math.max(x0, x1) + width)); x++) {
				final double t = length == 0 ? 0 : Math.max(0, Math.min(1, ((x - x0) * (x1 - x0) + (y - y0) * (y1 - y0)) / (length * length)));
				final double d = Math.hypot(x - (x0 + t * (x1 - x0)), y - (y0 + t * (y1 - y0)));
				ink[y * w + x] = Math.max(ink[y * w + x], (float) Math.max(0, Math.min(1, width / 2 + 0.5 - d)));
			}
		}
	}

	/** Grey erosion (the darkest of a pixel and its four neighbours' ink: the least ink) or dilation, in place. */
	private static void morph(final float[] ink, final int w, final int h, final boolean erode) {
		final float[] was = ink.clone();
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				float v = was[y * w + x];
				final float l = x > 0 ? was[y * w + x - 1] : 0, rr = x + 1 < w ? was[y * w + x + 1] : 0;
				final float u = y > 0 ? was[(y - 1) * w + x] : 0, d = y + 1 < h ? was[(y + 1) * w + x] : 0;
				v = erode ? Math.min(v, Math.min(Math.min(l, rr), Math.min(u, d))) : Math.max(v, Math.max(Math.max(l, rr), Math.max(u, d)));
				ink[y * w + x] = v;
			}
		}
	}

	private static float[] paper(final int w, final int h, final Random r) {
		final float base = 150 + r.nextFloat() * 100;
		final float[] grey = new float[w * h];
		// Aged paper: a few broad blotches.
		final int blotches = r.nextInt(3) == 0 ? 2 + r.nextInt(6) : 0;
		final double[][] b = new double[blotches][];
		for (int k = 0; k < blotches; k++) {
			b[k] = new double[] { r.nextDouble() * w, r.nextDouble() * h, 10 + r.nextDouble() * 60, (r.nextDouble() - 0.6) * 40 };
		}
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				double v = base;
				for (final double[] k : b) v += k[3] * Math.exp(-((x - k[0]) * (x - k[0]) + (y - k[1]) * (y - k[1])) / (2 * k[2] * k[2]));
				grey[y * w + x] = (float) v;
			}
		}
		// Paper fibre: fine texture.
		if (r.nextBoolean()) {
			final double amount = r.nextDouble() * 6;
			for (int i = 0; i < grey.length; i++) grey[i] += (float) (amount * r.nextGaussian());
			blur(grey, w, h, 0.8);
		}
		return grey;
	}

	/** Security print: one to three families of lines, waves, curves or dots, each darkening the paper by up to as much as ink. */
	private static void security(final float[] grey, final int w, final int h, final Random r) {
		final int families = 1 + r.nextInt(r.nextInt(4) == 0 ? 3 : 2);
		final float[] cover = new float[w * h];
		for (int f = 0; f < families; f++) {
			final int kind = r.nextInt(5); // lines, waves, guilloche, dots, crosshatch
			final double angle = r.nextDouble() * Math.PI, pitch = 2 + r.nextDouble() * 6;
			final double width = 0.5 + r.nextDouble() * Math.min(2.5, pitch * 0.6);
			final double nx = Math.cos(angle), ny = Math.sin(angle);
			final double amplitude = kind == 1 || kind == 2 ? 1 + r.nextDouble() * 6 : 0, wave = 10 + r.nextDouble() * 50;
			final double amplitude2 = kind == 2 ? 1 + r.nextDouble() * 5 : 0, wave2 = 5 + r.nextDouble() * 30, phase = r.nextDouble() * 7;
			final double cx = r.nextDouble() * w, cy = r.nextDouble() * h, rings = r.nextDouble();
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					final double u = x * nx + y * ny, t = -x * ny + y * nx;
					double d;
					if (kind == 3) {
						final double du = frac(u / pitch) - 0.5, dt = frac(t / pitch) - 0.5;
						d = Math.sqrt(du * du + dt * dt) * pitch;
					}
					else {
						double s = u + amplitude * Math.sin(t / wave * 2 * Math.PI + phase) + amplitude2 * Math.sin(t / wave2 * 2 * Math.PI);
						if (kind == 2 && rings < 0.3) s = Math.hypot(x - cx, y - cy) + amplitude * Math.sin(Math.atan2(y - cy, x - cx) * 12 + phase);
						d = Math.abs(frac(s / pitch) - 0.5) * pitch;
						if (kind == 4) d = Math.min(d, Math.abs(frac(t / pitch) - 0.5) * pitch);
					}
					// Anti-aliased line profile: 1 within half the width, falling off over a pixel.
					final double a = Math.max(0, Math.min(1, width / 2 + 0.5 - (pitch / 2 - d)));
					cover[y * w + x] = (float) Math.max(cover[y * w + x], a);
				}
			}
		}
		// Contrast from faint to as dark as light ink.
		final float depth = r.nextInt(3) == 0 ? 60 + r.nextFloat() * 100 : 10 + r.nextFloat() * 60;
		for (int i = 0; i < w * h; i++) grey[i] -= depth * cover[i];
	}

	private static double frac(final double v) {
		return v - Math.floor(v);
	}

	/** Printed rules, boxes round the writing or comb fields, and lines crossing the page. */
	private static void rules(final Graphics2D g, final int w, final int h, final int hx, final int midY, final int hw, final int height,
		final Random r)
	{
		g.setColor(new Color(255, 255, 255));
		final float stroke = 1 + r.nextFloat() * (r.nextInt(4) == 0 ? 3 : 1);
		g.setStroke(new BasicStroke(stroke));
		switch (r.nextInt(5)) {
			case 0 -> { // horizontal and vertical rules of a table or register
				for (int k = 0, n = 1 + r.nextInt(3); k < n; k++) g.drawLine(0, r.nextInt(h), w, r.nextInt(3) == 0 ? r.nextInt(h) : -1);
				for (int k = 0, n = r.nextInt(3); k < n; k++) {
					final int x = r.nextInt(w);
					g.drawLine(x, 0, x + r.nextInt(5) - 2, h);
				}
			}
			case 1 -> { // a baseline under the writing, ruled paper
				final int pitch = (int) (height * (1 + r.nextDouble()));
				final int y0 = midY + (int) (height * (0.45 + 0.2 * r.nextDouble()));
				for (int y = y0 % Math.max(4, pitch); y < h; y += Math.max(4, pitch)) g.drawLine(0, y, w, y);
			}
			case 2 -> { // boxes round each digit or the whole number
				final int box = (int) (height * (1.1 + 0.5 * r.nextDouble()));
				final int top = midY - box / 2 + r.nextInt(Math.max(1, height / 4)) - height / 8;
				for (int x = hx - r.nextInt(Math.max(1, height / 2)); x < Math.min(w, hx + hw + box); x += box) g.drawRect(x, top, box, box);
			}
			case 3 -> { // comb field: a baseline with ticks
				final int y = midY + (int) (height * 0.6), tick = (int) (height * (0.2 + 0.4 * r.nextDouble()));
				final int pitch = (int) (height * (0.7 + 0.5 * r.nextDouble()));
				g.drawLine(0, y, w, y);
				for (int x = r.nextInt(Math.max(1, pitch)); x < w; x += Math.max(4, pitch)) g.drawLine(x, y, x, y - tick);
			}
			default -> { // a frame's side near the writing
				final int x = hx + (r.nextBoolean() ? -r.nextInt(Math.max(1, height)) : hw - r.nextInt(Math.max(1, height / 2)));
				g.drawLine(x, 0, x, h);
				if (r.nextBoolean()) g.drawLine(0, midY - height, w, midY - height);
			}
		}
	}

	/** Printed words and numbers, in any font, size and weight; a line that would cross the rows {@code band} (y0, y1; null: none) is not printed. */
	private static void text(final Graphics2D g, final int w, final int h, final int[] band, final Random r) {
		final String[] words = WORDS.split(" ");
		for (int line = 0, n = 1 + r.nextInt(3); line < n; line++) {
			final int size = 8 + r.nextInt(r.nextInt(3) == 0 ? 40 : 16);
			g.setFont(new Font(FONTS[r.nextInt(FONTS.length)], r.nextInt(4), size));
			g.setColor(new Color(255, 255, 255));
			final StringBuilder s = new StringBuilder();
			for (int k = 0, m = 1 + r.nextInt(4); k < m; k++) {
				s.append(r.nextInt(4) == 0 ? Integer.toString(r.nextInt(100000)) : words[r.nextInt(words.length)]).append(' ');
			}
			final int x = r.nextInt(w) - w / 3, y = r.nextInt(h + size);
			final java.awt.FontMetrics metrics = g.getFontMetrics();
			if (band != null && y + metrics.getDescent() > band[0] && y - metrics.getAscent() < band[1]) continue;
			g.drawString(s.toString(), x, y);
		}
	}

	/** A stamp: a ring or a frame with words, turned. */
	private static void stamp(final Graphics2D g, final int w, final int h, final Random r) {
		final AffineTransform saved = g.getTransform();
		g.rotate(r.nextDouble() - 0.5, r.nextInt(w), r.nextInt(h));
		final int grey = 120 + r.nextInt(136);
		g.setColor(new Color(grey, grey, grey));
		g.setStroke(new BasicStroke(1 + r.nextInt(3)));
		final int size = 30 + r.nextInt(60), x = r.nextInt(w) - size / 2, y = r.nextInt(h) - size / 2;
		if (r.nextBoolean()) g.drawOval(x, y, size, size);
		else g.drawRect(x, y, size, size / 2);
		g.setFont(new Font(FONTS[r.nextInt(FONTS.length)], Font.BOLD, 8 + r.nextInt(10)));
		g.drawString("PAID " + r.nextInt(31) + ".12.2026", x + 4, y + size / 4 + 6);
		g.setTransform(saved);
	}

	/**
	 * A black scanner margin, or the page's edge over a darker or lighter ground, on one or two
	 * sides; short of the box {@code keep} (x0, y0, x1, y1; null: anywhere).
	 */
	private static void margins(final float[] grey, final float[] target, final int w, final int h, final int[] keep, final Random r) {
		for (int k = 0, n = 1 + r.nextInt(2); k < n; k++) {
			final int side = r.nextInt(4);
			int depth = r.nextInt(Math.max(2, (side % 2 == 0 ? w : h) / 3));
			if (keep != null) depth = Math.min(depth, switch (side) {
				case 0 -> keep[0]; case 1 -> keep[1]; case 2 -> w - keep[2]; default -> h - keep[3];
			} - 3);
			final float level = r.nextInt(3) == 0 ? 60 + r.nextFloat() * 120 : r.nextFloat() * 50;
			final double tilt = (r.nextDouble() - 0.5) * 0.1, rough = r.nextDouble() * 2;
			final boolean shadow = r.nextBoolean();
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					final int along = side % 2 == 0 ? y : x, across = switch (side) {
						case 0 -> x; case 1 -> y; case 2 -> w - 1 - x; default -> h - 1 - y;
					};
					final double edge = depth + tilt * along + rough * r.nextGaussian() * 0.5;
					final int i = y * w + x;
					if (across < edge) {
						grey[i] = level + 4 * (float) r.nextGaussian();
						target[i] = 0;
					}
					else if (shadow && across < edge + 6) grey[i] -= (float) (30 * (1 - (across - edge) / 6));
				}
			}
		}
	}

	/** Uneven light: a gradient across the page. */
	private static void light(final float[] grey, final int w, final int h, final Random r) {
		if (r.nextBoolean()) return;
		final double gx = (r.nextDouble() - 0.5) * 1.2, gy = (r.nextDouble() - 0.5) * 1.2;
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) grey[y * w + x] *= (float) Math.max(0.3, 1 + gx * (x / (double) w - 0.5) + gy * (y / (double) h - 0.5));
		}
	}

	/** Separable Gaussian blur in place. */
	static void blur(final float[] grey, final int w, final int h, final double sigma) {
		final int radius = (int) Math.ceil(2.5 * sigma);
		final float[] kernel = new float[2 * radius + 1];
		float sum = 0;
		for (int k = -radius; k <= radius; k++) sum += kernel[k + radius] = (float) Math.exp(-k * k / (2 * sigma * sigma));
		for (int k = 0; k < kernel.length; k++) kernel[k] /= sum;
		final float[] tmp = new float[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				float v = 0;
				for (int k = -radius; k <= radius; k++) v += kernel[k + radius] * grey[y * w + Math.max(0, Math.min(w - 1, x + k))];
				tmp[y * w + x] = v;
			}
		}
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				float v = 0;
				for (int k = -radius; k <= radius; k++) v += kernel[k + radius] * tmp[Math.max(0, Math.min(h - 1, y + k)) * w + x];
				grey[y * w + x] = v;
			}
		}
	}

	/** JPEG at the given quality, in place. */
	private static void jpeg(final float[] grey, final int w, final int h, final float quality) {
		final BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) image.getRaster().setSample(x, y, 0, Math.round(Math.max(0, Math.min(255, grey[y * w + x]))));
		try {
			final ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
			final ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
				writer.setOutput(out);
				writer.write(null, new IIOImage(image, null, null), param);
			}
			writer.dispose();
			final BufferedImage read = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
			for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) grey[y * w + x] = read.getRaster().getSample(x, y, 0);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
