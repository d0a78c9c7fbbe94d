package io.github.digitclassifier.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import io.github.digitclassifier.bench.documents.Document;
import io.github.digitclassifier.bench.documents.Documents;
import io.github.digitclassifier.bench.documents.Documents.Kind;
import io.github.digitclassifier.bench.documents.UciDigits;
import io.github.digitclassifier.data.SkippedFile;
import io.github.digitclassifier.io.CsvTable;
import io.github.digitclassifier.read.ReadOptions;
import io.github.digitclassifier.read.ReadsNumbers;
import io.github.digitclassifier.read.train.Readers;
import io.github.digitclassifier.read.evaluate.ReaderEvaluation;
import io.github.digitclassifier.read.evaluate.ReadingReport;

/**
 * The bench of numbers on documents ({@link Documents}: cheques, registers, forms, envelopes): writes
 * N images of each kind with their {@code labels.csv} into {@code <out>/<kind>/}, reads each folder
 * with the reader the commands build (of the given model file, or the bundled models) and measures it
 * with {@link ReaderEvaluation}, and prints a Markdown section: per kind, whole numbers and digits
 * read right, the mean confidence (near the whole numbers' share when the confidences are
 * calibrated), the accuracy of the 90% and 80% most confident readings and the confidence from which
 * they are kept, numbers read per second (files decoded and read, after a warm-up), how the misread
 * numbers went wrong (nothing read, only 1s, digits too many or too few, some wrong) and misread
 * examples (all of them in {@code <out>/<kind>/misread.csv}).
 *
 * <p>Arguments: {@code bench <optdigits folder> <out folder> <count per kind> <seed> [kinds, comma-separated] [model file]}
 * (the model file as Read Number's {@code model_file}; empty or absent: the bundled models),
 * {@code write <optdigits folder> <out folder> <count per kind> <seed> [kinds]} (the images and
 * their labels.csv only, in {@code <out>/<kind>/}), or {@code examples <optdigits folder> <image folder> <count per kind> <seed>} (a montage PNG per
 * kind, {@code documents-<kind>.png}). Without the UCI digits it says so and exits normally.
 */
public final class DocumentBenchmark {

	private DocumentBenchmark() {}

	public static void main(final String[] args) throws Exception {
		final String mode = args[0];
		final Path optdigits = Path.of(args[1]);
		if (!UciDigits.present(optdigits)) {
			System.out.println("No UCI handwritten digits (optdigits-orig.*) in " + optdigits + ": the document bench is skipped.");
			return;
		}
		final Path out = Path.of(args[2]);
		final int count = Integer.parseInt(args[3]);
		final long seed = Long.parseLong(args[4]);
		final Documents documents = new Documents(UciDigits.load(optdigits));
		final List<Kind> kinds = new ArrayList<>();
		if (args.length > 5 && !args[5].isBlank()) for (final String k : args[5].split(",")) kinds.add(Kind.valueOf(k.strip().toUpperCase(Locale.ROOT)));
		else kinds.addAll(List.of(Kind.values()));
		switch (mode) {
			case "bench" -> bench(documents, kinds, out, count, seed, args.length > 6 && !args[6].isBlank() ? Path.of(args[6]) : null);
			case "write" -> { for (final Kind kind : kinds) write(documents, kind, out.resolve(kind.id()), count, seed); }
			case "examples" -> { for (final Kind kind : kinds) montage(documents, kind, out, count, seed); }
			default -> throw new IllegalArgumentException("Mode is bench, write or examples, not " + mode);
		}
	}

	/** Prints a Markdown table: its header, the separator and the rows. */
	private static void table(final List<String> rows, final String... columns) {
		System.out.println("| " + String.join(" | ", columns) + " |");
		System.out.println("|" + "---|".repeat(columns.length));
		rows.forEach(System.out::println);
	}

	/** The seed of image {@code index} of {@code kind} in a run seeded {@code seed}. */
	static long seedOf(final long seed, final Kind kind, final int index) {
		return seed * 1_000_003L + kind.ordinal() * 100_000_007L + index;
	}

	/** Writes {@code count} documents of the kind and their labels.csv into {@code folder}. */
	static void write(final Documents documents, final Kind kind, final Path folder, final int count, final long seed) throws IOException {
		Files.createDirectories(folder);
		final CsvTable labels = new CsvTable(List.of("file", "label"));
		for (int i = 0; i < count; i++) {
			final Document document = documents.make(kind, seedOf(seed, kind, i));
			final String name = String.format(Locale.ROOT, "%s-%04d.%s", kind.id(), i, document.extension());
			Files.write(folder.resolve(name), document.file());
			labels.add(name, document.label());
		}
		labels.write(folder.resolve("labels.csv"));
	}

	/** Images read before each kind's measured run. */
	private static final int WARM_UP = 100;

	private static void bench(final Documents documents, final List<Kind> kinds, final Path out, final int count, final long seed,
		final Path model) throws IOException
	{
		final ReadsNumbers reader = Readers.open(model, ReadOptions.defaults()).reader();
		final List<String> rows = new ArrayList<>(), examples = new ArrayList<>(), kindsOfError = new ArrayList<>();
		for (final Kind kind : kinds) {
			final Path folder = out.resolve(kind.id());
			write(documents, kind, folder, count, seed);
			// Warm-up: the first images, read before the measured run (a few leave most of the code uncompiled).
			try (var files = Files.list(folder)) {
				reader.readFiles(folder, files.filter(f -> !f.getFileName().toString().endsWith(".csv")).sorted().limit(WARM_UP).toList());
			}
			final long start = System.nanoTime();
			final ReaderEvaluation evaluation = ReaderEvaluation.of(reader, folder, null);
			final double seconds = (System.nanoTime() - start) / 1e9;
			final ReadingReport report = evaluation.report();
			report.misreadTable().write(folder.resolve("misread.csv"));
			rows.add(String.format(Locale.ROOT, "| %s | %d | %s | %s | %.3f | %s (from %.3f) | %s (from %.3f) | %.1f |", kind.id(), report.count(),
				percent(report.wholeNumberAccuracy()), percent(report.digitAccuracy()), report.meanConfidence(), percent(report.at90().accuracy()),
				report.at90().threshold(),
				percent(report.at80().accuracy()), report.at80().threshold(), report.count() / seconds));
			final List<ReadingReport.Scored> misread = report.misread();
			final StringBuilder line = new StringBuilder("- " + kind.id() + " (" + misread.size() + " misread; the most confident first, then evenly"
				+ " through the rest): ");
			final int shown = Math.min(8, misread.size());
			for (int k = 0; k < shown; k++) {
				final ReadingReport.Scored s = misread.get(k < 3 ? k : 3 + (int) ((long) (k - 3) * (misread.size() - 3) / Math.max(1, shown - 3)));
				line.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s → %s (%.2f)", s.truth(),
					s.read().isEmpty() ? "nothing" : s.read(), s.confidence()));
			}
			examples.add(line.toString());
			final int[] byError = new int[6];
			for (final ReadingReport.Scored scored : misread) byError[error(scored)]++;
			kindsOfError.add(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d |", kind.id(), misread.size(), byError[0], byError[1],
				byError[2], byError[3], byError[4], byError[5]));
			for (final SkippedFile skipped : evaluation.skipped()) System.err.println("skipped " + skipped);
		}
		table(rows, "document", "numbers", "whole numbers", "digits", "mean confidence", "90% most confident", "80% most confident", "numbers/s");
		System.out.println();
		System.out.println("How the misread numbers went wrong (each counted once, in the first column that fits):");
		System.out.println();
		table(kindsOfError, "document", "misread", "nothing read", "only 1s read", "3 or more digits too many", "1 or 2 too many", "too few",
			"as many, some wrong");
		System.out.println();
		System.out.println("Misread (truth → read, confidence):");
		System.out.println();
		examples.forEach(System.out::println);
	}

	/**
	 * How a number was misread: 0 nothing read, 1 only 1s (where the truth is not: an edge or a rule
	 * read as a digit), 2 three or more digits too many, 3 one or two too many, 4 too few, 5 as many
	 * digits, some wrong.
	 */
	static int error(final ReadingReport.Scored scored) {
		final String read = scored.read(), truth = scored.truth();
		if (read.isEmpty()) return 0;
		if (read.matches("1+") && !truth.matches("1+")) return 1;
		if (read.length() >= truth.length() + 3) return 2;
		if (read.length() > truth.length()) return 3;
		return read.length() < truth.length() ? 4 : 5;
	}

	private static String percent(final double share) {
		return String.format(Locale.ROOT, "%.1f%%", 100 * share);
	}

	/** The image in RGB, grey levels as they are (Java2D would draw a grey image as linear light, too bright). */
	private static BufferedImage rgb(final BufferedImage image) {
		if (image.getRaster().getNumBands() >= 3) return image;
		final BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				final int v = image.getRaster().getSample(x, y, 0);
				out.setRGB(x, y, v << 16 | v << 8 | v);
			}
		}
		return out;
	}

	/** The montages stop adding documents at this many pixels of them (they are kept in the repository). */
	private static final long MONTAGE_PIXELS = 90_000;

	/** A montage of up to {@code count} documents of the kind, at their own size, each with its label below. */
	private static void montage(final Documents documents, final Kind kind, final Path folder, final int count, final long seed) throws IOException {
		final int maxWidth = 720, gap = 6, caption = 12;
		final List<Document> all = new ArrayList<>();
		long area = 0;
		for (int i = 0; i < count && area < MONTAGE_PIXELS; i++) {
			final Document d = documents.make(kind, seedOf(seed, kind, i));
			all.add(d);
			area += (long) d.image().getWidth() * d.image().getHeight();
		}
		// Rows, filled left to right.
		final List<List<Document>> rows = new ArrayList<>();
		List<Document> row = new ArrayList<>();
		int width = gap;
		for (final Document d : all) {
			if (!row.isEmpty() && width + d.image().getWidth() + gap > maxWidth) {
				rows.add(row);
				row = new ArrayList<>();
				width = gap;
			}
			row.add(d);
			width += d.image().getWidth() + gap;
		}
		if (!row.isEmpty()) rows.add(row);
		int totalH = gap, totalW = 0;
		for (final List<Document> r : rows) {
			int rw = gap, rh = 0;
			for (final Document d : r) {
				rw += d.image().getWidth() + gap;
				rh = Math.max(rh, d.image().getHeight());
			}
			totalW = Math.max(totalW, rw);
			totalH += rh + caption + gap;
		}
		final BufferedImage montage = new BufferedImage(totalW, totalH, BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = montage.createGraphics();
		g.setColor(new Color(255, 255, 255));
		g.fillRect(0, 0, totalW, totalH);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setFont(new Font("DejaVu Sans", Font.PLAIN, 10));
		int y = gap;
		for (final List<Document> r : rows) {
			int x = gap, rh = 0;
			for (final Document d : r) {
				g.drawImage(rgb(d.image()), x, y, null);
				g.setColor(new Color(200, 0, 0));
				g.drawString(d.label(), x, y + d.image().getHeight() + caption - 2);
				x += d.image().getWidth() + gap;
				rh = Math.max(rh, d.image().getHeight());
			}
			y += rh + caption + gap;
		}
		g.dispose();
		Files.createDirectories(folder);
		ImageIO.write(palette(montage, 40), "png", folder.resolve("documents-" + kind.id() + ".png").toFile());
	}

	/**
	 * The image in {@code colours} colours (median cut, each pixel its nearest colour, no dithering):
	 * a PNG of a third the size, for the montages kept in the repository.
	 */
	static BufferedImage palette(final BufferedImage image, final int colours) {
		final int w = image.getWidth(), h = image.getHeight();
		final int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
		final List<int[]> boxes = new ArrayList<>(List.of(pixels.clone()));
		while (boxes.size() < colours) {
			// Split the box whose colours are farthest from their mean (summed squared error), across its most varied channel.
			int widest = -1, channel = 0;
			double worst = 0;
			for (int b = 0; b < boxes.size(); b++) {
				if (boxes.get(b).length < 2) continue;
				for (int c = 0; c < 3; c++) {
					double sum = 0, squares = 0;
					for (final int p : boxes.get(b)) {
						final int v = p >> (16 - 8 * c) & 255;
						sum += v;
						squares += (double) v * v;
					}
					final double error = squares - sum * sum / boxes.get(b).length;
					if (error > worst) {
						worst = error;
						widest = b;
						channel = c;
					}
				}
			}
			if (widest < 0) break;
			final int shift = 16 - 8 * channel;
			final int[] box = boxes.remove(widest);
			final Integer[] sorted = Arrays.stream(box).boxed().toArray(Integer[]::new);
			Arrays.sort(sorted, (a, b) -> Integer.compare(a >> shift & 255, b >> shift & 255));
			final int half = sorted.length / 2;
			boxes.add(Arrays.stream(sorted, 0, half).mapToInt(Integer::intValue).toArray());
			boxes.add(Arrays.stream(sorted, half, sorted.length).mapToInt(Integer::intValue).toArray());
		}
		final byte[] r = new byte[boxes.size()], gr = new byte[boxes.size()], b = new byte[boxes.size()];
		final int[][] rgb = new int[boxes.size()][3];
		for (int i = 0; i < boxes.size(); i++) {
			long sr = 0, sg = 0, sb = 0;
			for (final int p : boxes.get(i)) {
				sr += p >> 16 & 255;
				sg += p >> 8 & 255;
				sb += p & 255;
			}
			final int n = Math.max(1, boxes.get(i).length);
			rgb[i] = new int[] { (int) (sr / n), (int) (sg / n), (int) (sb / n) };
			r[i] = (byte) rgb[i][0];
			gr[i] = (byte) rgb[i][1];
			b[i] = (byte) rgb[i][2];
		}
		final BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED,
			new java.awt.image.IndexColorModel(8, boxes.size(), r, gr, b));
		for (int i = 0; i < pixels.length; i++) {
			int best = 0;
			long bestDistance = Long.MAX_VALUE;
			for (int k = 0; k < rgb.length; k++) {
				final long dr = (pixels[i] >> 16 & 255) - rgb[k][0], dg = (pixels[i] >> 8 & 255) - rgb[k][1], db = (pixels[i] & 255) - rgb[k][2];
				final long distance = dr * dr + dg * dg + db * db;
				if (distance < bestDistance) {
					bestDistance = distance;
					best = k;
				}
			}
			out.getRaster().setSample(i % w, i / w, 0, best);
		}
		return out;
	}
}
