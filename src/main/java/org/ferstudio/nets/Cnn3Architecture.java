package org.ferstudio.nets;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.ferstudio.face.FaceTranslator;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The reference 3-block CNN: three blocks of [Conv3x3(f, same)-BN-ReLU, Conv3x3(f, same)-BN-ReLU,
 * MaxPool 2, Dropout 0.25] with f = 32, 64, 128, then Flatten (4,608), Dense 256-BN-ReLU, Dropout 0.5,
 * softmax. For 7 classes: 1,469,543 trainable parameters, 173.6 MFLOP per forward pass.
 */
public final class Cnn3Architecture implements Architecture {

    public static final String ID = "cnn3";
    private static final int[] FILTERS = {32, 64, 128};

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "3-block CNN (32-64-128 filters, 2 convs per block, dense 256), 1.47M parameters";
    }

    /** Index of the dense layer whose inputs follow the flattening order of the layout. */
    private static final int DENSE_LAYER = 24;

    @Override
    public FerNetwork build(NetworkSpec spec) {
        Nd4jRuntime.initialise();
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(spec, CNN2DFormat.NCHW));
        net.init();
        LeanBatchNormHelper.install(net);
        return new MultiLayerFerNetwork(ID, net, NetworkInput.grey48(CNN2DFormat.NCHW), false);
    }

    /**
     * Trains in NCHW (about 17% faster here) but infers in NHWC (20-30% faster here, see
     * docs/PERFORMANCE.md). Convolution weights have the same layout in both; only the dense layer's input
     * rows follow the flattening order, channel-major in NCHW and channel-minor in NHWC, so they are permuted.
     */
    @Override
    public FerNetwork buildForInference(int numClasses, float[] trainedParams) {
        Nd4jRuntime.initialise();
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(NetworkSpec.forInference(numClasses), CNN2DFormat.NHWC));
        net.init();
        if (trainedParams.length != net.numParams()) {
            throw new IllegalArgumentException(trainedParams.length + " parameters; a " + ID + " network for "
                    + numClasses + " classes has " + net.numParams());
        }
        net.setParams(Nd4j.createFromArray(trainedParams).reshape(1, -1));
        INDArray dense = net.getLayer(DENSE_LAYER).getParam("W");
        int channels = FILTERS[FILTERS.length - 1];
        int side = FaceTranslator.SIDE >> FILTERS.length;
        INDArray nhwcOrder = dense.dup('c').reshape('c', channels, side, side, dense.size(1)).permute(1, 2, 0, 3)
                .dup('c').reshape('c', dense.size(0), dense.size(1));
        dense.assign(nhwcOrder);
        return new MultiLayerFerNetwork(ID, net, NetworkInput.grey48(CNN2DFormat.NHWC), true);
    }

    MultiLayerConfiguration configuration(NetworkSpec spec, CNN2DFormat format) {
        return configuration(spec, format, LayerKit.LEAN);
    }

    /**
     * Which implementation of the same layers: ours, or DL4J's own for measuring what ours save (the
     * {@code TrainingStepStudy} in the tests). Same parameters and results either way.
     */
    enum LayerKit {
        /** DL4J's layers as they are. */
        STOCK(false, false),
        /** Convolutions that skip the recomputed forward pass; DL4J's ReLU. */
        LEAN_CONVOLUTION(true, false),
        /** Lean convolutions and ReLU (batch norm is chosen after init, see {@link LeanBatchNormHelper#install}). */
        LEAN(true, true);

        final boolean leanConvolution;
        final boolean leanRelu;

        LayerKit(boolean leanConvolution, boolean leanRelu) {
            this.leanConvolution = leanConvolution;
            this.leanRelu = leanRelu;
        }

        org.deeplearning4j.nn.conf.layers.Layer convolution(ConvolutionLayer.Builder builder) {
            return leanConvolution ? LeanConvolution.from(builder) : builder.build();
        }

        ActivationLayer relu() {
            return leanRelu ? new ActivationLayer(new LeanRelu()) : new ActivationLayer(Activation.RELU);
        }
    }

    MultiLayerConfiguration configuration(NetworkSpec spec, CNN2DFormat format, LayerKit kit) {
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .updater(spec.optimizer().toUpdater())
                .l2(spec.optimizer().weightDecay())
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
        for (int f : FILTERS) {
            for (int conv = 0; conv < 2; conv++) {
                layers.layer(kit.convolution(new ConvolutionLayer.Builder(3, 3).nOut(f).dataFormat(format)
                        .activation(Activation.IDENTITY)));
                layers.layer(new BatchNormalization.Builder().build());
                layers.layer(kit.relu());
            }
            layers.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                    .kernelSize(2, 2).stride(2, 2).dataFormat(format).build());
            // DL4J's dropout argument is the probability of *keeping* an activation
            layers.layer(new DropoutLayer.Builder(0.75).build());
        }
        layers.layer(new DenseLayer.Builder().nOut(256).activation(Activation.IDENTITY).build());
        layers.layer(new BatchNormalization.Builder().build());
        layers.layer(kit.relu());
        layers.layer(new DropoutLayer.Builder(0.5).build());
        layers.layer(new OutputLayer.Builder(spec.loss())
                .nOut(spec.numClasses()).activation(Activation.SOFTMAX).build());
        return layers.setInputType(InputType.convolutional(FaceTranslator.SIDE, FaceTranslator.SIDE, 1, format)).build();
    }
}
