package io.github.digitclassifier.backend;

import java.lang.ref.Reference;
import java.nio.FloatBuffer;
import java.util.stream.IntStream;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's pooling layer whose forward pass of 2x2 max pooling at stride 2 over channels-first float
 * activations is one pass over ND4J's own memory. DL4J M2.1 runs that pass as libnd4j's op without
 * asking a helper, and with AVX2 alone OneDNN has only reference loops for it; so the network's
 * layer object itself is replaced (its configuration, and so the saved model, stay DL4J's). Other
 * pooling, and the backward pass, go to DL4J's layer as before ({@link MaxPoolingGradient}).
 */
final class MaxPoolingLayer extends org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer {

	private MaxPoolingLayer(final org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer original,
		final DataType dataType)
	{
		super(original.conf(), dataType);
		setIndex(original.getIndex());
		setListeners(original.getListeners());
		setCacheMode(original.getCacheMode());
		helper = (SubsamplingHelper) original.getHelper();
	}

	/** Replaces every 2D pooling layer of {@code network} (after {@code init()}, its helpers set) with one of these. */
	static void install(final MultiLayerNetwork network) {
		final Layer[] layers = network.getLayers();
		for (int i = 0; i < layers.length; i++) {
			if (layers[i].getClass() == org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer.class) {
				layers[i] = new MaxPoolingLayer((org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer) layers[i],
					network.getLayerWiseConfigurations().getDataType());
			}
		}
		network.setLayers(layers);
	}

	@Override
	public INDArray activate(final boolean training, final LayerWorkspaceMgr workspaceMgr) {
		assertInputSet(false);
		final SubsamplingLayer conf = layerConf();
		if (!MaxPoolingGradient.handles(input, conf.getKernelSize(), conf.getStride(), conf.getPadding(), conf.getPoolingType(),
			convolutionMode, conf.getDilation(), conf.getCnn2dDataFormat()))
		{
			return super.activate(training, workspaceMgr);
		}
		final long[] s = input.shape();
		final int planes = Math.toIntExact(s[0] * s[1]), h = (int) s[2], w = (int) s[3], oh = h / 2, ow = w / 2;
		final INDArray inputValues = FloatArrays.contiguous(input);
		final FloatBuffer in = FloatArrays.buffer(inputValues);
		final INDArray output = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, new long[] { s[0], s[1], oh, ow }, 'c');
		final FloatBuffer out = FloatArrays.buffer(output);
		final IntStream all = IntStream.range(0, planes);
		(input.length() >= MaxPoolingGradient.PARALLEL_FROM ? all.parallel() : all).forEach(p -> {
			final float[] top = new float[w], bottom = new float[w], pooled = new float[ow];
			for (int oy = 0; oy < oh; oy++) {
				final int row = p * h * w + 2 * oy * w;
				in.get(row, top);
				in.get(row + w, bottom);
				for (int ox = 0, x = 0; ox < ow; ox++, x += 2) {
					pooled[ox] = Math.max(Math.max(top[x], top[x + 1]), Math.max(bottom[x], bottom[x + 1]));
				}
				out.put(p * oh * ow + oy * ow, pooled);
			}
		});
		Reference.reachabilityFence(inputValues); // the buffer views its memory, a copy's perhaps
		return output;
	}
}
