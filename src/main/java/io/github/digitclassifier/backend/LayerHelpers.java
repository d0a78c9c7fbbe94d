package io.github.digitclassifier.backend;

import java.lang.reflect.Field;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.LayerHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Puts the plugin's own implementations into DL4J's layers where DL4J keeps a layer's OneDNN or
 * cuDNN helper (its {@code helper} field): the layers, their parameters and their saved form stay
 * DL4J's.
 */
final class LayerHelpers {

	private LayerHelpers() {}

	/** Gives every layer of {@code network} (after {@code init()}) of class {@code kind} that {@code which} accepts a helper of its own. */
	static <L extends Layer> void install(final MultiLayerNetwork network, final Class<L> kind, final Predicate<L> which,
		final Supplier<? extends LayerHelper> helper)
	{
		final Field field = helperField(kind);
		for (final Layer layer : network.getLayers()) {
			if (kind.isInstance(layer) && which.test(kind.cast(layer))) {
				try {
					field.set(layer, helper.get());
				}
				catch (final IllegalAccessException e) {
					throw new IllegalStateException("Cannot set the helper of DL4J's " + kind.getSimpleName(), e);
				}
			}
		}
	}

	private static Field helperField(final Class<?> kind) {
		try {
			final Field field = kind.getDeclaredField("helper");
			field.setAccessible(true);
			return field;
		}
		catch (final NoSuchFieldException e) {
			throw new IllegalStateException("DL4J's " + kind.getSimpleName() + " has no helper field", e);
		}
	}
}
