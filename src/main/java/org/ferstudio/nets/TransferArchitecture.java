package org.ferstudio.nets;

/**
 * An architecture made of a pretrained base and a new head, trained in two stages: the head alone on the
 * frozen base's cached features (minutes), then optionally the last blocks of the base with the head, at
 * a low learning rate, on the images. {@link #build} gives the whole network with the base frozen.
 */
public interface TransferArchitecture extends Architecture {

    /** Blocks of the base that fine-tuning can unfreeze, counted from the end. */
    int blocks();

    /** The frozen base, shared; the pretrained weights are loaded on first use. */
    FeatureExtractor featureExtractor();

    /** A freshly initialised head that takes {@link FeatureExtractor#features} as input. */
    FerNetwork buildHead(NetworkSpec spec);

    /**
     * The whole network: the pretrained base with {@code head}'s parameters on top, the last
     * {@code trainableBlocks} blocks of the base trainable (0 = base frozen).
     *
     * @throws IllegalArgumentException when {@code head} is not a head of this architecture or
     *                                  {@code trainableBlocks} is outside 0..{@link #blocks()}
     */
    FerNetwork assemble(NetworkSpec spec, FerNetwork head, int trainableBlocks);
}
