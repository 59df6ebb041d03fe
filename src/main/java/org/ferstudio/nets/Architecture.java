package org.ferstudio.nets;

/**
 * A network design. Every architecture takes 48x48 grey faces normalised by the shared preprocessing
 * ({@code FacePreprocessor}) as {@code [N, 1, 48, 48]} and adapts them itself if it needs another
 * input; so datasets, the trainer and inference never depend on the architecture. Adding one is a
 * small class registered in {@link Architectures}.
 */
public interface Architecture {

    /** Short id used on the command line and in model cards, e.g. "cnn3". */
    String id();

    /** One line for help texts and the GUI. */
    String description();

    /**
     * What the network makes of the shared input before its first layer, for model cards; null when it
     * takes the 48x48 faces as they are.
     */
    default String inputAdaptation() {
        return null;
    }

    /** Builds a freshly initialised network for training. */
    FerNetwork build(NetworkSpec spec);

    /**
     * A network for inference only, holding {@code trainedParams} (as saved from a network built by
     * {@link #build}). Architectures may choose a faster layout here than for training.
     *
     * @throws IllegalArgumentException when the parameter count does not fit
     */
    default FerNetwork buildForInference(int numClasses, float[] trainedParams) {
        FerNetwork net = build(NetworkSpec.forInference(numClasses));
        net.setParams(org.nd4j.linalg.factory.Nd4j.createFromArray(trainedParams).reshape(1, -1));
        return net;
    }
}
