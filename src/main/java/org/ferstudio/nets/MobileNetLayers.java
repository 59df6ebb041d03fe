package org.ferstudio.nets;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;

/**
 * MobileNet v1, width 0.25, at 96x96 in NHWC, as a plain layer stack: a 3x3 convolution (stride 2, 8
 * filters), 13 depthwise-separable blocks [3x3 depthwise, 1x1 pointwise], each convolution with a bias
 * (its batch normalisation folded in, see {@link PretrainedMobileNet}) and ReLU6, then global average
 * pooling to 256 features. "Same" padding is TensorFlow's (the extra row and column go bottom and right),
 * which is what the Keras model's ZeroPadding((0,1),(0,1)) + "valid" does at the even sizes of a 96x96 input.
 * <p>
 * The head: batch norm, dense 256-ReLU, batch norm, dropout 0.5, softmax. The first batch norm puts the
 * frozen features, whose scales differ widely, on one scale; in short trials on FER2013's cached features
 * this head validated better than a softmax alone, a 128-unit layer, or the same layer without batch norms.
 */
final class MobileNetLayers {

    static final int BLOCKS = 13;
    static final int FEATURES = 256;
    static final int HEAD_HIDDEN = 256;

    /** Base layers: the first convolution, two per block, the pooling. */
    static final int BASE_LAYERS = 1 + 2 * BLOCKS + 1;

    private static final int FIRST_FILTERS = 8;
    /** Keras MobileNet's pointwise filters (64, 128, ... 1024) at width 0.25. */
    private static final int[] POINTWISE_FILTERS = {16, 32, 32, 64, 64, 128, 128, 128, 128, 128, 128, 256, 256};
    private static final int[] STRIDES = {1, 2, 1, 2, 1, 2, 1, 1, 1, 1, 1, 2, 1};
    /** DL4J's dropout argument is the probability of keeping an activation. */
    private static final double HEAD_KEEP = 0.5;

    private MobileNetLayers() {
    }

    /** The Keras names of the base's convolutions, in layer order (their batch norms are "name_bn"). */
    static List<String> kerasConvolutionNames() {
        List<String> names = new ArrayList<>();
        names.add("conv1");
        for (int b = 1; b <= BLOCKS; b++) {
            names.add("conv_dw_" + b);
            names.add("conv_pw_" + b);
        }
        return names;
    }

    static boolean isDepthwise(String kerasName) {
        return kerasName.startsWith("conv_dw_");
    }

    /** Layers kept frozen when only the last {@code trainableBlocks} blocks (and the head) train. */
    static int frozenLayers(int trainableBlocks) {
        if (trainableBlocks < 0 || trainableBlocks > BLOCKS) {
            throw new IllegalArgumentException("MobileNet has " + BLOCKS + " blocks to fine-tune; got "
                    + trainableBlocks);
        }
        return 1 + 2 * (BLOCKS - trainableBlocks);
    }

    /** The whole network, base and head; the first {@code frozen} layers do not train. */
    static MultiLayerConfiguration network(NetworkSpec spec, int frozen) {
        NeuralNetConfiguration.ListBuilder list = globals(spec).list();
        List<Layer> layers = baseLayers();
        for (int i = 0; i < layers.size(); i++) {
            list.layer(i < frozen ? new FrozenLayer(layers.get(i)) : layers.get(i));
        }
        headLayers(spec).forEach(list::layer);
        return list.setInputType(new MobileNetInput().type()).build();
    }

    /** The base alone, for computing features (never trained). */
    static MultiLayerConfiguration base() {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED).list();
        baseLayers().forEach(list::layer);
        return list.setInputType(new MobileNetInput().type()).build();
    }

    /**
     * The head alone, on the base's features. Its parameters have the layout of the whole network's last
     * layers, so a head trained on cached features drops into the whole network unchanged.
     */
    static MultiLayerConfiguration head(NetworkSpec spec) {
        NeuralNetConfiguration.ListBuilder list = globals(spec).list();
        headLayers(spec).forEach(list::layer);
        return list.setInputType(InputType.feedForward(FEATURES)).build();
    }

    private static NeuralNetConfiguration.Builder globals(NetworkSpec spec) {
        return new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .updater(spec.optimizer().toUpdater())
                .l2(spec.optimizer().weightDecay())
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED);
    }

    private static List<Layer> baseLayers() {
        List<Layer> layers = new ArrayList<>();
        layers.add(convolution(3, 2, FIRST_FILTERS));
        int channels = FIRST_FILTERS;
        for (int b = 0; b < BLOCKS; b++) {
            layers.add(new DepthwiseConvolution2D.Builder(3, 3).stride(STRIDES[b], STRIDES[b]).depthMultiplier(1)
                    .nOut(channels).hasBias(true).convolutionMode(ConvolutionMode.Same)
                    .dataFormat(CNN2DFormat.NHWC).activation(Activation.RELU6).build());
            channels = POINTWISE_FILTERS[b];
            layers.add(convolution(1, 1, channels));
        }
        layers.add(new GlobalPoolingLayer.Builder(PoolingType.AVG).build());
        return layers;
    }

    private static ConvolutionLayer convolution(int kernel, int stride, int filters) {
        return new ConvolutionLayer.Builder(kernel, kernel).stride(stride, stride).nOut(filters).hasBias(true)
                .convolutionMode(ConvolutionMode.Same).dataFormat(CNN2DFormat.NHWC).activation(Activation.RELU6)
                .build();
    }

    private static List<Layer> headLayers(NetworkSpec spec) {
        return List.of(
                new BatchNormalization.Builder().nIn(FEATURES).nOut(FEATURES).build(),
                new DenseLayer.Builder().nOut(HEAD_HIDDEN).activation(Activation.RELU).weightInit(WeightInit.RELU)
                        .build(),
                new BatchNormalization.Builder().build(),
                new OutputLayer.Builder(spec.loss()).nOut(spec.numClasses())
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).dropOut(HEAD_KEEP).build());
    }
}
