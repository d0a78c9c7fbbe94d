package io.github.digitclassifier.bench.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The UCI handwritten digits (E. Alpaydin and C. Kaynak, 1995; 30 writers; CC BY 4.0) in their
 * original 32x32 bitmap text form, as {@code scripts/OptdigitsToPng.java} reads them: 21 header
 * lines, then per digit 32 lines of 0/1 (1 = ink) and a line with the label. Each digit is kept as
 * its pen's path ({@link Skeleton}), to be written again with another pen.
 */
public final class UciDigits {

	/** Where the digits are, relative to the repository. */
	public static final Path DEFAULT_FOLDER = Path.of("../shared/data/optdigits");

	private static final int HEADER = 21, SIDE = 32;

	private final List<boolean[]> bitmaps;
	private final int[] labels;
	private final List<List<Integer>> byClass = new ArrayList<>();
	private final Skeleton[] skeletons;

	private UciDigits(final List<boolean[]> bitmaps, final int[] labels) {
		this.bitmaps = bitmaps;
		this.labels = labels;
		for (int d = 0; d <= 9; d++) byClass.add(new ArrayList<>());
		for (int i = 0; i < labels.length; i++) byClass.get(labels[i]).add(i);
		for (int d = 0; d <= 9; d++) {
			if (byClass.get(d).isEmpty()) throw new IllegalArgumentException("No digit " + d + " among the UCI digits");
		}
		skeletons = new Skeleton[labels.length];
	}

	/** Whether {@code folder} holds optdigits files ({@code optdigits-orig.*}). */
	public static boolean present(final Path folder) {
		return !files(folder).isEmpty();
	}

	private static List<Path> files(final Path folder) {
		if (!Files.isDirectory(folder)) return List.of();
		try (Stream<Path> all = Files.list(folder)) {
			return all.filter(f -> f.getFileName().toString().startsWith("optdigits-orig.") && Files.isRegularFile(f)).sorted().toList();
		}
		catch (final IOException e) {
			return List.of();
		}
	}

	/** Every {@code optdigits-orig.*} file in the folder, in the order of their names. */
	public static UciDigits load(final Path folder) throws IOException {
		final List<Path> files = files(folder);
		if (files.isEmpty()) throw new IOException("No optdigits-orig.* file in " + folder);
		final List<boolean[]> bitmaps = new ArrayList<>();
		final List<Integer> labels = new ArrayList<>();
		for (final Path file : files) {
			final List<String> lines = Files.readAllLines(file);
			for (int at = HEADER; at + SIDE < lines.size(); at += SIDE + 1) {
				final boolean[] bitmap = new boolean[SIDE * SIDE];
				for (int y = 0; y < SIDE; y++) {
					final String row = lines.get(at + y).trim();
					if (row.length() != SIDE) throw new IOException(file + " line " + (at + y + 1) + ": expected 32 characters 0/1");
					for (int x = 0; x < SIDE; x++) bitmap[y * SIDE + x] = row.charAt(x) == '1';
				}
				bitmaps.add(bitmap);
				labels.add(Integer.parseInt(lines.get(at + SIDE).trim()));
			}
		}
		return new UciDigits(bitmaps, labels.stream().mapToInt(Integer::intValue).toArray());
	}

	public int size() {
		return labels.length;
	}

	/** The class of digit {@code index}. */
	public int label(final int index) {
		return labels[index];
	}

	/** A random digit of class {@code digit}: its index. */
	public int pick(final int digit, final Random random) {
		final List<Integer> of = byClass.get(digit);
		return of.get(random.nextInt(of.size()));
	}

	/** Digit {@code index}'s pen path, in the bitmap's pixels (32 rows). */
	public synchronized Skeleton skeleton(final int index) {
		if (skeletons[index] == null) skeletons[index] = Skeleton.of(bitmaps.get(index), SIDE, SIDE);
		return skeletons[index];
	}
}
