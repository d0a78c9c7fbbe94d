package io.github.digitclassifier.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ij.IJ;
import io.github.digitclassifier.model.EpochRecord;
import io.github.digitclassifier.train.TrainingProgress;

/** In ImageJ, Esc cancels the training that runs, never one started after it was pressed; the command's progress still hears everything. */
class ImageJTrainingWatchTest {

	@Test
	void escCancelsTheRunningTrainingOnly() {
		final List<EpochRecord> heard = new ArrayList<>();
		final TrainingProgress progress = new TrainingProgress() {
			@Override
			public void epochDone(final EpochRecord record) {
				heard.add(record);
			}
		};
		final ImageJTrainingWatch watch = new ImageJTrainingWatch();
		final TrainingProgress running = watch.watch(progress);
		assertFalse(running.isCancelled());
		IJ.setKeyDown(KeyEvent.VK_ESCAPE);
		assertTrue(running.isCancelled(), "Esc did not cancel");
		assertFalse(watch.watch(progress).isCancelled(), "an Esc pressed before a run cancelled it");
		final EpochRecord record = new EpochRecord(1, 0.5, 0.9, 0.6, 0.85, 1);
		running.epochDone(record);
		assertEquals(List.of(record), heard);
	}
}
