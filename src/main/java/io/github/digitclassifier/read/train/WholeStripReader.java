package io.github.digitclassifier.read.train;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import io.github.digitclassifier.preprocess.Preprocessor;
import io.github.digitclassifier.read.FieldReader;
import io.github.digitclassifier.read.NumberReader;
import io.github.digitclassifier.read.NumberReading;
import io.github.digitclassifier.read.NumberStrips;
import io.github.digitclassifier.read.ReadDigit;
import io.github.digitclassifier.read.ReadOptions;
import io.github.digitclassifier.read.ReadsNumbers;
import io.github.digitclassifier.read.sequence.Ctc;
import io.github.digitclassifier.read.sequence.Strip;
import io.github.digitclassifier.read.sequence.StripReader;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Reads with a number reader ({@link ReaderModel}): the writing is found as the digit reader
 * finds it (ink, with the bundled ink detector; ruled lines erased, specks left out) and the field
 * around it ({@link NumberStrips#field}) read whole as one strip by the reader's network, on the best path (or, told {@code digits}, the best path of that many
 * symbols). Each symbol's confidence is its probability at the frame where it is likeliest, and
 * the number's their product, as for digits read by a digit model ({@code min_confidence} flags the
 * same kind of figure), calibrated by the reader's {@link io.github.digitclassifier.read.Calibration}
 * into the chance that the whole number is right.
 */
public final class WholeStripReader implements ReadsNumbers, FieldReader {

	/** Images found and cut at a time before their strips are read together. */
	static final int CHUNK = 64;

	private final ReaderModel model;
	private final ReadOptions options;

	public WholeStripReader(final ReaderModel model, final ReadOptions options) {
		this.model = model;
		this.options = options;
	}

	@Override
	public List<NumberReading> readAll(final int count, final IntFunction<RandomAccessibleInterval<? extends RealType<?>>> image,
		final String[] failures)
	{
		final List<NumberReading> readings = new ArrayList<>(count);
		for (int from = 0; from < count; from += CHUNK) {
			final int first = from;
			final List<List<NumberStrips.Writing>> fieldsOfImage = new ArrayList<>(Collections.nCopies(Math.min(CHUNK, count - from), List.of()));
			IntStream.range(0, fieldsOfImage.size()).parallel().forEach(k -> {
				try {
					fieldsOfImage.set(k, fields(image.apply(first + k), NumberStrips.MAX_FIELDS));
				}
				catch (final UncheckedIOException e) {
					failures[first + k] = ReadsNumbers.reason(e.getCause());
				}
				catch (final RuntimeException e) {
					failures[first + k] = ReadsNumbers.reason(e);
				}
			});
			final Iterator<NumberReading> read = readBest(fieldsOfImage).iterator();
			for (int k = 0; k < fieldsOfImage.size(); k++) {
				final NumberReading r = read.next(); // NONE for an image without writing, which calibrating leaves as it is
				readings.add(failures[first + k] != null ? null : model.calibration().apply(r));
			}
		}
		return readings;
	}

	/** The readings of these fields' writings, their confidences as read. */
	@Override
	public List<NumberReading> read(final List<NumberStrips.Writing> fields) {
		final List<StripReader.Frames> frames = fields.isEmpty() ? List.of() : model.strips().read(fields.stream().map(NumberStrips.Writing::strip).toList());
		final List<NumberReading> readings = new ArrayList<>(fields.size());
		for (int i = 0; i < fields.size(); i++) readings.add(reading(fields.get(i), frames.get(i)));
		return readings;
	}

	/** At most {@code most} fields an image's number may be in ({@link NumberStrips#fields}); none when it has no writing. */
	static List<NumberStrips.Writing> fields(final RandomAccessibleInterval<? extends RealType<?>> source, final int most) {
		final long w = source.dimension(0), h = source.dimension(1);
		if (w * h > NumberReader.MAX_PIXELS) NumberReader.requireReadable("The image", w, h);
		if (w * h == 0) return List.of();
		return NumberStrips.fields(Preprocessor.grey(source), (int) w, (int) h, NumberReader.wantedDetector(), most);
	}

	/** The symbols on the best path, each boxed by the columns of its frames and the writing's rows. */
	private NumberReading reading(final NumberStrips.Writing writing, final StripReader.Frames frames) {
		final Ctc.Reading r = options.digits() > 0 ? frames.best(options.digits()) : frames.best();
		if (r == null) return NumberReading.NONE; // the writing is too short for that many symbols
		final Strip strip = writing.strip();
		final List<ReadDigit> symbols = new ArrayList<>();
		for (int i = 0; i < r.length(); i++) {
			final int x0 = (int) Math.max(writing.x0(), Math.floor(strip.sourceColumn(r.firstFrames()[i] * Strip.FRAME)));
			final int x1 = (int) Math.min(writing.x0() + writing.width(), Math.ceil(strip.sourceColumn((r.lastFrames()[i] + 1) * Strip.FRAME)));
			final double confidence = r.confidences()[i];
			symbols.add(new ReadDigit(x0, writing.y0(), Math.max(1, x1 - x0), writing.height(), model.alphabet().symbol(r.symbols()[i]),
				confidence, confidence < options.minConfidence()));
		}
		return NumberReading.of(symbols);
	}
}
