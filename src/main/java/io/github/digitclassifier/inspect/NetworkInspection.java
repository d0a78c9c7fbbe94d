package io.github.digitclassifier.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.github.digitclassifier.io.CsvTable;
import io.github.digitclassifier.model.Layouts;
import io.github.digitclassifier.model.ModelBundle;
import io.github.digitclassifier.preprocess.Preprocessing;
import io.github.digitclassifier.preprocess.Preprocessor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * What a DL4J network is made of, for a person to look at: its layers (name, kind, output shape,
 * parameters), its first convolution's filters, and what each layer makes of an image.
 */
public final class NetworkInspection {

	/** One layer: its output shape without the batch, channels first ({@code 16x28x28}). */
	public record Layer(int index, String name, String kind, String outputShape, long parameters) {}

	/** Images of equal size, each with its label, as planes of {@code width * height} values. */
	public record Planes(int width, int height, List<String> labels, List<float[]> pixels) {}

	private final ModelBundle bundle;
	private final MultiLayerNetwork network;

	public NetworkInspection(final ModelBundle bundle) {
		this.bundle = bundle;
		this.network = bundle.network();
	}

	/** The layers, in order, their output shapes those of an image prepared as the model prepares one. */
	public List<Layer> layers() {
		final List<INDArray> activations = activations(new float[bundle.metadata().preprocessing().pixelCount()]);
		final List<Layer> layers = new ArrayList<>();
		for (int i = 0; i < network.getnLayers(); i++) {
			final org.deeplearning4j.nn.conf.layers.Layer conf = network.getLayerWiseConfigurations().getConf(i).getLayer();
			String kind = conf.getClass().getSimpleName();
			// Batch normalisation carries DL4J's default activation in its configuration without applying it.
			if (conf instanceof BaseLayer base && !(conf instanceof BatchNormalization) && base.getActivationFn() != null) {
				kind += " (" + base.getActivationFn() + ")";
			}
			if (conf instanceof ConvolutionLayer c) kind += " " + c.getKernelSize()[0] + "x" + c.getKernelSize()[1];
			final String name = conf.getLayerName() == null ? "layer" + i : conf.getLayerName();
			final long[] shape = activations.get(i + 1).shape();
			final StringBuilder text = new StringBuilder();
			for (int d = 1; d < shape.length; d++) text.append(d > 1 ? "x" : "").append(shape[d]);
			layers.add(new Layer(i + 1, name, kind, text.toString(), network.getLayer(i).numParams()));
		}
		return layers;
	}

	/** The layers as a table: layer, name, kind, output_shape, parameters. */
	public static CsvTable table(final List<Layer> layers) {
		final CsvTable table = new CsvTable(List.of("layer", "name", "kind", "output_shape", "parameters"));
		for (final Layer l : layers) table.add(l.index(), l.name(), l.kind(), l.outputShape(), l.parameters());
		return table;
	}

	/**
	 * The first convolution's filters, one plane per filter and input channel, each scaled to 0..1
	 * (a filter's pattern, not its size, is what a person reads in it).
	 */
	public Planes firstFilters() {
		for (int i = 0; i < network.getnLayers(); i++) {
			if (!(network.getLayerWiseConfigurations().getConf(i).getLayer() instanceof ConvolutionLayer)) continue;
			final INDArray w = network.getParam(i + "_W"); // [out, in, kh, kw]
			final int out = (int) w.size(0), in = (int) w.size(1), kh = (int) w.size(2), kw = (int) w.size(3);
			final List<String> labels = new ArrayList<>();
			final List<float[]> pixels = new ArrayList<>();
			for (int o = 0; o < out; o++) {
				for (int c = 0; c < in; c++) {
					final float[] plane = new float[kh * kw];
					for (int y = 0; y < kh; y++) {
						for (int x = 0; x < kw; x++) plane[y * kw + x] = w.getFloat(o, c, y, x);
					}
					pixels.add(scaled(plane));
					labels.add("filter " + (o + 1) + (in > 1 ? " channel " + (c + 1) : ""));
				}
			}
			return new Planes(kw, kh, labels, pixels);
		}
		throw new IllegalArgumentException("The network has no convolution layer: no filters to show");
	}

	/**
	 * What every layer with image-shaped output makes of {@code image}: one plane per channel,
	 * enlarged (nearest neighbour) to the largest map's size so they fit one stack.
	 */
	public Planes featureMaps(final RandomAccessibleInterval<? extends RealType<?>> image) {
		final Preprocessing preprocessing = bundle.metadata().preprocessing();
		final List<INDArray> activations = activations(new Preprocessor(preprocessing).prepare(image));
		final boolean last = Layouts.of(network) == CNN2DFormat.NHWC;
		int width = 0, height = 0;
		final List<INDArray> maps = new ArrayList<>();
		for (int i = 1; i < activations.size(); i++) {
			INDArray a = activations.get(i);
			if (a.rank() != 4) {
				maps.add(null);
				continue;
			}
			if (last) a = a.permute(0, 3, 1, 2);
			maps.add(a);
			height = Math.max(height, (int) a.size(2));
			width = Math.max(width, (int) a.size(3));
		}
		final List<String> labels = new ArrayList<>();
		final List<float[]> pixels = new ArrayList<>();
		final List<Layer> layers = layers();
		for (int i = 0; i < maps.size(); i++) {
			final INDArray a = maps.get(i);
			if (a == null) continue;
			final int c = (int) a.size(1), h = (int) a.size(2), w = (int) a.size(3);
			for (int k = 0; k < c; k++) {
				final float[] plane = new float[width * height];
				for (int y = 0; y < height; y++) {
					for (int x = 0; x < width; x++) plane[y * width + x] = a.getFloat(0, k, (long) y * h / height, (long) x * w / width);
				}
				pixels.add(plane);
				labels.add(String.format(Locale.ROOT, "layer %d %s: map %d of %d (%dx%d)", i + 1, layers.get(i).name(), k + 1, c, w, h));
			}
		}
		if (pixels.isEmpty()) throw new IllegalArgumentException("The network has no layer with image-shaped output: no feature maps to show");
		return new Planes(width, height, labels, pixels);
	}

	/** The input and every layer's output for one prepared image. */
	private List<INDArray> activations(final float[] prepared) {
		final Preprocessing p = bundle.metadata().preprocessing();
		final INDArray input = Nd4j.create(prepared, new long[] { 1, p.channels(), p.height(), p.width() });
		synchronized (network) {
			return network.feedForward(Layouts.forNetwork(input, network), false);
		}
	}

	/** Values scaled to 0..1 (all 0.5 when they are all equal). */
	static float[] scaled(final float[] values) {
		float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
		for (final float v : values) {
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		final float[] out = new float[values.length];
		for (int i = 0; i < values.length; i++) out[i] = max > min ? (values[i] - min) / (max - min) : 0.5f;
		return out;
	}

	/** Planes laid out in a grid {@code columns} wide, each enlarged {@code scale} times, {@code gap} pixels apart (value 1). */
	public static Planes montage(final Planes planes, final int scale, final int gap) {
		final int n = planes.pixels().size(), columns = (int) Math.ceil(Math.sqrt(n)), rows = (n + columns - 1) / columns;
		final int tileW = planes.width() * scale, tileH = planes.height() * scale;
		final int width = columns * tileW + (columns + 1) * gap, height = rows * tileH + (rows + 1) * gap;
		final float[] out = new float[width * height];
		java.util.Arrays.fill(out, 1f);
		for (int k = 0; k < n; k++) {
			final int x0 = gap + (k % columns) * (tileW + gap), y0 = gap + (k / columns) * (tileH + gap);
			final float[] plane = planes.pixels().get(k);
			for (int y = 0; y < tileH; y++) {
				for (int x = 0; x < tileW; x++) out[(y0 + y) * width + x0 + x] = plane[(y / scale) * planes.width() + x / scale];
			}
		}
		return new Planes(width, height, List.of(n + " filters"), List.of(out));
	}
}
