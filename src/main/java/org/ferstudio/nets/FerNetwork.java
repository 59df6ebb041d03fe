package org.ferstudio.nets;

import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A trainable expression classifier, whatever its DL4J form (layer stack or graph). Input is always a
 * batch of preprocessed faces {@code [N, 1, 48, 48]} with values in [0, 1] (the head of a transfer
 * architecture takes its base's feature vectors instead); output the class probabilities
 * {@code [N, numClasses]}.
 */
public interface FerNetwork {

    String architecture();

    int numClasses();

    /** Class probabilities in inference mode (no dropout, batch-norm running statistics). */
    INDArray output(INDArray faces);

    /** One optimisation step on one mini-batch. */
    TrainStep fit(DataSet batch);

    void setLearningRate(double learningRate);

    /** All parameters as one flat vector, batch-norm statistics included. */
    INDArray params();

    void setParams(INDArray params);

    /** The optimiser's state (Adam moments, momentum), for exact resume; may be null for plain SGD. */
    INDArray updaterState();

    void setUpdaterState(INDArray state);

    /** Iterations done so far: Adam's bias correction depends on it, so a resume must restore it. */
    int iterationCount();

    void setIterationCount(int iterations);

    long numParams();

    /**
     * Learnable parameters: the model's size as cards and benchmarks report it. Excludes batch-norm running
     * mean and variance; includes layers frozen for a training stage (a pretrained base), which are learnable
     * parameters of the model all the same.
     */
    long trainableParams();

    /** Multiply-adds x 2 for one forward pass of one face. */
    long flopsPerImage();

    /**
     * True for networks built by {@link Architecture#buildForInference}: they classify but cannot be trained,
     * and their parameters are not in the saved (training) layout.
     */
    default boolean inferenceOnly() {
        return false;
    }

    /** The DL4J model, for code that must reach the layers (helpers check, listeners). */
    Model dl4jModel();
}
