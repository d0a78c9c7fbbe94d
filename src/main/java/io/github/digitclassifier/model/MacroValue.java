package io.github.digitclassifier.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** An enum whose constants are the values of a macro key: {@code network=lenet}, {@code balance=auto}. */
public interface MacroValue {

	String name();

	/** The value in macros and bundles: the constant's name in lower case. */
	default String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The constant named {@code id} (in any case), or a message naming {@code key} and the choices. */
	static <E extends Enum<E> & MacroValue> E byId(final E[] values, final String id, final String key) {
		for (final E e : values) {
			if (e.id().equalsIgnoreCase(id == null ? "" : id.trim())) return e;
		}
		throw new IllegalArgumentException("Unknown " + key + " '" + id + "': choose one of " +
			Arrays.stream(values).map(MacroValue::id).collect(Collectors.joining(", ")));
	}
}
