package io.github.digitclassifier.backend;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionHelper;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's convolution layer that, while training, leaves its ReLU to the batch normalisation after
 * it ({@link FusedBatchNorm} applies it as it reads its input and multiplies its gradient by the
 * ReLU's derivative as it writes it). DL4J applies a convolution's ReLU as one more pass over the
 * activations, copies them for the backward pass, and there runs ReLU's derivative as a third: with
 * AVX2 those passes took a good part of a training step of the default network. Outside
 * training the layer applies its ReLU itself (the batch normalisation's then changes nothing), so
 * its activations are what DL4J's would be. The network's configuration, and so the saved model,
 * stay DL4J's.
 */
final class UnactivatedConvolution extends ConvolutionLayer {

	/** The layer's configuration but for its activation, the identity. */
	private final org.deeplearning4j.nn.conf.layers.ConvolutionLayer unactivated;
	private final IActivation relu;

	private UnactivatedConvolution(final ConvolutionLayer original, final DataType dataType) {
		super(original.conf(), dataType);
		relu = original.layerConf().getActivationFn();
		unactivated = (org.deeplearning4j.nn.conf.layers.ConvolutionLayer) original.layerConf().clone();
		unactivated.setActivationFn(new ActivationIdentity());
		setIndex(original.getIndex());
		setListeners(original.getListeners());
		setCacheMode(original.getCacheMode());
		setParamsViewArray(original.params());
		setParamTable(original.paramTable());
		// DL4J sets the gradient views on the network's layers (this one by then) before the first backward pass.
		if (original.getGradientsViewArray() != null) setBackpropGradientsViewArray(original.getGradientsViewArray());
		setIterationCount(original.getIterationCount());
		setEpochCount(original.getEpochCount());
		helper = (ConvolutionHelper) original.getHelper();
	}

	/**
	 * Replaces every convolution of {@code network} (after {@code init()} and
	 * {@link FusedBatchNorm#install}) whose activation is a plain ReLU and whose output goes
	 * unchanged into a batch normalisation with the faster helper and no dropout; that helper
	 * applies the ReLU from then on.
	 */
	static void install(final MultiLayerNetwork network) {
		final Layer[] layers = network.getLayers();
		for (int i = 0; i + 1 < layers.length; i++) {
			if (layers[i].getClass() == ConvolutionLayer.class && layers[i + 1] instanceof BatchNormalization bn &&
				bn.getHelper() instanceof FusedBatchNorm && bn.layerConf().getIDropout() == null &&
				network.getLayerWiseConfigurations().getInputPreProcess(i + 1) == null &&
				new ActivationReLU().equals(((ConvolutionLayer) layers[i]).layerConf().getActivationFn()))
			{
				layers[i] = new UnactivatedConvolution((ConvolutionLayer) layers[i], network.getLayerWiseConfigurations().getDataType());
				LayerHelpers.install(network, BatchNormalization.class, layer -> layer == bn, () -> new FusedBatchNorm(true));
			}
		}
		network.setLayers(layers);
	}

	@Override
	public org.deeplearning4j.nn.conf.layers.ConvolutionLayer layerConf() {
		return unactivated == null ? super.layerConf() : unactivated; // DL4J's constructor asks before this one has set it
	}

	@Override
	public INDArray activate(final boolean training, final LayerWorkspaceMgr workspaceMgr) {
		if (!training) return relu.getActivation(super.activate(false, workspaceMgr), false);
		applyDropOutIfNecessary(true, workspaceMgr);
		final INDArray z = preOutput(true, false, workspaceMgr).getFirst();
		// DL4J's backward pass asks for the output before the activation; the identity's derivative
		// needs only its shape, so no copy is kept.
		preOutput = z;
		return z;
	}
}
