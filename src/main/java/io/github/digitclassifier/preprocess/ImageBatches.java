package io.github.digitclassifier.preprocess;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import io.github.digitclassifier.backend.Backends;

/**
 * Mini-batches of prepared images as DL4J data sets (features N x C x H x W, one-hot labels),
 * each built on a background thread while the caller works on the one before, so that
 * training does not wait on the data.
 */
public final class ImageBatches implements Iterator<DataSet>, AutoCloseable {

	private static final ExecutorService BUILDER = Executors.newCachedThreadPool(task -> {
		final Thread thread = new Thread(task, "digit-classifier-batches");
		thread.setDaemon(true);
		return thread;
	});

	private final PreparedImages images;
	/** Entries stand for image {@code entry % images.size()}; entries for the same image tell its augmentations apart. */
	private final long[] order;
	private final int batchSize;
	private final int classes;
	private final Augmenter augmenter;
	private final long augmentSeed;
	private int start;
	private CompletableFuture<DataSet> next;

	private ImageBatches(final PreparedImages images, final long[] order, final int batchSize, final int classes,
		final Augmenter augmenter, final long augmentSeed)
	{
		if (batchSize < 1) throw new IllegalArgumentException("batch_size must be at least 1, not " + batchSize);
		// ND4J may start on the builder's thread, whose context class loader cannot see plugins/jars.
		Backends.prepare();
		this.images = images;
		this.order = order;
		this.batchSize = batchSize;
		this.classes = classes;
		this.augmenter = augmenter;
		this.augmentSeed = augmentSeed;
		this.next = order.length == 0 ? null : build(0);
	}

	/** All images in their order, unchanged: for evaluation and prediction. */
	public static ImageBatches inOrder(final PreparedImages images, final int batchSize, final int classes) {
		return new ImageBatches(images, LongStream.range(0, images.size()).toArray(), batchSize, classes, null, 0);
	}

	/** At most {@code count} images spread evenly over the set, unchanged. */
	public static ImageBatches sample(final PreparedImages images, final int count, final int batchSize, final int classes) {
		final int n = Math.min(count, images.size());
		final long[] order = LongStream.range(0, n).map(i -> i * images.size() / n).toArray();
		return new ImageBatches(images, order, batchSize, classes, null, 0);
	}

	/**
	 * One training epoch: the images shuffled and, with an augmenter, changed at random; the
	 * same seed and epoch give the same batches. With {@code passes > 1} the epoch goes over the
	 * images that many times, each pass shuffled and augmented anew. {@code balanced}: as many
	 * images, each of a class drawn with equal odds and then an image of it (so the images of
	 * small classes come up more often, each time augmented anew).
	 */
	public static ImageBatches epoch(final PreparedImages images, final int batchSize, final int classes,
		final Augmenter augmenter, final long seed, final int epoch, final int passes, final boolean balanced)
	{
		final int n = images.size();
		final long[] order = new long[n * passes];
		final Random random = new Random(seed * 31 + epoch);
		if (balanced) {
			final int[][] byClass = byClass(images, classes);
			for (int k = 0; k < order.length; k++) {
				final int[] members = byClass[random.nextInt(byClass.length)];
				order[k] = (long) k * n + members[random.nextInt(members.length)];
			}
		}
		else {
			for (int pass = 0; pass < passes; pass++) {
				final int first = pass * n;
				for (int i = 0; i < n; i++) order[first + i] = first + i;
				for (int i = n - 1; i > 0; i--) {
					final int j = random.nextInt(i + 1);
					final long t = order[first + i]; order[first + i] = order[first + j]; order[first + j] = t;
				}
			}
		}
		return new ImageBatches(images, order, batchSize, classes, augmenter, seed * 1_000_003L + epoch);
	}

	/** The indices of each class's images, for the classes that have any. */
	private static int[][] byClass(final PreparedImages images, final int classes) {
		final List<List<Integer>> members = new ArrayList<>();
		for (int c = 0; c < classes; c++) members.add(new ArrayList<>());
		for (int i = 0; i < images.size(); i++) members.get(images.classIndex(i)).add(i);
		return members.stream().filter(m -> !m.isEmpty()).map(m -> m.stream().mapToInt(Integer::intValue).toArray())
			.toArray(int[][]::new);
	}

	public int batchCount() {
		return (order.length + batchSize - 1) / batchSize;
	}

	@Override
	public boolean hasNext() {
		return next != null;
	}

	@Override
	public DataSet next() {
		if (next == null) throw new NoSuchElementException();
		final DataSet batch = next.join();
		start += batchSize;
		next = start < order.length ? build(start) : null;
		return batch;
	}

	@Override
	public void close() {
		if (next != null) next.cancel(false);
		next = null;
	}

	private CompletableFuture<DataSet> build(final int from) {
		return CompletableFuture.supplyAsync(() -> batch(from), BUILDER);
	}

	private DataSet batch(final int from) {
		final Preprocessing p = images.preprocessing();
		final int size = p.pixelCount();
		final int n = Math.min(batchSize, order.length - from);
		final float[] features = new float[n * size];
		final float[] labels = new float[n * classes];
		// Images kept in memory are copied at once; streamed ones are decoded on both cores.
		final IntStream rows = images.inMemory() ? IntStream.range(0, n) : IntStream.range(0, n).parallel();
		rows.forEach(r -> {
			final long draw = order[from + r];
			final int i = (int) (draw % images.size());
			if (augmenter == null) {
				images.copyTo(i, features, r * size);
			}
			else {
				final float[] plain = new float[size];
				images.copyTo(i, plain, 0);
				final SplittableRandom random = new SplittableRandom(augmentSeed * 1_000_033L + draw);
				if (augmenter.picksNonDigit(random)) {
					final float[] other = new float[size];
					images.copyTo(random.nextInt(images.size()), other, 0);
					augmenter.augmentNonDigit(plain, other, features, r * size, random);
					// Not one digit: every class alike.
					for (int c = 0; c < classes; c++) labels[r * classes + c] = 1f / classes;
					return;
				}
				augmenter.augment(plain, 0, features, r * size, images.classIndex(i), random);
			}
			labels[r * classes + images.classIndex(i)] = 1f;
		});
		final INDArray x = Nd4j.create(features, new long[] { n, p.channels(), p.height(), p.width() });
		final INDArray y = Nd4j.create(labels, new long[] { n, classes });
		return new DataSet(x, y);
	}
}
