package org.ferstudio.nets;

import java.util.Arrays;
import java.util.Locale;
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
 * A VGG-style CNN of blocks: each block is {@code convsPerBlock} x [Conv3x3(f, same)-BN-ReLU], MaxPool 2 and
 * Dropout 0.25, with f the block's filter count; then Flatten, Dense(width)-BN-ReLU, Dropout 0.5 and softmax.
 * The registered designs differ only in these numbers ({@link Cnn3Architecture} is the reference one):
 * <table>
 * <caption>Registered block CNNs (7 classes)</caption>
 * <tr><th>id</th><th>filters</th><th>trainable parameters</th><th>MFLOP per face</th></tr>
 * <tr><td>cnn3</td><td>32-64-128</td><td>1,469,543</td><td>173.6</td></tr>
 * <tr><td>cnn4</td><td>32-64-128-256</td><td>1,765,991</td><td>236.1</td></tr>
 * <tr><td>cnn3w</td><td>48-96-192</td><td>2,417,303</td><td>387.7</td></tr>
 * </table>
 * The figures come from {@link #trainableParameters} and {@link #mflops}, which a test checks against the built
 * networks' own counts ({@code FerNetwork.trainableParams}, {@code flopsPerImage}, the counter behind
 * {@code benchmark}).
 */
public class BlockCnnArchitecture implements Architecture {

    private static final int KERNEL = 3;

    private final String id;
    private final String name;
    private final int[] filters;
    private final int convsPerBlock;
    private final int denseWidth;

    /**
     * @param id            the id on the command line and in cards
     * @param name          a short name for the description, e.g. "3-block CNN"
     * @param filters       filters of each block; each block halves the side, so at most 4 blocks for 48 pixels
     * @param convsPerBlock convolutions in each block
     * @param denseWidth    units of the dense layer before the classifier
     */
    public BlockCnnArchitecture(String id, String name, int[] filters, int convsPerBlock, int denseWidth) {
        if (filters.length < 1 || FaceTranslator.SIDE >> filters.length < 2 || (FaceTranslator.SIDE >> filters.length
                << filters.length) != FaceTranslator.SIDE) {
            throw new IllegalArgumentException("1 to 4 blocks fit a " + FaceTranslator.SIDE + "-pixel face, got "
                    + filters.length);
        }
        if (convsPerBlock < 1 || denseWidth < 1 || Arrays.stream(filters).anyMatch(f -> f < 1)) {
            throw new IllegalArgumentException("filters, convolutions per block and the dense width must be >= 1");
        }
        this.id = id;
        this.name = name;
        this.filters = filters.clone();
        this.convsPerBlock = convsPerBlock;
        this.denseWidth = denseWidth;
    }

    /** 4 blocks of 32-64-128-256 filters: one more block than cnn3, the dense layer sees 3x3x256. */
    public static BlockCnnArchitecture cnn4() {
        return new BlockCnnArchitecture("cnn4", "4-block CNN", new int[] {32, 64, 128, 256}, 2, 256);
    }

    /** 3 blocks of 48-96-192 filters: cnn3 half as wide again. */
    public static BlockCnnArchitecture cnn3w() {
        return new BlockCnnArchitecture("cnn3w", "wide 3-block CNN", new int[] {48, 96, 192}, 2, 256);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "%s (%s filters, %d convs per block, dense %d), %.2fM parameters, "
                        + "%.1f MFLOP", name, filterList(), convsPerBlock, denseWidth, trainableParameters(7) / 1e6,
                mflops(7));
    }

    /** The filters of each block joined by dashes, e.g. "32-64-128". */
    public final String filterList() {
        return String.join("-", Arrays.stream(filters).mapToObj(Integer::toString).toList());
    }

    /** Trainable parameters for {@code numClasses} (batch-norm statistics excluded), counted from the design. */
    public final long trainableParameters(int numClasses) {
        long n = 0;
        int in = 1;
        for (int f : filters) {
            for (int conv = 0; conv < convsPerBlock; conv++) {
                n += ((long) KERNEL * KERNEL * in + 1) * f + 2L * f;   // weights + bias, BN gamma + beta
                in = f;
            }
        }
        n += ((long) flattened() + 1) * denseWidth + 2L * denseWidth;
        return n + ((long) denseWidth + 1) * numClasses;
    }

    /** Millions of floating-point operations of one forward pass (multiply and add counted apart). */
    public final double mflops(int numClasses) {
        long flops = 0;
        int in = 1;
        for (int b = 0; b < filters.length; b++) {
            long side = FaceTranslator.SIDE >> b;
            for (int conv = 0; conv < convsPerBlock; conv++) {
                flops += 2L * KERNEL * KERNEL * in * filters[b] * side * side;
                in = filters[b];
            }
        }
        flops += 2L * flattened() * denseWidth + 2L * denseWidth * numClasses;
        return flops / 1e6;
    }

    private int lastSide() {
        return FaceTranslator.SIDE >> filters.length;
    }

    private int flattened() {
        return filters[filters.length - 1] * lastSide() * lastSide();
    }

    /** Index of the dense layer whose inputs follow the flattening order of the layout. */
    private int denseLayer() {
        return filters.length * (3 * convsPerBlock + 2);
    }

    @Override
    public FerNetwork build(NetworkSpec spec) {
        Nd4jRuntime.initialise();
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(spec, CNN2DFormat.NCHW));
        net.init();
        LeanBatchNormHelper.install(net);
        return new MultiLayerFerNetwork(id, net, NetworkInput.grey48(CNN2DFormat.NCHW), false);
    }

    /**
     * Trains in NCHW (about 17% faster here) but infers in NHWC (20-30% faster here, see
     * docs/PERFORMANCE.md). Convolution weights have the same layout in both; only the dense layer's input
     * rows follow the flattening order, channel-major in NCHW and channel-minor in NHWC, so they are permuted.
     * Then each batch norm is folded into the layer before it ({@link BatchNormFolding}, {@link #foldedConfiguration}).
     */
    @Override
    public FerNetwork buildForInference(int numClasses, float[] trainedParams) {
        MultiLayerNetwork net = nhwcCopy(numClasses, trainedParams);
        MultiLayerNetwork folded = new MultiLayerNetwork(foldedConfiguration(numClasses));
        folded.init();
        BatchNormFolding.copyFolded(net, folded);
        return new MultiLayerFerNetwork(id, folded, NetworkInput.grey48(CNN2DFormat.NHWC), true,
                trainableParameters(numClasses));
    }

    /** The trained network's layers in NHWC with its parameters, the dense layer's rows permuted to match. */
    MultiLayerNetwork nhwcCopy(int numClasses, float[] trainedParams) {
        Nd4jRuntime.initialise();
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(NetworkSpec.forInference(numClasses), CNN2DFormat.NHWC));
        net.init();
        if (trainedParams.length != net.numParams()) {
            throw new IllegalArgumentException(trainedParams.length + " parameters; a " + id + " network for "
                    + numClasses + " classes has " + net.numParams());
        }
        net.setParams(Nd4j.createFromArray(trainedParams).reshape(1, -1));
        INDArray dense = net.getLayer(denseLayer()).getParam("W");
        int channels = filters[filters.length - 1];
        int side = lastSide();
        INDArray nhwcOrder = dense.dup('c').reshape('c', channels, side, side, dense.size(1)).permute(1, 2, 0, 3)
                .dup('c').reshape('c', dense.size(0), dense.size(1));
        dense.assign(nhwcOrder);
        return net;
    }

    /**
     * The inference copy's layers: those of {@link #configuration} in NHWC with each batch norm folded into the
     * convolution or dense layer before it, the ReLU made that layer's activation, and no dropout layers (which do
     * nothing at inference).
     */
    MultiLayerConfiguration foldedConfiguration(int numClasses) {
        CNN2DFormat format = CNN2DFormat.NHWC;
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
        for (int f : filters) {
            for (int conv = 0; conv < convsPerBlock; conv++) {
                layers.layer(new ConvolutionLayer.Builder(KERNEL, KERNEL).nOut(f).dataFormat(format)
                        .activation(Activation.RELU).build());
            }
            layers.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                    .kernelSize(2, 2).stride(2, 2).dataFormat(format).build());
        }
        layers.layer(new DenseLayer.Builder().nOut(denseWidth).activation(Activation.RELU).build());
        layers.layer(new OutputLayer.Builder(NetworkSpec.forInference(numClasses).loss())
                .nOut(numClasses).activation(Activation.SOFTMAX).build());
        return layers.setInputType(InputType.convolutional(FaceTranslator.SIDE, FaceTranslator.SIDE, 1, format)).build();
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
        for (int f : filters) {
            for (int conv = 0; conv < convsPerBlock; conv++) {
                layers.layer(kit.convolution(new ConvolutionLayer.Builder(KERNEL, KERNEL).nOut(f).dataFormat(format)
                        .activation(Activation.IDENTITY)));
                layers.layer(new BatchNormalization.Builder().build());
                layers.layer(kit.relu());
            }
            layers.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                    .kernelSize(2, 2).stride(2, 2).dataFormat(format).build());
            // DL4J's dropout argument is the probability of *keeping* an activation
            layers.layer(new DropoutLayer.Builder(0.75).build());
        }
        layers.layer(new DenseLayer.Builder().nOut(denseWidth).activation(Activation.IDENTITY).build());
        layers.layer(new BatchNormalization.Builder().build());
        layers.layer(kit.relu());
        layers.layer(new DropoutLayer.Builder(0.5).build());
        layers.layer(new OutputLayer.Builder(spec.loss())
                .nOut(spec.numClasses()).activation(Activation.SOFTMAX).build());
        return layers.setInputType(InputType.convolutional(FaceTranslator.SIDE, FaceTranslator.SIDE, 1, format)).build();
    }
}
