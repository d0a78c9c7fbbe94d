package io.github.digitclassifier.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

class LatestWinsTest {

	/** While the worker is busy, newer snapshots replace older ones; the last offered is always worked on. */
	@Test
	void theWorkerSkipsStaleSnapshotsAndEndsOnTheNewest() throws Exception {
		final List<Integer> done = new CopyOnWriteArrayList<>();
		final CountDownLatch firstStarted = new CountDownLatch(1), release = new CountDownLatch(1);
		try (LatestWins<Integer> worker = new LatestWins<>("test", i -> {
			firstStarted.countDown();
			try {
				if (i == 0) release.await();
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			done.add(i);
		}, e -> done.add(-1))) {
			worker.offer(0);
			firstStarted.await();
			for (int i = 1; i <= 50; i++) worker.offer(i);
			release.countDown();
			assertTrue(worker.awaitIdle(5000));
			assertEquals(List.of(0, 50), done);
			assertEquals(51, worker.counts()[0]);
			assertEquals(2, worker.counts()[1]);
		}
	}

	@Test
	void aFailureIsReportedAndTheWorkerGoesOn() throws Exception {
		final List<String> seen = new CopyOnWriteArrayList<>();
		try (LatestWins<String> worker = new LatestWins<>("test", s -> {
			if (s.equals("bad")) throw new IllegalStateException("bad drawing");
			seen.add(s);
		}, e -> seen.add(e.getMessage()))) {
			worker.offer("bad");
			assertTrue(worker.awaitIdle(5000));
			worker.offer("good");
			assertTrue(worker.awaitIdle(5000));
		}
		assertEquals(List.of("bad drawing", "good"), seen);
	}
}
