package org.ferstudio.nets;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.floating.SquaredNorm;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Per-channel mean and (biased) variance of an NCHW batch, as batch normalisation needs them in training. ND4J's
 * {@code mean(0, 2, 3)} and {@code Variance} reduce each channel over strided elements, a slow generic path that took
 * about 9% of a training step of the 3-block CNN; here each image's channel plane (contiguous) is reduced first, then
 * the batch: sums and sums of squares, {@code var = E[x^2] - E[x]^2} (clamped at 0).
 */
final class ChannelStatistics {

    private ChannelStatistics() {
    }

    /** Writes the statistics of {@code x} ([N, C, H, W], c order) into {@code mean} and {@code var} (length C each). */
    static void compute(INDArray x, INDArray mean, INDArray var) {
        long n = x.size(0);
        long c = x.size(1);
        long plane = x.size(2) * x.size(3);
        if (mean.length() != c || var.length() != c) {
            throw new IllegalArgumentException(c + " channels, statistics arrays of length " + mean.length() + " and " + var.length());
        }
        INDArray rows = x.reshape('c', n, c, plane);
        INDArray sums = rows.sum(2);
        INDArray squares = Nd4j.getExecutioner().exec(new SquaredNorm(rows, 2));
        double count = (double) n * plane;
        INDArray m = sums.sum(0).divi(count);
        INDArray v = squares.sum(0).divi(count).subi(m.mul(m));
        Nd4j.getExecutioner().exec(new RectifiedLinear(v, 0.0));
        mean.assign(m.reshape(mean.shape()));
        var.assign(v.reshape(var.shape()));
    }
}
