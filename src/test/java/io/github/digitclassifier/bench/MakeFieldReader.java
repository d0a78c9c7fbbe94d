package io.github.digitclassifier.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import io.github.digitclassifier.NumberImages;
import io.github.digitclassifier.backend.Backends;
import io.github.digitclassifier.model.EpochRecord;
import io.github.digitclassifier.preprocess.HandwritingStyle;
import io.github.digitclassifier.read.Calibration;
import io.github.digitclassifier.read.InkDetector;
import io.github.digitclassifier.read.NumberReader;
import io.github.digitclassifier.read.NumberReading;
import io.github.digitclassifier.read.NumberStrips;
import io.github.digitclassifier.read.ReadOptions;
import io.github.digitclassifier.read.sequence.StripNetworks;
import io.github.digitclassifier.read.sequence.StripReader;
import io.github.digitclassifier.read.sequence.StripTraining.LabeledStrip;
import io.github.digitclassifier.read.sequence.StripTraining;
import io.github.digitclassifier.read.train.Alphabet;
import io.github.digitclassifier.read.train.ReaderInfo;
import io.github.digitclassifier.read.train.ReaderModel;
import io.github.digitclassifier.read.train.ReaderModels;
import io.github.digitclassifier.read.train.ReaderTraining;
import io.github.digitclassifier.read.train.WholeStripReader;
import io.github.digitclassifier.runtime.Classifier;
import io.github.digitclassifier.runtime.load.ModelFiles;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;

/**
 * Trains the bundled number reader: fields of synthetic documents ({@link InkTrainingPages#field}:
 * numbers of 1 to 7 MNIST training digits on security print, rules, boxes, printed text, margins,
 * from a cheque's amount box to a register's tall cell), each seen as a reader model sees it
 * ({@link NumberStrips#field}, with the bundled ink detector), half their digits restyled
 * ({@link #STYLE}), a fresh batch each step, Adam
 * annealed to a sixteenth over the steps. Every 500 steps it prints how many of 500 fields drawn
 * with another seed it reads whole. It stops after the steps or the minutes, whichever come first.
 * Its confidences are calibrated on those fields. Arguments: digit class folders
 * (data/mnist/train), output reader model (zip), steps, minutes, batch size, seed[, a reader model
 * to start from]; or {@code calibrate <digit folders> <reader model> <output reader model> <fields> <seed>},
 * which calibrates a reader anew on that many fields, as the bundled models read with it.
 */
public final class MakeFieldReader {

	/**
	 * Half the digits written again as the digit model's training rewrites them: other pens, slants,
	 * widths, warps, Europe's flagged 1s, a few scanning effects; not stretched to a square box
	 * (a form reader's storage, not a page's writing), and no non-digits (a field's are its own).
	 */
	static final HandwritingStyle STYLE = new HandwritingStyle(0.5, 4, 0.3, 0.3, 0, 1.0, 0.1, 0, 0.5);

	public static void main(final String[] args) throws Exception {
		if (args[0].equals("calibrate")) {
			calibrate(NumberImages.Digits.load(Path.of(args[1])).restyled(STYLE), Path.of(args[2]), Path.of(args[3]), Integer.parseInt(args[4]), Long.parseLong(args[5]));
			return;
		}
		final NumberImages.Digits digits = NumberImages.Digits.load(Path.of(args[0])).restyled(STYLE);
		final Path out = Path.of(args[1]);
		final int steps = Integer.parseInt(args[2]);
		final double minutes = Double.parseDouble(args[3]);
		final int batch = Integer.parseInt(args[4]);
		final long seed = Long.parseLong(args[5]);
		final InkDetector detector = InkDetector.bundled().orElseThrow();
		final double rate = args.length > 6 ? 5e-4 : 2e-3;
		final Adam adam = new Adam(new ExponentialSchedule(ScheduleType.ITERATION, rate, Math.pow(1 / 16.0, 1.0 / steps)));
		final MultiLayerNetwork network = StripNetworks.create(adam, seed);
		if (args.length > 6) network.setParams(ReaderModels.loadForTraining(Path.of(args[6])).network().params());
		final List<LabeledStrip> check = strips(digits, detector, seed + 1, 0, 500);
		final long start = System.nanoTime();
		final List<EpochRecord> history = new ArrayList<>();
		final int[] done = { 0 };
		try (var blas = Backends.singleThreadedBlas()) {
			StripTraining.train(network, step -> strips(digits, detector, seed, (long) step * batch, batch), steps, (step, loss) -> {
				done[0] = step + 1;
				final double elapsed = (System.nanoTime() - start) / 60e9;
				if (step % 100 == 0) System.out.println(String.format(Locale.ROOT, "step %d loss %.4f (%.1f min)", step, loss, elapsed));
				if ((step + 1) % 500 == 0 || step + 1 == steps || elapsed > minutes) {
					final double whole = MakeStripReader.wholeShare(new StripReader(network), check);
					history.add(new EpochRecord(step + 1, loss, Double.NaN, Double.NaN, whole, elapsed * 60));
					System.out.println(String.format(Locale.ROOT, "step %d: %.1f%% of the check fields read whole", step + 1, 100 * whole));
				}
				return elapsed <= minutes;
			});
		}
		final EpochRecord last = history.get(history.size() - 1);
		final ReaderInfo info = new ReaderInfo(args.length > 6 ? Path.of(args[6]).getFileName().toString() : "scratch", done[0] * batch,
			check.size(), done[0], seed, done[0], last.validationAccuracy(), history, Instant.now().toString());
		Files.createDirectories(out.toAbsolutePath().getParent());
		final StripReader reader = new StripReader(network);
		ReaderModels.save(new ReaderModel(Alphabet.DIGITS, reader, network, info, ReaderTraining.calibration(reader, check)), out);
		System.out.println(String.format(Locale.ROOT, "RESULT steps %d check %.3f minutes %.1f", done[0], last.validationAccuracy(),
			(System.nanoTime() - start) / 60e9));
	}

	/**
	 * Calibrates a reader as the bundled models read with it, on fields drawn with the seed: its own
	 * readings, and the bundled digit model's with its strip network beside it, each fitted apart,
	 * so that the two weigh as chances ({@link io.github.digitclassifier.read.train.Readers}).
	 */
	private static void calibrate(final NumberImages.Digits digits, final Path in, final Path out, final int count, final long seed)
		throws Exception
	{
		final ReaderModel model = ReaderModels.loadForTraining(in).calibrated(Calibration.NONE, Calibration.NONE);
		final InkDetector detector = InkDetector.bundled().orElseThrow();
		final ReadOptions options = ReadOptions.defaults();
		final List<InkTrainingPages.Page> pages = new ArrayList<>();
		final Random random = new Random(seed);
		for (int i = 0; i < count; i++) pages.add(InkTrainingPages.field(digits, random));
		final List<RandomAccessibleInterval<? extends RealType<?>>> images = pages.stream()
			.<RandomAccessibleInterval<? extends RealType<?>>>map(p -> ArrayImgs.floats(p.grey(), p.width(), p.height())).toList();
		final Classifier digitModel = ModelFiles.loadOrDefault(null);
		final Calibration fields = fit("the reader alone", new WholeStripReader(model, options).readAll(images), pages);
		final Calibration byDigits = fit("the digits beside it",
			new NumberReader(digitModel, StripReader.bundled().orElseThrow(), detector, options).readAll(images), pages);
		final ReaderModel calibrated = model.calibrated(fields, byDigits);
		fit("both, the more likely kept (calibrated)", new NumberReader(digitModel, StripReader.bundled().orElseThrow(), detector,
			new WholeStripReader(calibrated, options), fields, byDigits, options).readAll(images), pages);
		ReaderModels.save(calibrated, out);
	}

	/** The calibration of these readings of the pages' fields, its figures printed. */
	private static Calibration fit(final String what, final List<NumberReading> readings, final List<InkTrainingPages.Page> pages) {
		final double[] confidences = new double[pages.size()];
		final boolean[] right = new boolean[pages.size()];
		int whole = 0;
		for (int i = 0; i < pages.size(); i++) {
			confidences[i] = readings.get(i).confidence();
			right[i] = readings.get(i).text().equals(pages.get(i).text());
			if (right[i]) whole++;
		}
		final Calibration calibration = Calibration.fit(confidences, right);
		System.out.println(String.format(Locale.ROOT, "RESULT %s: %d of %d fields read whole; calibration %s", what, whole, pages.size(), calibration));
		return calibration;
	}

	/** Fields {@code first} to {@code first + count - 1} of the seed's sequence as strips, each drawn from its own seed. */
	static List<LabeledStrip> strips(final NumberImages.Digits digits, final InkDetector detector, final long seed, final long first,
		final int count)
	{
		final LabeledStrip[] strips = new LabeledStrip[count];
		IntStream.range(0, count).parallel().forEach(i -> {
			final Random random = new Random(seed * 1_000_003L + first + i);
			LabeledStrip s = null;
			while (s == null) s = strip(digits, detector, random);
			strips[i] = s;
		});
		return List.of(strips);
	}

	private static LabeledStrip strip(final NumberImages.Digits digits, final InkDetector detector, final Random random) {
		final InkTrainingPages.Page page = InkTrainingPages.field(digits, random);
		if (page.contrast() < LEGIBLE) return null;
		final NumberStrips.Writing writing = NumberStrips.field(page.grey(), page.width(), page.height(), detector);
		if (writing == null || !holdsTheNumber(writing, page)) return null;
		final int[] symbols = page.text().chars().map(c -> c - '0').toArray();
		return writing.strip().width() / io.github.digitclassifier.read.sequence.Strip.FRAME < symbols.length * 2 ? null
			: new LabeledStrip(writing.strip(), symbols);
	}

	/**
	 * Whether the field found is the number's: most of the handwriting's ink within its box. Where
	 * a line of print is found instead, the number's label would teach the reader to read print.
	 */
	private static boolean holdsTheNumber(final NumberStrips.Writing writing, final InkTrainingPages.Page page) {
		return page.holdsInk(HELD, writing.x0(), writing.y0(), writing.x0() + writing.width(), writing.y0() + writing.height());
	}

	/** Share of the handwriting's ink a training field's box holds (a line under the number may lie outside it). */
	private static final double HELD = 0.8;

	/**
	 * Least {@link InkTrainingPages.Page#contrast} of a training field's number: below it most are
	 * lost under print, blur or noise, and a label naming what cannot be seen teaches the reader to
	 * drop digits it can see.
	 */
	static final double LEGIBLE = 1.25;

	private MakeFieldReader() {}
}
