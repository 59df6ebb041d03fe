package org.ferstudio.nets;

import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Several trained networks answering as one: the class probabilities are the mean of the members'.
 * An ensemble is assembled from finished models, never trained as a whole, so it is an inference-only
 * {@link FerNetwork}: the training operations refuse with a message that says so.
 */
public final class EnsembleNetwork implements FerNetwork {

    public static final String ARCHITECTURE = org.ferstudio.model.ModelCard.ENSEMBLE;

    private final List<FerNetwork> members;

    /** @throws IllegalArgumentException for fewer than two members or members with different class counts */
    public EnsembleNetwork(List<FerNetwork> members) {
        if (members.size() < 2) {
            throw new IllegalArgumentException("an ensemble needs at least 2 members, got " + members.size());
        }
        int classes = members.get(0).numClasses();
        for (FerNetwork m : members) {
            if (m.numClasses() != classes) {
                throw new IllegalArgumentException("ensemble members disagree on the number of classes: "
                        + members.stream().map(FerNetwork::numClasses).toList());
            }
        }
        this.members = List.copyOf(members);
    }

    public List<FerNetwork> members() {
        return members;
    }

    @Override
    public String architecture() {
        return ARCHITECTURE;
    }

    @Override
    public int numClasses() {
        return members.get(0).numClasses();
    }

    @Override
    public INDArray output(INDArray faces) {
        INDArray sum = members.get(0).output(faces).dup();
        for (int i = 1; i < members.size(); i++) {
            sum.addi(members.get(i).output(faces));
        }
        return sum.divi(members.size());
    }

    @Override
    public boolean inferenceOnly() {
        return true;
    }

    @Override
    public long numParams() {
        return members.stream().mapToLong(FerNetwork::numParams).sum();
    }

    @Override
    public long trainableParams() {
        return members.stream().mapToLong(FerNetwork::trainableParams).sum();
    }

    @Override
    public long flopsPerImage() {
        return members.stream().mapToLong(FerNetwork::flopsPerImage).sum();
    }

    @Override
    public TrainStep fit(DataSet batch) {
        throw notTrainable();
    }

    @Override
    public void setLearningRate(double learningRate) {
        throw notTrainable();
    }

    @Override
    public INDArray params() {
        throw notTrainable();
    }

    @Override
    public void setParams(INDArray params) {
        throw notTrainable();
    }

    @Override
    public INDArray updaterState() {
        throw notTrainable();
    }

    @Override
    public void setUpdaterState(INDArray state) {
        throw notTrainable();
    }

    @Override
    public int iterationCount() {
        throw notTrainable();
    }

    @Override
    public void setIterationCount(int iterations) {
        throw notTrainable();
    }

    /** Each member has its own DL4J model; reach them through {@link #members()}. */
    @Override
    public Model dl4jModel() {
        throw new UnsupportedOperationException("an ensemble has one DL4J model per member; use members()");
    }

    private static UnsupportedOperationException notTrainable() {
        return new UnsupportedOperationException("an ensemble is assembled from trained models and cannot be "
                + "trained or given parameters as a whole; train its members");
    }
}
