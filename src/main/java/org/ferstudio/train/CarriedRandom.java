package org.ferstudio.train;

import java.io.Serializable;
import java.util.Random;

/**
 * A {@link Random} whose state can be read and carried to another machine, so that a data-parallel worker
 * continues its augmentation stream across rounds exactly where it stopped. Same numbers as {@code java.util.Random}
 * with the same seed: the generator and the Gaussian method below are the ones its specification fixes.
 */
public final class CarriedRandom extends Random {

    private static final long serialVersionUID = 1L;
    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long ADDEND = 0xBL;
    private static final long MASK = (1L << 48) - 1;

    private long state;
    private double nextNextGaussian;
    private boolean haveNextNextGaussian;

    /** The state to carry: the generator's 48 bits and the spare Gaussian. */
    public record State(long seed, double nextNextGaussian, boolean haveNextNextGaussian) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public CarriedRandom(long seed) {
        super(seed);
    }

    public CarriedRandom(State s) {
        super(0);
        state = s.seed();
        nextNextGaussian = s.nextNextGaussian();
        haveNextNextGaussian = s.haveNextNextGaussian();
    }

    public State state() {
        return new State(state, nextNextGaussian, haveNextNextGaussian);
    }

    @Override
    public synchronized void setSeed(long seed) {
        // called by Random's constructor before this class's fields are initialised
        state = (seed ^ MULTIPLIER) & MASK;
        haveNextNextGaussian = false;
    }

    @Override
    protected int next(int bits) {
        state = (state * MULTIPLIER + ADDEND) & MASK;
        return (int) (state >>> (48 - bits));
    }

    @Override
    public synchronized double nextGaussian() {
        if (haveNextNextGaussian) {
            haveNextNextGaussian = false;
            return nextNextGaussian;
        }
        double v1;
        double v2;
        double s;
        do {
            v1 = 2 * nextDouble() - 1;
            v2 = 2 * nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s >= 1 || s == 0);
        double multiplier = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        nextNextGaussian = v2 * multiplier;
        haveNextNextGaussian = true;
        return v1 * multiplier;
    }
}
