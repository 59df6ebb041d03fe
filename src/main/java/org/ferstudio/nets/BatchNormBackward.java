package org.ferstudio.nets;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.api.ops.impl.reduce3.Dot;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The backward pass of batch normalisation in training (statistics of the batch itself) for an NCHW batch, done as a
 * few contiguous passes over each image's channel planes. DL4J 1.0.0-M2.1 calls libnd4j's {@code batchnorm_bp}, which
 * runs oneDNN with the statistics held fixed and then adds the statistics' share of the gradient with strided rank-4
 * reductions and broadcasts: with oneDNN's own part, about a quarter of a training step of the 3-block CNN
 * (docs/PERFORMANCE.md).
 * <p>
 * Per channel, with {@code M} values, {@code x̂ = (x - μ)/σ}, {@code σ = sqrt(var + eps)}:
 * {@code dβ = Σ dy}, {@code dγ = Σ dy·x̂} and {@code dx = γ/σ · (dy - dβ/M - x̂·dγ/M)}, computed here as
 * {@code dx = a·(dy + r·(x - μ) + s)} with {@code a = γ/σ}, {@code r = -dγ/(σM)}, {@code s = -dβ/M}.
 */
final class BatchNormBackward {

    private BatchNormBackward() {
    }

    /**
     * @param x     the layer's input, [N, C, H, W], c order
     * @param dy    the gradient at the layer's output, same shape and order
     * @param mean  the batch's per-channel mean (length C)
     * @param var   the batch's per-channel biased variance (length C)
     * @param gamma the scale (length C)
     * @param dx    receives the gradient at the input (same shape as x, c order)
     * @param dGamma receives the scale's gradient (length C)
     * @param dBeta  receives the shift's gradient (length C)
     */
    static void compute(INDArray x, INDArray dy, INDArray mean, INDArray var, INDArray gamma, double eps,
                        INDArray dx, INDArray dGamma, INDArray dBeta) {
        int n = (int) x.size(0);
        int c = (int) x.size(1);
        long plane = x.size(2) * x.size(3);
        long rows = (long) n * c;
        INDArray xr = x.reshape('c', rows, plane);
        INDArray dyr = dy.reshape('c', rows, plane);
        INDArray dxr = dx.reshape('c', rows, plane);

        double[] mu = mean.toDoubleVector();
        Nd4j.getExecutioner().exec(new BroadcastSubOp(xr, column(mu, n), dxr, 0)); // dx holds x - μ for now
        double[] centredDot = Nd4j.getExecutioner().exec(new Dot(dxr, dyr, 1)).toDoubleVector();
        double[] dySum = dyr.sum(1).toDoubleVector();

        double[] v = var.toDoubleVector();
        double[] g = gamma.toDoubleVector();
        double count = (double) n * plane;
        double[] a = new double[c];
        double[] r = new double[c];
        double[] s = new double[c];
        double[] dg = new double[c];
        double[] db = new double[c];
        for (int ch = 0; ch < c; ch++) {
            double sumDy = 0;
            double sumDyCentred = 0;
            for (int i = 0; i < n; i++) {
                sumDy += dySum[i * c + ch];
                sumDyCentred += centredDot[i * c + ch];
            }
            double invStd = 1 / Math.sqrt(v[ch] + eps);
            db[ch] = sumDy;
            dg[ch] = sumDyCentred * invStd;
            a[ch] = g[ch] * invStd;
            r[ch] = -dg[ch] * invStd / count;
            s[ch] = -sumDy / count;
        }
        dxr.muliColumnVector(column(r, n));
        dxr.addiColumnVector(column(s, n));
        dxr.addi(dyr);
        dxr.muliColumnVector(column(a, n));
        dGamma.assign(Nd4j.createFromArray(dg).castTo(dGamma.dataType()).reshape(dGamma.shape()));
        dBeta.assign(Nd4j.createFromArray(db).castTo(dBeta.dataType()).reshape(dBeta.shape()));
    }

    /** One value per channel, repeated for each image: a column of N x C rows. */
    private static INDArray column(double[] perChannel, int images) {
        int c = perChannel.length;
        float[] values = new float[images * c];
        for (int i = 0; i < images; i++) {
            for (int ch = 0; ch < c; ch++) {
                values[i * c + ch] = (float) perChannel[ch];
            }
        }
        return Nd4j.createFromArray(values).reshape(images * (long) c, 1);
    }

    /** Rank-4 float batches; the caller hands over contiguous c-order copies of any other layout. */
    static boolean supports(INDArray x, INDArray dy) {
        return x.rank() == 4 && x.dataType() == DataType.FLOAT && dy.dataType() == DataType.FLOAT;
    }
}
