package org.ferstudio.nets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

/**
 * DL4J M2.1 turns its fast oneDNN path off silently (see {@code org.nd4j.nativeblas.Nd4jCpu}); without it
 * training is about six times slower. This test fails when any conv, pooling or batch-norm layer lost
 * its helper.
 */
class OneDnnHelpersTest {

    @Test
    void everyConvPoolingAndBatchNormLayerUsesOneDnn() {
        FerNetwork net = new Cnn3Architecture().build(new NetworkSpec(7, 1, OptimizerSettings.adam(1e-3), List.of()));
        assertThat(Nd4jRuntime.oneDnnHelpersActive()).as("oneDNN helpers enabled").isTrue();
        MultiLayerNetwork mln = (MultiLayerNetwork) net.dl4jModel();
        int checked = 0;
        for (Layer layer : mln.getLayers()) {
            if (layer instanceof ConvolutionLayer || layer instanceof SubsamplingLayer
                    || layer instanceof BatchNormalization) {
                assertThat(layer.getHelper())
                        .as("helper of layer %d (%s)", layer.getIndex(), layer.getClass().getSimpleName())
                        .isNotNull();
                assertThat(layer.getHelper()).as("helper of layer %d", layer.getIndex()).satisfiesAnyOf(
                        h -> assertThat(h.getClass().getSimpleName()).startsWith("MKLDNN"),
                        h -> assertThat(h).isInstanceOf(org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper.class));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(6 + 3 + 7);
        assertThat(Nd4jRuntime.describe()).contains("oneDNN on");
    }
}
