package io.github.digitclassifier.read;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import io.github.digitclassifier.data.ImageFiles;
import io.github.digitclassifier.predict.Prediction;
import io.github.digitclassifier.predict.Predictor;
import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.preprocess.Preprocessor;
import io.github.digitclassifier.read.sequence.Ctc;
import io.github.digitclassifier.read.sequence.Strip;
import io.github.digitclassifier.read.sequence.StripReader;
import io.github.digitclassifier.runtime.Classifier;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;

/**
 * Reads the number written in an image (a postal code, an amount, a form field): finds the ink,
 * takes out ruled lines, finds the digits among the pieces of ink (broken strokes merged; points,
 * commas, dashes, specks and box edges left out), and reads them: with a strip network, each piece
 * is read whole by it, each digit weighed with the digit model's reading of its part; without one,
 * pieces that hold touching digits are split where the digit model is surest of the parts, and
 * each digit is the digit model's.
 */
public final class NumberReader implements ReadsNumbers {

	/** Pieces narrower than this many times the writing's height, but not as narrow as a 1, tell a digit's width. */
	static final double SPLIT_WIDTH = 0.9;

	/**
	 * Each cut beyond the first digit of a piece costs as much as a confidence of this: a digit is
	 * split only when its parts are surer than it is whole by more than that.
	 */
	static final double CUT_PENALTY = Math.log(0.8);

	/** A piece is taken to hold at least one digit per this many digit widths... */
	static final double WIDEST = 3;

	/** ...and at most one per this many. */
	static final double NARROWEST = 0.3;

	/** A digit's width for its height where too few pieces tell it. */
	static final double TYPICAL = 0.65;

	/** Parts of a split piece are at least this and at most {@link #MAX_PART} times the writing's height wide. */
	static final double MIN_PART = 0.2, MAX_PART = 1.2;

	/**
	 * Most pixels read in one image: finding the ink holds several arrays of the image's size, so a
	 * larger image, a page scanned at a high resolution, is to be cut to the number's area first.
	 */
	public static final long MAX_PIXELS = 1L << 24;

	/** Images found and cut at a time before their candidate digits are classified together. */
	static final int CHUNK = 64;

	/** Two neighbouring pieces may be one broken digit when one is shorter than this share of the writing's height... */
	static final double BROKEN_HEIGHT = 0.85;

	/** ...and at most this share of it apart. */
	static final double BROKEN_GAP = 0.2;

	/** Most digits one piece is split into. */
	static final int MAX_DIGITS_PER_PIECE = 12;

	/**
	 * A piece the strip network reads as several digits is one digit when the digit model is at
	 * least this sure of it whole: the strip network read some wide single digits (a broad 0 or 6)
	 * as two, and the digit model, taught to be unsure of touching digits, is rarely this sure of them.
	 */
	static final double WHOLE = 0.5;

	/**
	 * A digit alone is read by both networks, the strip network's probabilities weighed by this
	 * power (their square root): the digit model, trained on single digits of other hands too, has
	 * the larger say. (Of numbers built of MNIST's or the UCI digits, this read more whole than full
	 * weight or the digit model alone.)
	 */
	static final double SINGLE_WEIGHT = 0.5;

	/** The score of a part too short to be a digit: as if classified with this confidence. */
	private static final double SHORT_PART_CONFIDENCE = 1e-3;

	private final Predictor predictor;
	private final StripReader strips;
	private final ReadOptions options;
	private final InkDetector detector; // null: ink is what stands out of the paper (Ink)
	private final FieldReader fields; // null: none
	private final Calibration fieldCalibration, digitCalibration;

	/**
	 * Whether a reader with the bundled strip network finds the ink with the bundled ink detector
	 * ({@link InkDetector}); the system property {@code digitclassifier.inkDetector} (true or
	 * false) says otherwise.
	 */
	static final boolean DETECTOR_DEFAULT = true;

	/** The ink detector looks at images at least this many pixels wide or tall. */
	static final int DETECTOR_SIDE = 56;

	/** A reader that cuts touching digits apart where the digit model is surest of the parts. */
	public NumberReader(final Classifier model, final ReadOptions options) {
		this(model, null, options);
	}

	/**
	 * A reader that also reads every piece with a strip network (null: none, as the constructor
	 * above): the strip network finds the touching digits in a piece wider than a digit, and each
	 * digit is what it and the digit model make most likely together.
	 */
	public NumberReader(final Classifier model, final StripReader strips, final ReadOptions options) {
		this(model, strips, strips != null ? wantedDetector() : null, options);
	}

	/** The bundled ink detector, unless {@code digitclassifier.inkDetector} is false or it cannot run here; else null. */
	public static InkDetector wantedDetector() {
		final String given = System.getProperty("digitclassifier.inkDetector");
		return (given == null ? DETECTOR_DEFAULT : Boolean.parseBoolean(given)) ? InkDetector.bundled().orElse(null) : null;
	}

	/**
	 * As above, the ink found by an ink detector (null: none, the ink is what stands out of the
	 * paper): pieces of ink are then the handwriting it finds, without security print, printed
	 * rules, boxes, text or the scanner's margins.
	 */
	public NumberReader(final Classifier model, final StripReader strips, final InkDetector detector, final ReadOptions options) {
		this(model, strips, detector, null, Calibration.NONE, Calibration.NONE, options);
	}

	/**
	 * As above, each image also read whole as a field by a number reader model ({@code fields};
	 * null: none): each reading calibrated (the field's by {@code fieldCalibration}, the digits' by
	 * {@code digitCalibration}), the more likely stands. Reading a document's field whole sees
	 * through what the ink finding gets wrong; cutting and classifying digits reads touching digits
	 * of clean numbers better: each is surer where it is right, and calibrated, their confidences
	 * are chances of being right that can be weighed against each other.
	 */
	public NumberReader(final Classifier model, final StripReader strips, final InkDetector detector, final FieldReader fields,
		final Calibration fieldCalibration, final Calibration digitCalibration, final ReadOptions options)
	{
		this.detector = detector;
		this.fields = fields;
		this.fieldCalibration = fieldCalibration;
		this.digitCalibration = digitCalibration;
		final Preprocessing p = model.preprocessing();
		if (p.fit() != Preprocessing.Fit.CENTER_OF_MASS) {
			throw new IllegalArgumentException("The model reads pictures (preprocessing " + p.fit().name().toLowerCase(java.util.Locale.ROOT) +
				"), not digits: reading numbers needs a model trained on digits");
		}
		this.predictor = new Predictor(model);
		// The strip network's digits and the model's classes are weighed together class by class.
		if (strips != null && !model.classNames().equals(IntStream.range(0, 10).mapToObj(Integer::toString).toList())) {
			throw new IllegalArgumentException("The strip network reads the digits 0-9; the model's classes are " + model.classNames());
		}
		this.strips = strips;
		this.options = options;
	}

	/**
	 * The detector's logits for a grey image (null: no detector). An image within the detector's
	 * view on both sides (a lone digit's box) is too little of a page to judge: null, its ink is
	 * the threshold's.
	 */
	static float[] logits(final InkDetector detector, final float[] grey, final int w, final int h) {
		return detector != null && Math.max(w, h) >= DETECTOR_SIDE ? detector.logits(grey, w, h) : null;
	}

	/** The field readings of the pages that have fields, in order: each page's surest. */
	private Iterator<NumberReading> wholeFields(final Page[] pages) {
		final List<List<NumberStrips.Writing>> fieldsOfPage = new ArrayList<>();
		for (final Page page : pages) if (page != null && !page.fields.isEmpty()) fieldsOfPage.add(page.fields);
		return (fieldsOfPage.isEmpty() ? List.<NumberReading>of() : fields.readBest(fieldsOfPage)).iterator();
	}

	/** Fails, naming the image ({@code what}), when it is too small to hold a digit or too large to read at once. */
	public static void requireReadable(final String what, final long width, final long height) {
		final String small = ImageFiles.tooSmall(what, width, height);
		if (small != null) throw new IllegalArgumentException(small);
		if (width * height > MAX_PIXELS) {
			throw new IllegalArgumentException(what + " is " + width + "x" + height + " px: numbers are read in at most " + (MAX_PIXELS >> 20) +
				" megapixels at a time; select the area that holds the number, or crop the image to it");
		}
	}

	/**
	 * Reads {@code count} images, {@link #CHUNK} at a time: each chunk's images are found and cut on
	 * all cores, then all their candidate digits classified in one batch. Where an image fails,
	 * its reason goes to {@code failures} and its reading is null.
	 */
	@Override
	public List<NumberReading> readAll(final int count, final IntFunction<RandomAccessibleInterval<? extends RealType<?>>> image,
		final String[] failures)
	{
		final List<NumberReading> readings = new ArrayList<>(count);
		for (int from = 0; from < count; from += CHUNK) {
			final int first = from;
			final Page[] pages = new Page[Math.min(CHUNK, count - from)];
			IntStream.range(0, pages.length).parallel().forEach(k -> {
				try {
					final RandomAccessibleInterval<? extends RealType<?>> source = image.apply(first + k);
					pages[k] = page(Preprocessor.grey(source), (int) source.dimension(0), (int) source.dimension(1));
				}
				catch (final UncheckedIOException e) {
					failures[first + k] = reason(e.getCause());
				}
				catch (final RuntimeException e) {
					failures[first + k] = reason(e);
				}
			});
			final List<RandomAccessibleInterval<? extends RealType<?>>> crops = new ArrayList<>();
			for (final Page page : pages) if (page != null) crops.addAll(page.crops);
			final List<Prediction> predictions = predictor.predict(crops);
			final List<Strip> all = new ArrayList<>();
			for (final Page page : pages) if (page != null) for (final Strip s : page.strips) if (s != null) all.add(s);
			final Iterator<StripReader.Frames> frames = (all.isEmpty() ? List.<StripReader.Frames>of() : strips.read(all)).iterator();
			final Iterator<NumberReading> wholeFields = wholeFields(pages);
			int next = 0;
			for (int k = 0; k < pages.length; k++) {
				final Page page = pages[k];
				if (page == null) {
					readings.add(null);
					continue;
				}
				final List<StripReader.Frames> framesOfPiece = new ArrayList<>();
				for (final Strip s : page.strips) framesOfPiece.add(s == null ? null : frames.next());
				final NumberReading digits = digitCalibration.apply(reading(page, predictions.subList(next, next + page.crops.size()), framesOfPiece));
				final NumberReading field = page.fields.isEmpty() ? null : fieldCalibration.apply(wholeFields.next());
				readings.add(field != null && field.confidence() > digits.confidence() ? field : digits);
				next += page.crops.size();
			}
		}
		return readings;
	}

	/**
	 * An image's candidate digits: every way to cut every piece of ink, and their crops to
	 * classify; the strips of its pieces, when read with a strip network.
	 */
	private record Page(List<Blob> pieces, List<List<Part>> partsOfPiece, List<int[]> ranges, List<Part> merges, int height,
		List<RandomAccessibleInterval<? extends RealType<?>>> crops, List<Strip> strips, List<NumberStrips.Writing> fields) {}

	/** Finds the pieces of a grey image given row by row and every way to cut them. */
	private Page page(final float[] grey, final int w, final int h) {
		final List<List<Part>> partsOfPiece = new ArrayList<>();
		final List<int[]> ranges = new ArrayList<>();
		final List<RandomAccessibleInterval<? extends RealType<?>>> crops = new ArrayList<>();
		final List<Part> merges = new ArrayList<>();
		final List<Blob> kept = new ArrayList<>();
		final List<Strip> stripOfPiece = new ArrayList<>();
		if (w * h == 0) return new Page(kept, partsOfPiece, ranges, merges, 0, crops, stripOfPiece, List.of());
		final float[] logits = logits(detector, grey, w, h);
		final DigitPieces found = DigitPieces.find(grey, w, h, logits);
		final Ink ink = found.ink();
		final List<Blob> pieces = found.pieces();
		final int height = found.height();
		// The fields are found from the same pieces as the digits.
		final List<NumberStrips.Writing> fieldsHere = fields != null ? NumberStrips.fields(found, logits, NumberStrips.MAX_FIELDS) : List.of();
		final double typical = typicalWidth(pieces, height);
		final boolean fewer = options.digits() > pieces.size();
		final double slant = Blobs.slant(pieces, w);
		for (final Blob piece : pieces) {
			if (piece.width() > MAX_DIGITS_PER_PIECE * MAX_PART * height) continue; // a scribble or a line no cut can read
			kept.add(piece);
			final int[] range = digitCounts(piece.width(), typical);
			ranges.add(range);
			final int most = fewer ? Math.min(MAX_DIGITS_PER_PIECE, Math.max(range[1], (int) (piece.width() / (MIN_PART * height)))) : range[1];
			final List<Part> parts = parts(piece, height, most, slant, w, ink.strokeWidth());
			final Crop whole = crop(piece, ink, height); // the first part, the piece whole
			crops.add(whole.image());
			for (final Part part : parts.subList(1, parts.size())) crops.add(crop(part.blob, ink, height).image());
			partsOfPiece.add(parts);
			stripOfPiece.add(strips != null ? NumberStrips.of(whole, height) : null);
		}
		// Neighbours that may be one broken digit (one of them short, close together, narrow together): read as one too.
		for (int i = 0; i + 1 < kept.size(); i++) {
			final Blob a = kept.get(i), b = kept.get(i + 1), both = a.merge(b);
			final boolean mergeable = Math.min(a.height(), b.height()) < BROKEN_HEIGHT * height &&
				b.x0() - a.x1() <= BROKEN_GAP * height && both.width() <= SPLIT_WIDTH * height;
			merges.add(mergeable ? new Part(both, 0, 1) : null);
			if (mergeable) crops.add(crop(both, ink, height).image());
		}
		return new Page(kept, partsOfPiece, ranges, merges, height, crops, stripOfPiece, fieldsHere);
	}

	private static String reason(final Throwable e) {
		return ReadsNumbers.reason(e);
	}

	/** The reading of a page given its crops' predictions and its strips' frames (null for a piece without). */
	private NumberReading reading(final Page page, final List<Prediction> predictions, final List<StripReader.Frames> frames) {
		if (page.partsOfPiece.isEmpty()) return NumberReading.NONE;
		final Iterator<Prediction> next = predictions.iterator();
		final List<Cuts> cuts = new ArrayList<>();
		for (int i = 0; i < page.partsOfPiece.size(); i++) {
			for (final Part part : page.partsOfPiece.get(i)) part.prediction = next.next();
			cuts.add(Cuts.of(page.partsOfPiece.get(i), page.height, page.ranges.get(i)[0], page.ranges.get(i)[1]));
		}
		for (final Part merge : page.merges) if (merge != null) merge.prediction = next.next();
		// A broken digit: two pieces read as one digit more surely than apart, left to right.
		final List<Unit> units = new ArrayList<>();
		for (int i = 0; i < cuts.size(); i++) {
			final Part merge = i + 1 < cuts.size() ? page.merges.get(i) : null;
			if (merge != null && merge.score(page.height) > cuts.get(i).bestScore() + cuts.get(i + 1).bestScore()) {
				units.add(new Unit(Cuts.of(List.of(merge), page.height, 1, 1), null, null, null, List.of(merge), false));
				i++;
			}
			else {
				final Blob piece = page.pieces.get(i);
				units.add(new Unit(cuts.get(i), piece, page.strips.get(i), frames.get(i), page.partsOfPiece.get(i),
					piece.width() > SPLIT_WIDTH * page.height));
			}
		}
		return reading(units);
	}

	/**
	 * One digit or more of a page: a piece (or two read as one broken digit), its cuts and their
	 * classified parts, and its strip's frames if it has them, which say how surely a piece wider
	 * than a digit reads as each count of digits.
	 */
	private record Unit(Cuts cuts, Blob piece, Strip strip, StripReader.Frames frames, List<Part> parts, boolean wide)
		implements CountScores
	{
		@Override
		public int bestCount() {
			final int read = frames == null || !wide ? 0 : frames.best().length();
			if (read > 1 && Math.exp(cuts.score(1)) >= WHOLE) return 1;
			return read > 0 ? read : cuts.bestCount();
		}

		@Override
		public double score(final int count) {
			if (frames == null || !wide || count <= 1) return cuts.score(count); // one digit is the digit model's to count
			final Ctc.Reading r = frames.best(count);
			if (r == null) return Double.NEGATIVE_INFINITY;
			double score = 0;
			for (final double c : r.confidences()) score += Math.log(Math.max(1e-12, c));
			return score;
		}
	}

	/** Reads a grey image given row by row. */
	NumberReading read(final float[] grey, final int w, final int h) {
		return read(ArrayImgs.floats(grey, w, h));
	}

	/**
	 * The digits of the best cuts, as many as asked for when the pieces allow it; a piece with a
	 * strip is read on the strip network's best path with the count of digits the piece was given,
	 * each digit weighed with the digit model's reading of its part ({@link StripDigits}).
	 */
	private NumberReading reading(final List<Unit> units) {
		final int[] counts = Cuts.counts(units, options.digits());
		final List<ReadDigit> digits = new ArrayList<>();
		for (int i = 0; i < units.size(); i++) {
			if (counts[i] == 0) continue;
			final Unit unit = units.get(i);
			final Ctc.Reading r = unit.frames == null ? null : unit.frames.best(counts[i]);
			if (r != null) {
				// Several digits: both networks have an equal say; a digit alone: the digit model has the larger.
				digits.addAll(StripDigits.of(r, unit.frames, unit.strip, unit.piece, unit.parts, counts[i] > 1 ? 1 : SINGLE_WEIGHT,
					options.minConfidence()));
				continue;
			}
			for (final Part part : unit.cuts.best(counts[i])) {
				final Blob b = part.blob;
				final Prediction p = part.prediction;
				digits.add(new ReadDigit(b.x0(), b.y0(), b.width(), b.height(), p.className(), p.confidence(),
					p.confidence() < options.minConfidence()));
			}
		}
		return NumberReading.of(digits);
	}

	/**
	 * The piece whole, and when it is wide enough to hold touching digits, its parts between cut
	 * paths ({@link CutPaths}): the paths that cross the fewest strokes near them (local minima),
	 * and those evenly spaced for every count of digits it may hold.
	 */
	private static List<Part> parts(final Blob piece, final int height, final int most, final double slant, final int pageWidth,
		final double stroke)
	{
		final List<Part> parts = new ArrayList<>();
		if (most <= 1) {
			parts.add(new Part(piece, 0, 1));
			return parts;
		}
		// Columns along the slant, so that cuts fall between slanted digits.
		final double centreY = (piece.y0() + piece.y1()) / 2.0;
		long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
		for (final int p : piece.pixels()) {
			final long u = Math.round(p % pageWidth - slant * (centreY - p / pageWidth));
			first = Math.min(first, u);
			last = Math.max(last, u);
		}
		final int w = (int) (last - first + 1);
		// A cut path around every quarter stroke's column; the cheapest (fewest strokes crossed) near it are candidates.
		final CutPaths cutPaths = new CutPaths(piece, slant, centreY, pageWidth, height);
		final CutPaths.Path[] around = new CutPaths.Path[w + 1];
		final int stride = Math.max(1, (int) (stroke / 4));
		for (int c = 0; c <= w; c += stride) around[c] = cutPaths.path(first + c);
		final int window = Math.max(1, (int) Math.round(stroke / 2));
		final int margin = (int) Math.ceil(MIN_PART * height);
		final java.util.TreeSet<Integer> cutAt = new java.util.TreeSet<>();
		for (int c = margin; c <= w - margin; c++) {
			if (around[c] == null) continue;
			boolean minimum = true;
			for (int d = -window; d <= window && minimum; d++) {
				final int k = c + d;
				if (k >= 0 && k <= w && around[k] != null && around[k].cost() < around[c].cost()) minimum = false;
			}
			if (minimum) cutAt.add(c);
		}
		for (int k = 2; k <= most; k++) {
			for (int j = 1; j < k; j++) cutAt.add((int) Math.round((double) j * w / k));
		}
		final List<Integer> positions = new ArrayList<>();
		positions.add(0);
		positions.addAll(cutAt);
		positions.add(w);
		// Thin out cut positions closer than a stroke: they give near-identical parts.
		final List<Integer> spaced = new ArrayList<>();
		for (final int p : positions) {
			if (spaced.isEmpty() || p == w || p - spaced.get(spaced.size() - 1) >= Math.max(1, stroke / 2)) spaced.add(p);
		}
		if (spaced.size() > 2 && spaced.get(spaced.size() - 1) - spaced.get(spaced.size() - 2) < Math.max(1, stroke / 2)) {
			spaced.remove(spaced.size() - 2);
		}
		final int end = spaced.size() - 1;
		// Each path on or right of the one before, so that consecutive parts share no pixel.
		final int[][] paths = new int[end - 1][];
		for (int k = 1; k < end; k++) {
			final int at = spaced.get(k);
			if (around[at] == null) around[at] = cutPaths.path(first + at);
			paths[k - 1] = around[at].columns().clone();
			if (k > 1) for (int r = 0; r < paths[k - 1].length; r++) paths[k - 1][r] = Math.max(paths[k - 1][r], paths[k - 2][r]);
		}
		parts.add(new Part(piece, 0, end)); // the piece whole, whatever its width
		for (int i = 0; i < end; i++) {
			for (int j = i + 1; j <= end; j++) {
				final int width = spaced.get(j) - spaced.get(i);
				if (width > MAX_PART * height) break;
				if (width < MIN_PART * height || i == 0 && j == end) continue;
				final Blob part = piece.between(i == 0 ? null : paths[i - 1], j == end ? null : paths[j - 1], pageWidth);
				if (part != null) parts.add(new Part(part, i, j));
			}
		}
		return parts;
	}

	/**
	 * The width of a digit in this writing: the median width of the pieces that are neither
	 * wide enough to hold two digits nor as narrow as a 1; a share of the height when there are
	 * fewer than two such.
	 */
	private static double typicalWidth(final List<Blob> pieces, final int height) {
		final double[] widths = pieces.stream().mapToDouble(Blob::width)
			.filter(w -> w >= 0.35 * height && w <= SPLIT_WIDTH * height).sorted().toArray();
		return widths.length < 2 ? TYPICAL * height : widths[widths.length / 2];
	}

	/** How many digits a piece this wide may hold: at least, at most. */
	private static int[] digitCounts(final int width, final double typical) {
		final double ratio = width / typical;
		final int least = Math.max(1, (int) Math.ceil(ratio / WIDEST - 1e-9));
		final int most = Math.min(MAX_DIGITS_PER_PIECE, Math.max(least, (int) (ratio / NARROWEST)));
		return new int[] { least, most };
	}

	/** A piece's ink cut out, row by row, with its left column on the page. */
	record Crop(float[] pixels, int width, int height, int x0) {
		RandomAccessibleInterval<? extends RealType<?>> image() {
			return ArrayImgs.floats(pixels, width, height);
		}
	}

	/**
	 * A digit's image for the classifier: its ink on black, in a margin of a fifth of the writing's
	 * height, with the ink of its pixels' unmasked neighbours (anti-aliased edges) but none of
	 * other pieces.
	 */
	static Crop crop(final Blob blob, final Ink ink, final int height) {
		final int margin = Math.max(2, height / 5);
		final int cw = blob.width() + 2 * margin, ch = blob.height() + 2 * margin;
		final float[] pixels = new float[cw * ch];
		final int pw = ink.width(), ph = ink.height();
		for (final int p : blob.pixels()) {
			final int x = p % pw, y = p / pw;
			for (int dy = -1; dy <= 1; dy++) {
				for (int dx = -1; dx <= 1; dx++) {
					final int xx = x + dx, yy = y + dy;
					if (xx < 0 || yy < 0 || xx >= pw || yy >= ph) continue;
					final int q = yy * pw + xx;
					if ((dx != 0 || dy != 0) && ink.mask()[q]) continue; // another ink pixel: in the blob or not ours
					pixels[(yy - blob.y0() + margin) * cw + xx - blob.x0() + margin] = ink.strength()[q];
				}
			}
		}
		return new Crop(pixels, cw, ch, blob.x0() - margin);
	}

	/**
	 * A candidate digit: the part of a piece between cut lines {@code from} and {@code to}
	 * (numbered left to right; 0 is the piece's left end; paths bend round the ink);
	 * classified later.
	 */
	static final class Part {
		final Blob blob;
		final int from;
		final int to;
		Prediction prediction;

		Part(final Blob blob, final int from, final int to) {
			this.blob = blob;
			this.from = from;
			this.to = to;
		}

		/** How likely this part is one digit: its log-confidence; parts too short to be a digit are scored as hopeless. */
		double score(final int height) {
			final double confidence = blob.height() < Blobs.SMALL * height ? SHORT_PART_CONFIDENCE : prediction.confidence();
			return Math.log(Math.max(1e-12, confidence));
		}
	}
}
