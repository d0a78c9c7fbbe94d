package io.github.digitclassifier.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Reads small files ahead of the threads that decode them, on threads of its own, so that files the
 * operating system has not cached yet are fetched while earlier ones decode; the decoding threads
 * take the files in order, a batch at a time ({@link #forEach}). Uncached files import much faster
 * so than when the decoding threads read them as well; cached ones as fast.
 */
public final class FileReadAhead implements AutoCloseable {

	/**
	 * Reading threads: enough to keep a fast disk's queue busy (more were no better; on a slower disk,
	 * which bounds the import, the count hardly matters).
	 */
	static final int THREADS = 8;
	/** Files per batch: handing the files over one by one slowed a cached import down. */
	public static final int BATCH = 32;
	/** Batches read and not yet taken, at most. */
	static final int WINDOW = 16;
	/** Larger files are left to their decoder (so at most 64 MB is held here). */
	static final int MAX_BYTES = 128 << 10;

	/** Files {@code first} onwards: each one's bytes, null when its decoder should read it, or why it could not be read. */
	record Batch(int first, Object[] contents) {

		int size() {
			return contents.length;
		}

		/** The bytes of the batch's file {@code k}, or null when the decoder should read it; fails as reading it failed. */
		byte[] bytes(final int k) throws IOException {
			if (contents[k] instanceof IOException e) throw e;
			return (byte[]) contents[k];
		}
	}

	private final List<Path> files;
	private final ExecutorService readers;
	private final Semaphore free = new Semaphore(WINDOW);
	private final AtomicInteger nextToRead = new AtomicInteger(), nextToTake = new AtomicInteger();
	private final Map<Integer, Batch> read = new HashMap<>();
	private volatile boolean closed;

	/** Starts reading {@code files} from the first. */
	public FileReadAhead(final List<Path> files) {
		this.files = List.copyOf(files);
		readers = Executors.newFixedThreadPool(THREADS, task -> {
			final Thread thread = new Thread(task, "digit-classifier-read-ahead");
			thread.setDaemon(true);
			return thread;
		});
		for (int t = 0; t < THREADS; t++) readers.execute(this::readInOrder);
	}

	private int batches() {
		return (files.size() + BATCH - 1) / BATCH;
	}

	private void readInOrder() {
		while (!closed) {
			// A slot first, then a batch: the earliest batch not yet read always has its slot.
			try {
				free.acquire();
			}
			catch (final InterruptedException e) {
				return;
			}
			final int b = nextToRead.getAndIncrement();
			if (b >= batches()) return;
			final int first = b * BATCH;
			final Object[] contents = new Object[Math.min(BATCH, files.size() - first)];
			for (int k = 0; k < contents.length; k++) {
				try {
					contents[k] = ImageFiles.bytesOf(files.get(first + k), MAX_BYTES);
				}
				catch (final IOException e) {
					contents[k] = e;
				}
				catch (final RuntimeException | Error e) { // recorded too, so that no decoding thread waits for the batch forever
					contents[k] = new IOException(files.get(first + k) + " cannot be read: " + e, e);
				}
			}
			synchronized (read) {
				read.put(b, new Batch(first, contents));
				read.notifyAll();
			}
		}
	}

	/** The next batch of files to decode, in order, once read; null when it would start at or after file {@code end}. */
	Batch next(final int end) throws InterruptedException {
		int b;
		do {
			b = nextToTake.get();
			if (b >= batches() || b * BATCH >= end) return null;
		}
		while (!nextToTake.compareAndSet(b, b + 1));
		final Batch batch;
		synchronized (read) {
			while (!read.containsKey(b)) read.wait();
			batch = read.remove(b);
		}
		free.release();
		return batch;
	}

	/** What is done with one file: its index, and its bytes (null: the task reads the file itself). */
	@FunctionalInterface
	public interface FileTask {
		void accept(int index, byte[] bytes) throws IOException;
	}

	/**
	 * Runs {@code task} on every file not yet taken that comes before file {@code end} (a multiple of
	 * {@link #BATCH}, or the number of files), in order, on one thread per core; where reading a file
	 * or its task fails, the message goes to {@code failures} at the file's index.
	 */
	public void forEach(final int end, final FileTask task, final String[] failures) {
		if (end % BATCH != 0 && end != files.size()) {
			throw new IllegalArgumentException("Files are taken in batches of " + BATCH + ": cannot stop before file " + end);
		}
		IntStream.range(0, Runtime.getRuntime().availableProcessors()).parallel().forEach(thread -> {
			try {
				for (Batch batch = next(end); batch != null; batch = next(end)) {
					for (int k = 0; k < batch.size(); k++) {
						try {
							task.accept(batch.first() + k, batch.bytes(k));
						}
						catch (final IOException | RuntimeException e) {
							failures[batch.first() + k] = e.getMessage();
						}
					}
				}
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while reading images", e);
			}
		});
	}

	@Override
	public void close() {
		closed = true;
		readers.shutdownNow();
	}
}
