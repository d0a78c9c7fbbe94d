package io.github.digitclassifier.bench.documents;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.Random;

/**
 * Images of handwritten numbers as they are cut from real documents, made of the UCI handwritten
 * digits (30 writers, never trained on here) written again as pen strokes (see {@link Hand}), on
 * paper, print and scans unlike the numbers the bundled reader was trained on (MNIST's digits on
 * plain or ruled grey paper, see {@code NumberImages}). Each method makes one image of its kind from
 * a seed: the same seed, the same image.
 */
public final class Documents {

	/** The kinds of document, each a method of this class. */
	public enum Kind {
		/** Courtesy amounts cut from bank cheques, on security print. */
		CHEQUE,
		/** Row numbers cut from the cells of scanned 1920s registers, with margins and ruled lines. */
		REGISTER,
		/** Digits written in the printed boxes of forms. */
		FORM,
		/** Postal codes written among an envelope's printed address. */
		ENVELOPE;

		public String id() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	private static final String SANS = "DejaVu Sans", SERIF = "DejaVu Serif", MONO = "DejaVu Sans Mono", CONDENSED = "DejaVu Sans Condensed";

	private final UciDigits digits;

	public Documents(final UciDigits digits) {
		this.digits = digits;
	}

	/** The document of {@code kind} made from {@code seed}. */
	public Document make(final Kind kind, final long seed) {
		return switch (kind) {
			case CHEQUE -> cheque(seed);
			case REGISTER -> register(seed);
			case FORM -> form(seed);
			case ENVELOPE -> envelope(seed);
		};
	}

	// ---------------------------------------------------------------------------------------------
	// Cheques

	/**
	 * A courtesy amount cut from a bank cheque: 1 to 7 digits (mostly 4 to 6), ball-point, sometimes
	 * ending in a dot or a dash or carrying a dash inside; the field 44 to 307 px wide and 33 to 108
	 * px tall, its paper security-printed all over with fine diagonal or wavy lines 3 to 6 px apart,
	 * about as dark as light ink; JPEG.
	 */
	public Document cheque(final long seed) {
		final Random random = new Random(seed * 0x9E3779B97F4A7C15L + 1);
		final int count = weighted(random, 3, 5, 8, 20, 26, 24, 14) + 1;
		final String label = number(random, count, false);
		String text = label;
		final double mark = random.nextDouble();
		if (mark < 0.12 && count >= 3) text = label.substring(0, count - 2) + "-" + label.substring(count - 2);
		else if (mark < 0.24) text = label + ".";
		else if (mark < 0.31) text = label + ".-";
		else if (mark < 0.37) text = label + "-";
		else if (mark < 0.40) text = label + "=";
		final int maxW = 307, minW = 44;
		int fieldH = 33 + random.nextInt(76);
		double height = fieldH * (0.42 + 0.33 * random.nextDouble());
		final Hand.Style style = Hand.Style.random(random);
		final double strokeShare = 0.07 + 0.06 * random.nextDouble();
		final long handSeed = random.nextLong();
		Hand.Written written = null;
		double stroke = 0, marginL = 0, marginR = 0;
		for (int attempt = 0; attempt < 6; attempt++) {
			stroke = clamp(height * strokeShare, 1.1, 3.4);
			written = Hand.write(digits, text, height, style, new Random(handSeed));
			marginL = height * (0.1 + 0.7 * random.nextDouble());
			marginR = height * (0.1 + 0.7 * random.nextDouble());
			final double needW = written.bounds().getWidth() + stroke + marginL + marginR;
			final double needH = written.bounds().getHeight() + stroke + 4;
			final double fit = Math.min(1, Math.min((maxW - 1) / needW, fieldH / needH));
			if (fit >= 1) break;
			if (needH > fieldH && fieldH < 108) fieldH = (int) Math.min(108, Math.ceil(needH));
			else height *= fit * 0.97;
		}
		final double inkW = written.bounds().getWidth() + stroke, inkH = written.bounds().getHeight() + stroke;
		final double spare = random.nextInt(3) == 0 ? random.nextDouble() * 0.5 * inkW : 0;
		final int w = (int) clamp(Math.round(inkW + marginL + marginR + spare), minW, maxW), h = fieldH;
		final double x = clamp(marginL + (random.nextBoolean() ? spare : spare * random.nextDouble()), stroke / 2, w - inkW + stroke / 2);
		final double y = stroke / 2 + random.nextDouble() * Math.max(0, h - inkH);

		final double[] paper = pick(random, new double[][] { { 246, 245, 240 }, { 228, 241, 228 }, { 226, 236, 248 }, { 246, 230, 232 },
			{ 246, 241, 218 }, { 236, 236, 236 }, { 240, 234, 246 } });
		final Sheet sheet = new Sheet(w, h, Sheet.rgb(jitter(random, paper[0], 6), jitter(random, paper[1], 6), jitter(random, paper[2], 6)));
		sheet.light(scale(Fields.octaves(w, h, 4, 2, random), 0.015, 1));
		// Security print: one or two families of fine lines over the whole field.
		final double[] printColour = pick(random, new double[][] { { 120, 130, 140 }, { 90, 130, 190 }, { 90, 160, 110 }, { 190, 110, 120 },
			{ 150, 120, 90 }, { 140, 110, 170 }, { 110, 110, 110 } });
		final double[] print = Sheet.rgb(printColour[0], printColour[1], printColour[2]);
		final double printOpacity = 0.45 + 0.5 * random.nextDouble();
		// Printed unevenly: stronger and weaker patches, and on some cheques lines broken into dashes.
		final float[] strength = scale(Fields.smooth(w, h, 8 + 40 * random.nextDouble(), random), 0.35 * random.nextDouble(), 1);
		final int family = weighted(random, 4, 4, 1, 1);
		final double pitch = 3 + 3 * random.nextDouble(), width = 0.5 + 0.6 * random.nextDouble();
		final double angle = (random.nextBoolean() ? 1 : -1) * Math.toRadians(25 + 40 * random.nextDouble());
		final double dash = random.nextBoolean() ? 4 + 14 * random.nextDouble() : 0, duty = 0.45 + 0.4 * random.nextDouble();
		switch (family) {
			case 0 -> sheet.ink(multiply(lines(w, h, angle, pitch, width, 0, 1, dash, duty, random), strength), print, printOpacity);
			case 1 -> {
				final double along = random.nextBoolean() ? angle : Math.toRadians((random.nextDouble() - 0.5) * 40);
				sheet.ink(multiply(lines(w, h, along, pitch, width, 0.6 + 2.2 * random.nextDouble(), 8 + 30 * random.nextDouble(), dash, duty, random),
					strength), print, printOpacity);
			}
			case 2 -> {
				sheet.ink(multiply(lines(w, h, angle, pitch, width, 0, 1, dash, duty, random), strength), print, printOpacity * 0.7);
				sheet.ink(multiply(lines(w, h, -angle, pitch * (0.9 + 0.3 * random.nextDouble()), width, 0, 1, dash, duty, random), strength), print,
					printOpacity * 0.7);
			}
			default -> {
				final double amplitude = 0.8 + 2 * random.nextDouble(), wave = 10 + 25 * random.nextDouble();
				sheet.ink(multiply(lines(w, h, 0, pitch, width, amplitude, wave, 0, 1, random), strength), print, printOpacity * 0.75);
				sheet.ink(multiply(lines(w, h, 0, pitch, width, -amplitude, wave, 0, 1, random), strength), print, printOpacity * 0.75);
			}
		}
		// Pieces of the field's printed frame, sometimes a currency.
		final double[] frame = Sheet.rgb(40 + random.nextInt(60), 40 + random.nextInt(60), 50 + random.nextInt(70));
		if (random.nextInt(3) == 0) {
			final Path2D border = new Path2D.Double();
			final double inset = random.nextDouble() * 2.5;
			if (random.nextBoolean()) { border.moveTo(0, inset); border.lineTo(w, inset + (random.nextDouble() - 0.5) * 2); }
			if (random.nextBoolean()) { border.moveTo(0, h - 1 - inset); border.lineTo(w, h - 1 - inset + (random.nextDouble() - 0.5) * 2); }
			if (random.nextInt(3) == 0) { border.moveTo(inset, 0); border.lineTo(inset, h); }
			sheet.ink(sheet.stroke(border, 0.8 + 0.8 * random.nextDouble()), frame, 0.6 + 0.35 * random.nextDouble());
		}
		if (random.nextInt(8) == 0 && x > h * 0.5) {
			final String currency = pick(random, new String[] { "Fr.", "CHF", "€", "EUR", "$" });
			final Font font = new Font(random.nextBoolean() ? SANS : SERIF, random.nextBoolean() ? Font.BOLD : Font.PLAIN, (int) Math.max(9, 0.25 * h));
			sheet.ink(sheet.text(currency, font, 1 + random.nextInt(3), 0.45 * h + random.nextInt((int) (0.4 * h)), 0), frame, 0.8);
		}
		final Path2D pen = written.at(x, y);
		final float[] ink = sheet.stroke(pen, stroke);
		pressure(sheet, ink, random, 0.15 + 0.35 * random.nextDouble(), stroke);
		sheet.ink(ink, ballPoint(random), 0.8 + 0.18 * random.nextDouble());
		sheet.light(Fields.lighting(w, h, 0.18 * random.nextDouble(), random));
		return scan(sheet, random, label, written.sources(), height, random.nextInt(10) < 3, 0.35 + 0.55 * random.nextDouble());
	}

	/**
	 * Coverage of parallel lines across the image, running at {@code angle} (radians from the x
	 * axis, y down), {@code pitch} pixels apart, {@code width} wide, displaced across by a sine of
	 * {@code amplitude} pixels and {@code wave} pixels long (0: straight), with a little of its
	 * second harmonic; broken into dashes {@code dash} pixels apart, {@code duty} of that long
	 * (dash 0: unbroken).
	 */
	static float[] lines(final int w, final int h, final double angle, final double pitch, final double width, final double amplitude,
		final double wave, final double dash, final double duty, final Random random)
	{
		// Lines run along direction (cos a, sin a); the normal is (-sin a, cos a).
		final double ca = Math.cos(angle), sa = Math.sin(angle), phase = 2 * Math.PI * random.nextDouble(), offset = pitch * random.nextDouble();
		final double second = random.nextDouble() * 0.4, secondPhase = 2 * Math.PI * random.nextDouble();
		final float[] mask = new float[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				final double t = x * ca + y * sa;
				double s = -x * sa + y * ca + offset;
				if (amplitude != 0) {
					s += amplitude * (Math.sin(2 * Math.PI * t / wave + phase) + second * Math.sin(4 * Math.PI * t / wave + secondPhase));
				}
				final double line = Math.rint(s / pitch), d = Math.abs(s - pitch * line);
				double cover = clamp(width / 2 + 0.5 - d, 0, 1);
				if (dash > 0 && cover > 0) {
					// Each line's dashes start at their own place along it.
					final double u = ((t + dash * frac(line * 0.618034 + phase)) % dash + dash) % dash;
					cover *= clamp(Math.min(u, duty * dash - u) + 0.5, 0, 1);
				}
				mask[y * w + x] = (float) cover;
			}
		}
		return mask;
	}

	// ---------------------------------------------------------------------------------------------
	// Registers

	/**
	 * A row number cut from a column of a scanned 1920s register: a cell 80 to 160 px wide and 100
	 * to 315 px tall on aged paper, often partly the scanner's black margin or the page's edge, with
	 * the register's printed rules crossing it; the number, 1 to 3 digits, written small (12 to 30
	 * px tall) with a dip pen somewhere in it, sometimes with a dot after it, a cross or an underline.
	 */
	public Document register(final long seed) {
		final Random random = new Random(seed * 0x9E3779B97F4A7C15L + 2);
		final int w = 80 + random.nextInt(81), h = 100 + random.nextInt(216);
		final int count = weighted(random, 2, 4, 4) + 1;
		final String label = number(random, count, false);
		String text = label;
		if (random.nextInt(3) == 0) text += ".";
		if (random.nextInt(7) == 0) text = random.nextBoolean() ? text + " +" : "+ " + text;
		if (random.nextInt(5) == 0) text += "_";
		final double height = 12 + 18 * random.nextDouble();
		final double[] paper = { jitter(random, 228, 10), jitter(random, 214, 12), jitter(random, 178, 20) };
		final Sheet sheet = new Sheet(w, h, Sheet.rgb(paper[0], paper[1], paper[2]));
		sheet.light(scale(Fields.octaves(w, h, 5, 2, random), 0.03, 1));
		sheet.tint(Fields.octaves(w, h, 60 + 80 * random.nextDouble(), 3, random), new double[] { 0.04, 0.07, 0.14 });
		// The register's printed rules: the column's edges and the rows', slightly tilted and bowed.
		final double[] ruleColour = random.nextInt(5) == 0 ? Sheet.rgb(170, 60, 50) : Sheet.rgb(jitter(random, 50, 15), jitter(random, 40, 12), jitter(random, 35, 10));
		final Path2D rules = new Path2D.Double();
		final double ruleWidth = 0.9 + 1.4 * random.nextDouble();
		final int vertical = weighted(random, 1, 5, 3);
		for (int i = 0; i < vertical; i++) {
			final double at = i == 0 ? w * (random.nextBoolean() ? 0.02 + 0.2 * random.nextDouble() : 0.78 + 0.2 * random.nextDouble())
				: w * (0.1 + 0.8 * random.nextDouble());
			final double tilt = (random.nextDouble() - 0.5) * 0.03 * h, bow = (random.nextDouble() - 0.5) * 3;
			rules.moveTo(at - tilt, -2);
			rules.quadTo(at + bow, h / 2.0, at + tilt, h + 2);
			if (random.nextInt(3) == 0) {
				final double gap = 2 + 3 * random.nextDouble();
				rules.moveTo(at - tilt + gap, -2);
				rules.quadTo(at + bow + gap, h / 2.0, at + tilt + gap, h + 2);
			}
		}
		final int horizontal = weighted(random, 2, 4, 3, 1);
		for (int i = 0; i < horizontal; i++) {
			final double at = h * random.nextDouble(), tilt = (random.nextDouble() - 0.5) * 0.04 * w;
			rules.moveTo(-2, at - tilt);
			rules.quadTo(w / 2.0, at + (random.nextDouble() - 0.5) * 2, w + 2, at + tilt);
		}
		final float[] ruleMask = sheet.stroke(rules, ruleWidth);
		final float[] wear = scale(Fields.smooth(w, h, 6 + 10 * random.nextDouble(), random), 0.3 * random.nextDouble(), 1);
		sheet.ink(multiply(ruleMask, wear), ruleColour, 0.55 + 0.4 * random.nextDouble());
		// Show-through from the page's back, faint.
		if (random.nextInt(3) == 0) {
			final Hand.Written back = Hand.write(digits, number(random, 2 + random.nextInt(3), true), 14 + 20 * random.nextDouble(),
				Hand.Style.random(random), random);
			final Path2D mirrored = back.at(random.nextDouble() * w * 0.6, random.nextDouble() * h * 0.8);
			mirrored.transform(new java.awt.geom.AffineTransform(-1, 0, 0, 1, w, 0));
			sheet.ink(sheet.stroke(mirrored, 1.5 + random.nextDouble()), Sheet.rgb(120, 100, 70), 0.06 + 0.12 * random.nextDouble());
		}
		// Foxing: small brown spots.
		if (random.nextInt(3) == 0) {
			final Path2D spots = new Path2D.Double();
			for (int i = random.nextInt(6); i >= 0; i--) {
				final double r = 0.5 + 2.5 * random.nextDouble(), sx = random.nextDouble() * w, sy = random.nextDouble() * h;
				spots.append(new java.awt.geom.Ellipse2D.Double(sx - r, sy - r, 2 * r, 2 * r), false);
			}
			sheet.ink(sheet.mask(g -> g.fill(spots)), Sheet.rgb(150, 100, 60), 0.2 + 0.4 * random.nextDouble());
		}
		// The page's edge: which side, how far in; beyond it, the scanner's black margin or its lid.
		final int edgeKind = weighted(random, 3, 11, 4); // none, black margin, the lid's grey
		final int side = weighted(random, 4, 4, 1, 1); // left, right, top, bottom
		final double depth = (side < 2 ? w : h) * (0.06 + 0.4 * random.nextDouble());
		final double edgeTilt = (random.nextDouble() - 0.5) * 0.1;
		// The number is written on the page, away from the edge.
		final Hand.Style style = Hand.Style.random(random);
		final Hand.Written written = Hand.write(digits, text, height, style, random);
		final boolean nib = random.nextBoolean();
		final double stroke = clamp(height * (0.07 + 0.08 * random.nextDouble()), 1.0, 3.2);
		final double inkW = written.bounds().getWidth() + stroke, inkH = written.bounds().getHeight() + stroke;
		double x0 = 2, x1 = w - inkW - 2, y0 = 2, y1 = h - inkH - 2;
		if (edgeKind > 0) {
			final double keep = depth + 4 + Math.abs(edgeTilt) * Math.max(w, h);
			switch (side) {
				case 0 -> x0 = Math.max(x0, keep);
				case 1 -> x1 = Math.min(x1, w - keep - inkW);
				case 2 -> y0 = Math.max(y0, keep);
				default -> y1 = Math.min(y1, h - keep - inkH);
			}
		}
		final double x = x1 > x0 ? x0 + random.nextDouble() * (x1 - x0) : Math.max(1, Math.min(w - inkW - 1, (x0 + x1) / 2));
		final double y = y1 > y0 ? y0 + random.nextDouble() * (y1 - y0) : Math.max(1, Math.min(h - inkH - 1, (y0 + y1) / 2));
		final Path2D pen = written.at(x + stroke / 2, y + stroke / 2);
		final float[] ink = nib ? sheet.nib(pen, stroke * 1.5, Math.max(0.8, stroke * 0.45), Math.toRadians(20 + 40 * random.nextDouble()))
			: sheet.stroke(pen, stroke);
		pressure(sheet, ink, random, 0.1 + 0.3 * random.nextDouble(), stroke);
		final double[] gall = random.nextBoolean() ? Sheet.rgb(jitter(random, 55, 15), jitter(random, 42, 10), jitter(random, 30, 10))
			: Sheet.rgb(jitter(random, 110, 20), jitter(random, 85, 15), jitter(random, 55, 15));
		sheet.ink(ink, gall, 0.75 + 0.23 * random.nextDouble());
		// Specks and blots of ink elsewhere.
		if (random.nextInt(3) == 0) {
			final Path2D specks = new Path2D.Double();
			for (int i = random.nextInt(4); i >= 0; i--) {
				final double r = 0.4 + 1.0 * random.nextDouble();
				specks.append(new java.awt.geom.Ellipse2D.Double(random.nextDouble() * w, random.nextDouble() * h, 2 * r, 2 * r * (0.6 + random.nextDouble())), false);
			}
			sheet.ink(sheet.mask(g -> g.fill(specks)), gall, 0.7);
		}
		sheet.light(Fields.lighting(w, h, 0.25 * random.nextDouble(), random));
		if (edgeKind > 0) edge(sheet, random, edgeKind == 1, side, depth, edgeTilt);
		return scan(sheet, random, label, written.sources(), height, random.nextBoolean(), random.nextInt(5) == 0 ? 0 : 0.5 + 0.4 * random.nextDouble());
	}

	/**
	 * The page's edge {@code depth} pixels in from {@code side} (0 left, 1 right, 2 top, 3 bottom),
	 * ragged and tilted; beyond it the scanner's black (or its lid's grey), with the shadow the page
	 * casts and sometimes the edges of the pages below it as fine lines.
	 */
	private static void edge(final Sheet sheet, final Random random, final boolean black, final int side, final double depth, final double tilt) {
		final int w = sheet.w, h = sheet.h;
		final int along = side < 2 ? h : w;
		final float[] rag = Fields.octaves(along, 1, 12, 3, random);
		final double[] beyond = black ? Sheet.rgb(jitter(random, 18, 10), jitter(random, 18, 10), jitter(random, 20, 10))
			: lid(random);
		final double shadow = 1.5 + 6 * random.nextDouble(), shadowDepth = 0.2 + 0.5 * random.nextDouble();
		final int stack = random.nextInt(5) < 2 ? 2 + random.nextInt(5) : 0;
		final double stackPitch = 2 + 2.5 * random.nextDouble();
		final float[] cover = new float[w * h], shade = new float[w * h], stackMask = new float[w * h];
		for (int yy = 0; yy < h; yy++) {
			for (int xx = 0; xx < w; xx++) {
				final int a = side < 2 ? yy : xx;
				final double inward = switch (side) { case 0 -> xx; case 1 -> w - 1 - xx; case 2 -> yy; default -> h - 1 - yy; };
				final double line = depth + tilt * (a - along / 2.0) + 1.2 * rag[a];
				final double d = inward - line; // < 0: beyond the page
				final int i = yy * w + xx;
				cover[i] = (float) clamp(0.5 - d, 0, 1);
				if (d > 0) shade[i] = (float) (1 - shadowDepth * Math.exp(-d / shadow));
				else shade[i] = 1;
				if (stack > 0 && d < 0 && d > -stack * stackPitch) {
					final double phase = (-d) / stackPitch;
					stackMask[i] = (float) clamp(1.2 - 2.5 * Math.abs(phase - Math.rint(phase)), 0, 1);
				}
			}
		}
		sheet.light(shade);
		sheet.cover(cover, beyond);
		if (stack > 0) {
			final double[] pages = Sheet.rgb(jitter(random, 170, 30), jitter(random, 160, 30), jitter(random, 130, 30));
			for (int i = 0; i < stackMask.length; i++) stackMask[i] *= cover[i];
			sheet.cover(scale(stackMask, 0.5 + 0.5 * random.nextDouble(), 0), pages);
		}
	}

	/** The scanner lid's grey (or white) seen beyond the page. */
	private static double[] lid(final Random random) {
		final double grey = 150 + 100 * random.nextDouble();
		return Sheet.rgb(jitter(random, grey, 4), jitter(random, grey, 4), jitter(random, grey, 4));
	}

	// ---------------------------------------------------------------------------------------------
	// Forms

	private static final String[] FORM_LABELS = { "PLZ", "Postleitzahl", "Geburtsdatum", "Datum", "Date", "Kontonummer", "Konto-Nr.", "Tel.",
		"No.", "Nr.", "Code postal", "Date de naissance", "Zip code", "Account", "Kunden-Nr.", "Versicherten-Nr.", "Jahrgang", "Anzahl",
		"Betrag", "Montant", "Telefon", "N° AVS", "Jahr" };
	private static final String[] FORM_NOTES = { "Bitte in Blockschrift ausfüllen", "Ne pas écrire dans cette zone", "Please print clearly",
		"Nur für amtliche Vermerke", "Une lettre ou un chiffre par case", "Use black or blue ink" };

	/**
	 * Digits written one to a printed box of a form: separate rectangles, joined ones, or a comb
	 * (a baseline with ticks), printed in black or a drop-out colour, with the field's printed name
	 * beside or above; scanned in colour, grey or black and white.
	 */
	public Document form(final long seed) {
		final Random random = new Random(seed * 0x9E3779B97F4A7C15L + 3);
		final int count = weighted(random, 0, 1, 2, 5, 5, 4, 2, 3) + 1;
		final String label = number(random, count, true);
		final double boxH = 22 + 34 * random.nextDouble(), boxW = boxH * (0.7 + 0.35 * random.nextDouble());
		final int type = weighted(random, 4, 3, 3); // rectangles, joined, comb
		final double gap = type == 0 ? 2 + 6 * random.nextDouble() : 0;
		final int boxes = count + (random.nextInt(5) == 0 ? 1 + random.nextInt(2) : 0);
		final double lineW = 0.8 + 1.2 * random.nextDouble();
		final boolean labelLeft = random.nextInt(10) < 6, labelAbove = !labelLeft && random.nextBoolean(), note = random.nextInt(4) == 0;
		final double fontSize = clamp(boxH * (0.32 + 0.25 * random.nextDouble()), 9, 20);
		final Font font = new Font(pick(random, new String[] { SANS, SERIF, CONDENSED }), random.nextInt(4) == 0 ? Font.BOLD : Font.PLAIN, 1)
			.deriveFont((float) fontSize);
		final String name = pick(random, FORM_LABELS);
		final double nameW = font.getStringBounds(name, new FontRenderContext(null, true, true)).getWidth();
		final double padL = 2 + 12 * random.nextDouble(), padR = 2 + 12 * random.nextDouble();
		final double padT = 2 + (labelAbove ? fontSize * 1.4 : 0) + (note ? fontSize * 1.2 : 0) + 10 * random.nextDouble();
		final double padB = 2 + 10 * random.nextDouble();
		final double left = padL + (labelLeft ? nameW + fontSize * (0.5 + random.nextDouble()) : 0);
		final double boxesW = boxes * boxW + (boxes - 1) * gap;
		final int w = (int) Math.ceil(left + boxesW + padR), h = (int) Math.ceil(padT + boxH + padB);
		final double[] paper = pick(random, new double[][] { { 247, 247, 244 }, { 240, 240, 232 }, { 250, 248, 240 }, { 236, 240, 244 } });
		final Sheet sheet = new Sheet(w, h, Sheet.rgb(jitter(random, paper[0], 5), jitter(random, paper[1], 5), jitter(random, paper[2], 5)));
		sheet.light(scale(Fields.octaves(w, h, 4, 2, random), 0.012, 1));
		final double[] printColour = pick(random, new double[][] { { 30, 30, 35 }, { 30, 30, 35 }, { 225, 80, 60 }, { 240, 140, 60 },
			{ 90, 150, 220 }, { 80, 170, 120 } });
		final double[] print = Sheet.rgb(printColour[0], printColour[1], printColour[2]);
		final double printOpacity = 0.55 + 0.4 * random.nextDouble();
		final double top = padT, tilt = (random.nextDouble() - 0.5) * 0.02;
		final Path2D frame = new Path2D.Double();
		for (int b = 0; b < boxes; b++) {
			final double bx = left + b * (boxW + gap), by = top + tilt * bx;
			if (type == 0) frame.append(new Rectangle2D.Double(bx, by, boxW, boxH), false);
			else if (type == 1) {
				if (b == 0) frame.append(new Rectangle2D.Double(bx, by, boxesW, boxH), false);
				else { frame.moveTo(bx, by); frame.lineTo(bx, by + boxH); }
			}
			else {
				final double tick = boxH * 0.35;
				if (b == 0) { frame.moveTo(bx, by + boxH); frame.lineTo(left + boxesW, top + tilt * (left + boxesW) + boxH); }
				frame.moveTo(bx, by + boxH - tick); frame.lineTo(bx, by + boxH);
				if (b == boxes - 1) { frame.moveTo(bx + boxW, by + boxH - tick); frame.lineTo(bx + boxW, by + boxH); }
			}
		}
		sheet.ink(sheet.stroke(frame, lineW), print, printOpacity);
		final double[] textColour = random.nextBoolean() ? print : Sheet.rgb(35, 35, 40);
		if (labelLeft) sheet.ink(sheet.text(name, font, padL, top + boxH * (0.5 + 0.3 * random.nextDouble()) + fontSize * 0.35, tilt), textColour, 0.9);
		if (labelAbove) sheet.ink(sheet.text(name, font, left + random.nextDouble() * boxW, top - fontSize * 0.35, tilt), textColour, 0.9);
		if (note) sheet.ink(sheet.text(pick(random, FORM_NOTES), font.deriveFont((float) (fontSize * 0.85)), padL + random.nextDouble() * 10,
			top - fontSize * (labelAbove ? 1.7 : 0.4), tilt), textColour, 0.85);
		// The digits, one to a box.
		final Hand.Style style = Hand.Style.random(random);
		final double stroke = clamp(boxH * (0.05 + 0.05 * random.nextDouble()), 1.1, 3.2);
		final double fill = 0.5 + 0.4 * random.nextDouble();
		final int[] sources = new int[count];
		final Path2D pen = new Path2D.Double();
		final int first = random.nextInt(5) == 0 ? boxes - count : 0;
		for (int i = 0; i < count; i++) {
			final double dh = boxH * fill * (0.9 + 0.25 * random.nextDouble());
			final Hand.Written one = Hand.write(digits, label.substring(i, i + 1), dh, style, random);
			sources[i] = one.sources()[0];
			final double bx = left + (first + i) * (boxW + gap), by = top + tilt * bx;
			final double cx = bx + (boxW - one.bounds().getWidth()) / 2 + (random.nextDouble() - 0.5) * 0.25 * boxW;
			final double cy = by + (boxH - one.bounds().getHeight()) / 2 + (random.nextDouble() - 0.4) * 0.25 * boxH;
			pen.append(one.at(cx, cy), false);
		}
		final float[] ink = sheet.stroke(pen, stroke);
		pressure(sheet, ink, random, 0.1 + 0.3 * random.nextDouble(), stroke);
		sheet.ink(ink, ballPoint(random), 0.82 + 0.16 * random.nextDouble());
		sheet.light(Fields.lighting(w, h, 0.15 * random.nextDouble(), random));
		final int scan = weighted(random, 4, 4, 2); // colour, grey, black and white
		if (scan == 2) {
			sheet.blur(0.3 + 0.4 * random.nextDouble());
			sheet.noise(random, 0.02);
			final BufferedImage bw = Sheet.bilevel(sheet.image(true), 150 + random.nextInt(50));
			return new Document(label, bw, Sheet.encode(bw, 0), "png", sources, boxH * fill);
		}
		return scan(sheet, random, label, sources, boxH * fill, scan == 1, 0.45 + 0.5 * random.nextDouble());
	}

	// ---------------------------------------------------------------------------------------------
	// Envelopes

	private static final String[] NAMES = { "Herrn Karl Meier", "Frau Anna Keller", "Familie Brunner", "M. Jean Dupont", "Mme Claire Rochat",
		"Dr. med. Urs Baumann", "Firma Gebr. Huber AG", "Sig. Marco Bernasconi", "Frau Ruth Zimmermann", "Herrn Peter Fischer" };
	private static final String[] STREETS = { "Bahnhofstrasse", "Rue du Lac", "Hauptstrasse", "Via Roma", "Lindenweg", "Kirchgasse",
		"Chemin des Vignes", "Seestrasse", "Postfach", "Obere Gasse", "Grand-Rue" };
	private static final String[] TOWNS = { "Bern", "Zürich", "Lausanne", "Basel", "Luzern", "Winterthur", "St. Gallen", "Genève", "Lugano",
		"Chur", "München", "Hamburg", "Leipzig", "Köln", "Freiburg", "Sion", "Thun", "Olten", "Aarau", "Biel/Bienne" };
	private static final String[] COUNTRIES = { "SCHWEIZ", "SUISSE", "DEUTSCHLAND", "Switzerland", "Germany" };

	/**
	 * A postal code (4 or 5 digits) written by hand on an envelope among its printed address: the
	 * name and street above (often cut by the crop), the town printed after it, sometimes a country
	 * below, sometimes a postmark's wavy lines across; white, cream, manila or kraft paper.
	 */
	public Document envelope(final long seed) {
		final Random random = new Random(seed * 0x9E3779B97F4A7C15L + 4);
		final int count = random.nextInt(5) < 2 ? 4 : 5;
		final String label = number(random, count, count == 5);
		final double height = 16 + 24 * random.nextDouble();
		final Hand.Style style = Hand.Style.random(random);
		final double stroke = clamp(height * (0.06 + 0.06 * random.nextDouble()), 1.1, 3.4);
		final Hand.Written written = Hand.write(digits, label, height, style, random);
		final double inkW = written.bounds().getWidth() + stroke, inkH = written.bounds().getHeight() + stroke;
		final double fontSize = clamp(height * (0.45 + 0.4 * random.nextDouble()), 9, 26);
		final Font font = new Font(pick(random, new String[] { SANS, SERIF, MONO, CONDENSED }), random.nextInt(4) == 0 ? Font.BOLD : Font.PLAIN, 1)
			.deriveFont((float) fontSize);
		final double leading = fontSize * (1.25 + 0.5 * random.nextDouble());
		final double padL = height * (0.1 + 1.2 * random.nextDouble()), padR = height * (0.2 + 2.5 * random.nextDouble());
		final double padT = leading * (0.3 + 1.5 * random.nextDouble()), padB = height * (0.1 + 0.9 * random.nextDouble());
		final int w = (int) clamp(Math.ceil(padL + inkW + padR), 100, 330), h = (int) clamp(Math.ceil(padT + inkH + padB), 40, 130);
		final double x = Math.min(padL, Math.max(1, w - inkW - 2)), y = Math.min(padT, Math.max(1, h - inkH - 1));
		final double baseline = y + inkH - stroke / 2 - 0.05 * height;
		final double[] paper = pick(random, new double[][] { { 248, 248, 246 }, { 248, 248, 246 }, { 244, 238, 222 }, { 232, 210, 165 },
			{ 205, 168, 120 } });
		final Sheet sheet = new Sheet(w, h, Sheet.rgb(jitter(random, paper[0], 5), jitter(random, paper[1], 5), jitter(random, paper[2], 5)));
		final boolean kraft = paper[2] < 200;
		sheet.light(scale(Fields.octaves(w, h, kraft ? 3 : 5, 3, random), kraft ? 0.05 : 0.015, 1));
		if (kraft) {
			final Path2D fibres = new Path2D.Double();
			for (int i = 0; i < w * h / 300; i++) {
				final double fx = random.nextDouble() * w, fy = random.nextDouble() * h, a = random.nextDouble() * Math.PI, len = 2 + 8 * random.nextDouble();
				fibres.moveTo(fx, fy);
				fibres.lineTo(fx + len * Math.cos(a), fy + len * Math.sin(a));
			}
			sheet.ink(sheet.stroke(fibres, 0.6), Sheet.rgb(150, 110, 70), 0.25);
		}
		// The printed address around the handwritten code.
		final double[] type = Sheet.rgb(jitter(random, 30, 10), jitter(random, 30, 10), jitter(random, 35, 10));
		final double tilt = (random.nextDouble() - 0.5) * 0.03, indent = x + (random.nextDouble() - 0.3) * height;
		final String name = pick(random, NAMES), street = pick(random, STREETS);
		// The street's line above the code, clear of it but for the odd long stroke; the name's above that.
		final double streetBase = Math.min(baseline - leading, y + 0.1 * inkH - fontSize * (0.25 + 0.3 * random.nextDouble()));
		sheet.ink(sheet.text(street, font, indent, streetBase, tilt), type, 0.9);
		sheet.ink(sheet.text(name, font, indent, streetBase - leading, tilt), type, 0.9);
		if (random.nextInt(5) < 4) {
			sheet.ink(sheet.text(pick(random, TOWNS), font, x + inkW + height * (0.2 + 0.8 * random.nextDouble()), baseline, tilt), type, 0.9);
		}
		if (random.nextInt(3) == 0) {
			sheet.ink(sheet.text(pick(random, COUNTRIES), font, indent, baseline + leading * (1 + 0.3 * random.nextDouble()), tilt), type, 0.9);
		}
		final Path2D pen = written.at(x + stroke / 2, y + stroke / 2);
		final float[] ink = sheet.stroke(pen, stroke);
		pressure(sheet, ink, random, 0.1 + 0.35 * random.nextDouble(), stroke);
		sheet.ink(ink, ballPoint(random), 0.8 + 0.18 * random.nextDouble());
		// A postmark's wavy cancellation lines, from one side.
		if (random.nextInt(4) == 0) {
			final double pitch = 5 + 4 * random.nextDouble(), amplitude = 2 + 4 * random.nextDouble(), wave = 25 + 35 * random.nextDouble();
			final int lines = 4 + random.nextInt(4);
			final double top = random.nextDouble() * h * 0.6 - pitch * 2, phase = 2 * Math.PI * random.nextDouble();
			final double from = random.nextBoolean() ? 0 : w * random.nextDouble() * 0.6, to = Math.min(w, from + w * (0.4 + 0.6 * random.nextDouble()));
			final Path2D waves = new Path2D.Double();
			for (int l = 0; l < lines; l++) {
				for (double px = from; px <= to; px += 1) {
					final double py = top + l * pitch + amplitude * Math.sin(2 * Math.PI * px / wave + phase);
					if (px == from) waves.moveTo(px, py);
					else waves.lineTo(px, py);
				}
			}
			final float[] mark = sheet.stroke(waves, 1 + random.nextDouble());
			pressure(sheet, mark, random, 0.5, 2);
			sheet.ink(mark, random.nextBoolean() ? Sheet.rgb(40, 40, 50) : Sheet.rgb(90, 50, 120), 0.4 + 0.4 * random.nextDouble());
		}
		sheet.light(Fields.lighting(w, h, 0.2 * random.nextDouble(), random));
		return scan(sheet, random, label, written.sources(), height, random.nextInt(10) < 3, 0.45 + 0.45 * random.nextDouble());
	}

	// ---------------------------------------------------------------------------------------------
	// Shared

	/** A ball-point's ink: blue, light blue, black or grey. */
	private static double[] ballPoint(final Random random) {
		return switch (weighted(random, 8, 4, 5, 3)) {
			case 0 -> Sheet.rgb(jitter(random, 35, 15), jitter(random, 50, 20), jitter(random, 145, 30));
			case 1 -> Sheet.rgb(jitter(random, 75, 15), jitter(random, 100, 20), jitter(random, 200, 25));
			case 2 -> Sheet.rgb(jitter(random, 30, 12), jitter(random, 30, 12), jitter(random, 38, 12));
			default -> { final double g = jitter(random, 100, 20); yield Sheet.rgb(g, g, g + 5); }
		};
	}

	/** A pen's uneven pressure and a ball-point's skips: the mask thinned out along the strokes. */
	private static void pressure(final Sheet sheet, final float[] mask, final Random random, final double amount, final double stroke) {
		final float[] slow = Fields.smooth(sheet.w, sheet.h, 3 + 4 * stroke, random), fast = Fields.smooth(sheet.w, sheet.h, 1.5, random);
		for (int i = 0; i < mask.length; i++) {
			if (mask[i] <= 0) continue;
			final double p = 1 - amount * (0.5 + 0.5 * slow[i]) - 0.3 * amount * (0.5 + 0.5 * fast[i]);
			mask[i] *= (float) clamp(p, 0, 1);
		}
	}

	/** Scans and saves the sheet: blur, noise, grey or colour, JPEG of {@code quality} (PNG if 0). */
	private static Document scan(final Sheet sheet, final Random random, final String label, final int[] sources, final double height,
		final boolean grey, final double quality)
	{
		sheet.blur(0.3 + 0.6 * random.nextDouble());
		sheet.noise(random, 0.006 + 0.02 * random.nextDouble());
		final BufferedImage scanned = sheet.image(grey);
		final byte[] file = Sheet.encode(scanned, quality);
		return new Document(label, quality > 0 ? Sheet.decode(file) : scanned, file, quality > 0 ? "jpg" : "png", sources, height);
	}

	/** {@code count} random digits, the first not 0 unless {@code zeroFirst} allows it. */
	private static String number(final Random random, final int count, final boolean zeroFirst) {
		final StringBuilder s = new StringBuilder();
		for (int i = 0; i < count; i++) s.append(i == 0 && !zeroFirst ? 1 + random.nextInt(9) : random.nextInt(10));
		return s.toString();
	}

	/** An index drawn with the given weights. */
	private static int weighted(final Random random, final int... weights) {
		int total = 0;
		for (final int weight : weights) total += weight;
		int at = random.nextInt(total);
		for (int i = 0; i < weights.length; i++) {
			at -= weights[i];
			if (at < 0) return i;
		}
		throw new AssertionError();
	}

	private static <T> T pick(final Random random, final T[] items) {
		return items[random.nextInt(items.length)];
	}

	private static double jitter(final Random random, final double value, final double spread) {
		return clamp(value + (random.nextDouble() - 0.5) * 2 * spread, 0, 255);
	}

	private static double frac(final double v) {
		return v - Math.floor(v);
	}

	private static double clamp(final double v, final double lo, final double hi) {
		return Math.max(lo, Math.min(hi, v));
	}

	/** {@code base + amount * field}, per pixel. */
	private static float[] scale(final float[] field, final double amount, final double base) {
		final float[] out = new float[field.length];
		for (int i = 0; i < out.length; i++) out[i] = (float) (base + amount * field[i]);
		return out;
	}

	private static float[] multiply(final float[] a, final float[] b) {
		final float[] out = new float[a.length];
		for (int i = 0; i < out.length; i++) out[i] = a[i] * b[i];
		return out;
	}
}
