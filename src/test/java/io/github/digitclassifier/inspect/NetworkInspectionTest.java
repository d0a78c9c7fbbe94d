package io.github.digitclassifier.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.junit.jupiter.api.Test;

import io.github.digitclassifier.backend.Backends;
import io.github.digitclassifier.model.ModelBundle;
import io.github.digitclassifier.model.ModelBundles;
import net.imglib2.img.array.ArrayImgs;

/** The bundled model's network taken apart: its layers, first filters and feature maps. */
class NetworkInspectionTest {

	@Test
	void theBundledNetworkShowsItsLayersFiltersAndFeatureMaps() throws Exception {
		Backends.prepare();
		final ModelBundle bundle = ModelBundles.loadDefault();
		final NetworkInspection inspection = new NetworkInspection(bundle);
		final List<NetworkInspection.Layer> layers = inspection.layers();
		assertEquals(bundle.network().getnLayers(), layers.size());
		assertEquals(bundle.network().numParams(), layers.stream().mapToLong(NetworkInspection.Layer::parameters).sum());
		assertEquals("10", layers.get(layers.size() - 1).outputShape());
		final ConvolutionLayer first = (ConvolutionLayer) bundle.network().getLayerWiseConfigurations().getConf(0).getLayer();
		assertTrue(layers.get(0).kind().startsWith("ConvolutionLayer"), layers.get(0).kind());
		assertTrue(layers.get(0).outputShape().startsWith(first.getNOut() + "x"), layers.get(0).outputShape());

		final NetworkInspection.Planes filters = inspection.firstFilters();
		assertEquals(first.getNOut() * first.getNIn(), filters.pixels().size());
		assertEquals(first.getKernelSize()[1], filters.width());
		assertEquals(first.getKernelSize()[0], filters.height());
		final NetworkInspection.Planes montage = NetworkInspection.montage(filters, 8, 2);
		assertEquals(1, montage.pixels().size());
		assertEquals(montage.width() * montage.height(), montage.pixels().get(0).length);

		final float[] digit = new float[28 * 28];
		for (int y = 4; y < 24; y++) digit[y * 28 + 13] = digit[y * 28 + 14] = 255;
		final NetworkInspection.Planes maps = inspection.featureMaps(ArrayImgs.floats(digit, 28, 28));
		long expected = 0;
		for (final NetworkInspection.Layer l : layers) {
			final String[] dims = l.outputShape().split("x");
			if (dims.length == 3) expected += Long.parseLong(dims[0]);
		}
		assertEquals(expected, maps.pixels().size());
		// Every map is shown at the size of the largest, the first convolution's.
		final String[] firstShape = layers.get(0).outputShape().split("x");
		assertEquals(Integer.parseInt(firstShape[2]), maps.width());
		assertEquals(Integer.parseInt(firstShape[1]), maps.height());
		assertTrue(maps.labels().get(0).startsWith("layer 1 "), maps.labels().get(0));
	}
}
