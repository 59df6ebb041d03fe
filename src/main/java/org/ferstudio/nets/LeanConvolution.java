package org.ferstudio.nets;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A convolution layer configuration whose layer skips the forward pass that DL4J 1.0.0-M2.1 runs a second time in
 * every backward pass (see {@link LeanConvolutionLayer}). Same parameters, same outputs and gradients as
 * {@link ConvolutionLayer}; built from a {@link ConvolutionLayer.Builder} with {@link #from}.
 */
public class LeanConvolution extends ConvolutionLayer {

    private static final long serialVersionUID = 1L;

    /** For DL4J's JSON form of a configuration. */
    public LeanConvolution() {
    }

    private LeanConvolution(ConvolutionLayer.Builder builder) {
        super(builder);
    }

    /**
     * The builder's layer, lean. A failing oneDNN helper is an error rather than a silent fall-back to DL4J's own
     * path: that path would need the forward pass this layer skips, and would be several times slower.
     */
    public static LeanConvolution from(ConvolutionLayer.Builder builder) {
        builder.build(); // DL4J's checks of kernel, stride, padding and convolution mode
        builder.helperAllowFallback(false);
        return new LeanConvolution(builder);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("LeanConvolution", getLayerName(), layerIndex, getNIn(), getNOut());
        LeanConvolutionLayer layer = new LeanConvolutionLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        layer.setParamTable(initializer().init(conf, layerParamsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }
}
