package io.github.digitclassifier.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import io.github.digitclassifier.NumberImages;
import io.github.digitclassifier.data.ImageFiles;
import io.github.digitclassifier.model.ModelBundles;
import io.github.digitclassifier.read.NumberReader;
import io.github.digitclassifier.read.NumberReading;
import io.github.digitclassifier.read.ReadOptions;
import io.github.digitclassifier.read.ReadsNumbers;
import io.github.digitclassifier.read.sequence.StripReader;
import io.github.digitclassifier.read.train.Readers;
import io.github.digitclassifier.runtime.load.ModelFiles;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Reads numbers made of handwritten digits (see {@link NumberImages}) and prints, per condition,
 * whole-string accuracy, per-digit accuracy (1 - edit distance / length) and numbers read per
 * second. Arguments: digit class folders (e.g. data/mnist/test), numbers per condition, digits per
 * number, model bundle (empty: the bundled one), seed, and 1 to tell the reader how many digits each
 * number has ({@code digits=N}; 0, the default, for any), and the strip network that reads touching
 * digits ({@link StripReader}: a file, "none" to cut them apart; empty or absent: the reader the
 * commands build for the model, {@link Readers}). Prints a Markdown table.
 */
public final class ReadNumbersBenchmark {

	public static void main(final String[] args) throws Exception {
		final NumberImages.Digits digits = NumberImages.Digits.load(Path.of(args[0]));
		final int count = args.length > 1 ? Integer.parseInt(args[1]) : 200;
		final int length = args.length > 2 ? Integer.parseInt(args[2]) : 5;
		final Path model = args.length > 3 && !args[3].isEmpty() ? Path.of(args[3]) : null;
		final long seed = args.length > 4 ? Long.parseLong(args[4]) : 1;
		final boolean told = args.length > 5 && args[5].equals("1");
		final String stripArg = args.length > 6 ? args[6] : "";
		final ReadOptions options = new ReadOptions(ReadOptions.defaults().minConfidence(), told ? length : 0);
		final ReadsNumbers reader = stripArg.isEmpty() ? Readers.open(model, options).reader()
			: new NumberReader(ModelFiles.loadOrDefault(model), stripArg.equals("none") ? null : StripReader.load(Path.of(stripArg)), options);
		System.out.println("| condition | numbers | digits per number | whole numbers | digits | numbers/s |");
		System.out.println("|---|---|---|---|---|---|");
		for (final NumberImages.Condition condition : NumberImages.Condition.values()) {
			final Random random = new Random(seed);
			final List<RandomAccessibleInterval<? extends RealType<?>>> images = new ArrayList<>();
			final List<String> truths = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				final NumberImages.Sample sample = NumberImages.draw(digits, length, condition, 20 + random.nextInt(61),
					random.nextBoolean(), random);
				images.add(ImageFiles.toFloat(sample.image()));
				truths.add(sample.text());
			}
			reader.readAll(images.subList(0, Math.min(10, count))); // warm up
			final long start = System.nanoTime();
			final List<NumberReading> readings = reader.readAll(images);
			final double seconds = (System.nanoTime() - start) / 1e9;
			int whole = 0;
			double digitScore = 0;
			for (int i = 0; i < count; i++) {
				final String read = readings.get(i).text(), truth = truths.get(i);
				if (read.equals(truth)) whole++;
				digitScore += Math.max(0, 1 - (double) editDistance(read, truth) / truth.length());
				if (!read.equals(truth) && System.getProperty("show") != null) System.out.println("  " + condition + " " + i + ": read " + read + " for " + truth);
			}
			System.out.println(String.format(Locale.ROOT, "| %s | %d | %d | %.1f%% | %.1f%% | %.1f |", condition.name().toLowerCase(Locale.ROOT),
				count, length, 100.0 * whole / count, 100 * digitScore / count, count / seconds));
		}
	}

	static int editDistance(final String a, final String b) {
		final int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) d[i][0] = i;
		for (int j = 0; j <= b.length(); j++) d[0][j] = j;
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
			}
		}
		return d[a.length()][b.length()];
	}
}
