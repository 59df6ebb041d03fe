package org.ferstudio.train;

import org.ferstudio.nets.FerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An exponential moving average of all of a network's parameters (the flat vector, so batch-norm running
 * statistics are averaged too), updated after every mini-batch: {@code avg = d * avg + (1 - d) * params} with
 * {@code d = min(decay, (1 + t) / (10 + t))} at step {@code t} (0 for the run's first mini-batch). The warm-up
 * (as in TensorFlow's {@code ExponentialMovingAverage} with {@code num_updates}) keeps the random starting
 * weights from dominating the average for the first thousands of steps of a high decay.
 * <p>
 * The average is one extra copy of the parameters. It is validated by swapping its values with the network's
 * in place ({@link #swapWith}), twice, so no third copy is needed.
 */
public final class WeightAverage {

    /** How cards and checkpoints name the averaged weights. */
    public static final String EMA = "ema";
    /** How cards and checkpoints name the trained weights themselves. */
    public static final String RAW = "raw";

    private final double decay;
    private final INDArray average;

    private WeightAverage(double decay, INDArray average) {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("decay must be in (0, 1), got " + decay);
        }
        this.decay = decay;
        this.average = average;
    }

    /** An average that starts at the network's current parameters. */
    public static WeightAverage startingAt(double decay, FerNetwork net) {
        return new WeightAverage(decay, net.params().dup().reshape(1, -1));
    }

    /** An average restored from a checkpoint; {@code values} must have as many entries as the network. */
    public static WeightAverage restored(double decay, float[] values, FerNetwork net) {
        if (values.length != net.numParams()) {
            throw new IllegalArgumentException("the saved weight average has " + values.length
                    + " values; the network has " + net.numParams() + " parameters");
        }
        return new WeightAverage(decay, Nd4j.createFromArray(values).reshape(1, -1)
                .castTo(net.params().dataType()));
    }

    /** The decay used at step {@code t} (0-based): the configured decay after the warm-up. */
    public double decayAt(long t) {
        return Math.min(decay, (1.0 + t) / (10.0 + t));
    }

    /** Folds in the network's parameters after training step {@code t} (0-based). */
    public void update(FerNetwork net, long t) {
        double d = decayAt(t);
        // avg = d * avg + (1 - d) * params, in place: avg = (avg - params) * d + params
        INDArray params = net.params().reshape(1, -1);
        average.subi(params).muli(d).addi(params);
    }

    /**
     * Exchanges the average's values with the network's parameters in place: call once to put the average in
     * the network (to validate or save it), and once more to put the trained weights back.
     */
    public void swapWith(FerNetwork net) {
        INDArray params = net.params();
        if (params.length() != average.length()) {
            throw new IllegalArgumentException("the network has " + params.length() + " parameters, the average "
                    + average.length());
        }
        Nd4j.getBlasWrapper().swap(average, params.reshape(1, -1));
    }

    /** The averaged values (not a copy). */
    public INDArray values() {
        return average;
    }

    public double decay() {
        return decay;
    }
}
