package org.ferstudio.nets;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The pretrained MobileNet base (no head) in {@link MobileNetLayers}' layout: the parameters every new
 * network starts from, and the feature extractor for head training.
 */
final class MobileNetBase implements FeatureExtractor {

    private final MultiLayerNetwork network;
    private final INDArray params;
    private final MobileNetInput input = new MobileNetInput();

    private MobileNetBase(MultiLayerNetwork network) {
        this.network = network;
        this.params = network.params().dup().reshape(1, -1);
    }

    /** Imports the Keras files in {@code folder} and folds them into the base (a few seconds). */
    static MobileNetBase load(Path folder) {
        Nd4jRuntime.initialise();
        List<PretrainedMobileNet.FoldedConvolution> folded =
                PretrainedMobileNet.fold(PretrainedMobileNet.importKeras(folder));
        MultiLayerNetwork network = new MultiLayerNetwork(MobileNetLayers.base());
        network.init();
        for (int i = 0; i < folded.size(); i++) {
            PretrainedMobileNet.FoldedConvolution conv = folded.get(i);
            assign(network.getLayer(i), conv.name(), "W", conv.weights());
            assign(network.getLayer(i), conv.name(), "b", conv.bias());
        }
        return new MobileNetBase(network);
    }

    private static void assign(Layer layer, String name, String key, INDArray value) {
        INDArray target = layer.getParam(key);
        if (!Arrays.equals(target.shape(), value.shape())) {
            throw new IllegalStateException("pretrained " + name + " " + key + " has shape "
                    + Arrays.toString(value.shape()) + ", layer " + layer.getIndex() + " expects "
                    + Arrays.toString(target.shape()));
        }
        target.assign(value);
    }

    /** The base's parameters as one row, in layer order. */
    INDArray params() {
        return params;
    }

    /** The base on its own input {@code [N, 96, 96, 3]} (already adapted), for checks against Keras. */
    MultiLayerNetwork network() {
        return network;
    }

    @Override
    public int featureSize() {
        return MobileNetLayers.FEATURES;
    }

    @Override
    public String fingerprint() {
        return "mobilenet_v1_0.25 sha256=" + PretrainedMobileNet.WEIGHTS_SHA256 + "; batch norm folded, NHWC; "
                + MobileNetInput.VERSION;
    }

    @Override
    public synchronized INDArray features(INDArray faces) {
        return network.output(input.adapt(faces), false);
    }
}
