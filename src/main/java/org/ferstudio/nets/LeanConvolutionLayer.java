package org.ferstudio.nets;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J 1.0.0-M2.1's convolution layer recomputes its whole forward pass at the start of every backward pass, only to
 * feed the pre-activation output to its activation function's derivative. Our convolutions have the identity as
 * activation (batch norm and ReLU follow as their own layers), whose derivative ignores that output: the recomputed
 * convolution and its layout reorders took about a quarter of oneDNN's time in a training step (docs/PERFORMANCE.md).
 * This layer hands the incoming gradient over as that output instead (same shape; the identity's derivative passes
 * the gradient through unchanged), and computes normally in every other case.
 */
final class LeanConvolutionLayer extends ConvolutionLayer {

    private INDArray backpropEpsilon;

    LeanConvolutionLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        backpropEpsilon = epsilon;
        try {
            return super.backpropGradient(epsilon, workspaceMgr);
        } finally {
            backpropEpsilon = null;
        }
    }

    @Override
    protected Pair<INDArray, INDArray> preOutput4d(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
        if (forBackprop && backpropEpsilon != null && skipsRecomputation()) {
            return new Pair<>(backpropEpsilon, null);
        }
        return super.preOutput4d(training, forBackprop, workspaceMgr);
    }

    /** Only where the oneDNN helper computes the gradients (DL4J's own path needs the forward pass's im2col). */
    boolean skipsRecomputation() {
        return helper != null && helperCountFail == 0
                && layerConf().getActivationFn() instanceof ActivationIdentity
                && layerConf().getCnn2dDataFormat() == CNN2DFormat.NCHW;
    }
}
