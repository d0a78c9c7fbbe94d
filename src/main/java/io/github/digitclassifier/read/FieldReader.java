package io.github.digitclassifier.read;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads fields whole, as a number reader model does ({@link NumberStrips#field}): the readings of
 * these fields' writings, in order, with their confidences as read (not calibrated).
 */
@FunctionalInterface
public interface FieldReader {

	List<NumberReading> read(List<NumberStrips.Writing> fields);

	/**
	 * Per image, the surest reading of the fields it may be in ({@link NumberStrips#fields}), all
	 * read in one batch; {@link NumberReading#NONE} for an image without any.
	 */
	default List<NumberReading> readBest(final List<List<NumberStrips.Writing>> fieldsOfImage) {
		final List<NumberStrips.Writing> all = new ArrayList<>();
		fieldsOfImage.forEach(all::addAll);
		final Iterator<NumberReading> read = (all.isEmpty() ? List.<NumberReading>of() : read(all)).iterator();
		final List<NumberReading> best = new ArrayList<>(fieldsOfImage.size());
		for (final List<NumberStrips.Writing> fields : fieldsOfImage) {
			NumberReading surest = NumberReading.NONE;
			for (int i = 0; i < fields.size(); i++) {
				final NumberReading r = read.next();
				if (i == 0 || r.confidence() > surest.confidence()) surest = r;
			}
			best.add(surest);
		}
		return best;
	}
}
