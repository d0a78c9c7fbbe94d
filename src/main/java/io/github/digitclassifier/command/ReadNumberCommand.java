package io.github.digitclassifier.command;

import java.awt.Rectangle;
import java.io.IOException;
import java.util.AbstractList;
import java.util.List;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import io.github.digitclassifier.read.train.Readers;
import io.github.digitclassifier.ij1.DigitBoxes;
import io.github.digitclassifier.ij1.Slices;
import io.github.digitclassifier.read.NumberReader;
import io.github.digitclassifier.read.NumberReading;
import io.github.digitclassifier.read.ReadingTables;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/** Reads the number in every slice of the current image (within the selection when there is one). */
@Plugin(type = Command.class, label = "Read Number")
public class ReadNumberCommand extends ReadingCommand {

	@Parameter(label = "Image", persist = false)
	private ImagePlus image;

	@Override
	protected void execute() throws IOException {
		if (image == null || image.getProcessor() == null) {
			throw new IllegalArgumentException("No image open: open an image or stack to read numbers in");
		}
		final Slices.Items items = Slices.of(image, 1);
		final Rectangle area = Slices.selection(image);
		NumberReader.requireReadable(area == null ? "Image " + image.getTitle() : "The selection on " + image.getTitle(),
			area == null ? image.getWidth() : area.width, area == null ? image.getHeight() : area.height);
		// Each slice fetched only when read: a virtual stack is not loaded whole.
		final List<RandomAccessibleInterval<? extends RealType<?>>> regions = area == null ? items.images() : new AbstractList<>() {
			@Override
			public RandomAccessibleInterval<? extends RealType<?>> get(final int index) {
				return Views.zeroMin(Views.interval(items.images().get(index), new long[] { area.x, area.y },
					new long[] { area.x + area.width - 1L, area.y + area.height - 1L }));
			}

			@Override
			public int size() {
				return items.images().size();
			}
		};
		final List<NumberReading> readings;
		try (Readers.Opened opened = reader()) {
			readings = opened.reader().readAll(regions);
		}
		DigitBoxes.show(image, items.stackIndices(), readings, area == null ? 0 : area.x, area == null ? 0 : area.y);
		report(ReadingTables.forSlices(readings, Slices.originalLabels(image, items)));
		log.info("Read " + readings.size() + " number(s) in " + image.getTitle());
	}
}
