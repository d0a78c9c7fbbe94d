package io.github.digitclassifier.draw;

import java.util.function.Consumer;

/**
 * Work on the newest snapshot only: one worker thread takes the latest snapshot offered, and a
 * snapshot offered while it works replaces any other still waiting, so no stale work queues up
 * behind a drawing hand and the last snapshot is always worked on.
 */
public final class LatestWins<S> implements AutoCloseable {

	private final Consumer<S> work;
	private final Consumer<RuntimeException> failure;
	private final Thread worker;
	private S pending;
	private boolean busy, closed;
	private long offered, started;

	/** Starts the worker; {@code failure} hears of work that threw (the worker goes on). */
	public LatestWins(final String name, final Consumer<S> work, final Consumer<RuntimeException> failure) {
		this.work = work;
		this.failure = failure;
		worker = new Thread(this::loop, name);
		worker.setDaemon(true);
		worker.start();
	}

	/** Offers a snapshot: it replaces one not yet started. */
	public synchronized void offer(final S snapshot) {
		if (closed) return;
		pending = snapshot;
		offered++;
		notifyAll();
	}

	/** Snapshots offered, and those the worker started on (the others were replaced by newer ones). */
	public synchronized long[] counts() {
		return new long[] { offered, started };
	}

	/** Waits until nothing is pending or running; false when {@code millis} ran out first. */
	public synchronized boolean awaitIdle(final long millis) throws InterruptedException {
		final long end = System.currentTimeMillis() + millis;
		while (pending != null || busy) {
			final long left = end - System.currentTimeMillis();
			if (left <= 0) return false;
			wait(left);
		}
		return true;
	}

	private void loop() {
		while (true) {
			final S next;
			synchronized (this) {
				busy = false;
				notifyAll();
				while (pending == null && !closed) {
					try {
						wait();
					}
					catch (final InterruptedException e) {
						return;
					}
				}
				if (closed) return;
				next = pending;
				pending = null;
				busy = true;
				started++;
			}
			try {
				work.accept(next);
			}
			catch (final RuntimeException e) {
				failure.accept(e);
			}
		}
	}

	/** Stops the worker after the work it is doing; what is pending is dropped. */
	@Override
	public synchronized void close() {
		closed = true;
		pending = null;
		notifyAll();
	}
}
