package org.ferstudio.nets;

import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Transfer learning from ImageNet: MobileNet v1 (width 0.25) on the faces upsized to 96x96 (see
 * {@link MobileNetInput}), with a new head (see {@link MobileNetLayers}). The structure is defined in code,
 * so a saved model loads from its parameters alone; the pretrained weights ({@link PretrainedMobileNet})
 * are needed only to train a new one.
 */
public final class MobileNetArchitecture implements TransferArchitecture {

    public static final String ID = "mobilenet";
    private static final String HEAD_ID = ID + "-head";

    private final Path pretrainedFolder;
    private volatile MobileNetBase pretrained;

    /** Uses the pretrained weights shipped in {@code models/pretrained}. */
    public MobileNetArchitecture() {
        this(PretrainedMobileNet.defaultFolder());
    }

    MobileNetArchitecture(Path pretrainedFolder) {
        this.pretrainedFolder = pretrainedFolder;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "MobileNet v1 0.25 with ImageNet weights on faces upsized to 96x96, dense head; trains the head on "
                + "cached features, optionally fine-tunes the last blocks";
    }

    @Override
    public String inputAdaptation() {
        return "resized to 96x96 (bilinear), grey repeated into RGB, scaled to 2x-1 as the ImageNet weights expect";
    }

    @Override
    public int blocks() {
        return MobileNetLayers.BLOCKS;
    }

    /** The whole network with the pretrained base frozen and a fresh head. */
    @Override
    public FerNetwork build(NetworkSpec spec) {
        return assemble(spec, buildHead(spec), 0);
    }

    @Override
    public FerNetwork buildForInference(int numClasses, float[] trainedParams) {
        Nd4jRuntime.initialise();
        MultiLayerNetwork net = new MultiLayerNetwork(MobileNetLayers.network(NetworkSpec.forInference(numClasses), 0));
        net.init();
        if (trainedParams.length != net.numParams()) {
            throw new IllegalArgumentException(trainedParams.length + " parameters; a " + ID + " network for "
                    + numClasses + " classes has " + net.numParams());
        }
        net.setParams(Nd4j.createFromArray(trainedParams).reshape(1, -1));
        return new MultiLayerFerNetwork(ID, net, new MobileNetInput(), false);
    }

    @Override
    public FeatureExtractor featureExtractor() {
        return pretrained();
    }

    @Override
    public FerNetwork buildHead(NetworkSpec spec) {
        Nd4jRuntime.initialise();
        MultiLayerNetwork head = new MultiLayerNetwork(MobileNetLayers.head(spec));
        head.init();
        return new MultiLayerFerNetwork(HEAD_ID, head, NetworkInput.features(MobileNetLayers.FEATURES), false);
    }

    @Override
    public FerNetwork assemble(NetworkSpec spec, FerNetwork head, int trainableBlocks) {
        if (!HEAD_ID.equals(head.architecture())) {
            throw new IllegalArgumentException("not a " + ID + " head: " + head.architecture());
        }
        int frozen = MobileNetLayers.frozenLayers(trainableBlocks);
        INDArray base = pretrained().params();
        MultiLayerNetwork net = new MultiLayerNetwork(MobileNetLayers.network(spec, frozen));
        net.init();
        // layer stacks keep their parameters in layer order, so the head's follow the base's
        if (base.length() + head.numParams() != net.numParams()) {
            throw new IllegalArgumentException("the head has " + head.numParams() + " parameters; a " + ID
                    + " head for " + spec.numClasses() + " classes has " + (net.numParams() - base.length()));
        }
        net.setParams(Nd4j.hstack(base, head.params().reshape(1, -1)));
        return new MultiLayerFerNetwork(ID, net, new MobileNetInput(), false);
    }

    private MobileNetBase pretrained() {
        MobileNetBase p = pretrained;
        if (p == null) {
            synchronized (this) {
                p = pretrained;
                if (p == null) {
                    p = MobileNetBase.load(pretrainedFolder);
                    pretrained = p;
                }
            }
        }
        return p;
    }
}
