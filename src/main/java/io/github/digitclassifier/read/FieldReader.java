package io.github.digitclassifier.read;

import java.util.List;

/**
 * Reads fields whole, as a number reader model does ({@link NumberStrips#field}): the readings of
 * these fields' writings, in order, with their confidences as read (not calibrated).
 */
@FunctionalInterface
public interface FieldReader {

	List<NumberReading> read(List<NumberStrips.Writing> fields);
}
