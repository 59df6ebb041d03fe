package org.ferstudio.nets;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Copies a trained network's parameters into a network of the same layers without its batch-norm layers, folding
 * each batch norm into the convolution or dense layer before it. At inference batch norm is a fixed affine map per
 * channel, {@code y = s·z + t} with {@code s = γ / sqrt(var + eps)} and {@code t = β - μ·s} (running statistics), so
 * a layer {@code z = W·x + b} followed by it equals one layer with weights {@code s·W} (each output channel scaled)
 * and bias {@code s·b + t}. Saves the batch-norm layers' work and memory traffic: most of the time of one face on
 * one thread went to them (docs/PERFORMANCE.md).
 * <p>
 * The folded network's layers must be the trained network's with every batch-norm layer, every activation layer
 * after one, and every dropout layer removed, the activation moved into the convolution or dense layer.
 */
final class BatchNormFolding {

    private BatchNormFolding() {
    }

    static void copyFolded(MultiLayerNetwork trained, MultiLayerNetwork folded) {
        Layer[] from = trained.getLayers();
        int target = 0;
        for (int i = 0; i < from.length; i++) {
            Layer layer = from[i];
            if (layer.numParams() == 0 || layer instanceof BatchNormalization) {
                continue; // pooling, activation, dropout: nothing to copy; batch norm: folded below
            }
            Layer into = nextWithParams(folded, target);
            target = into.getIndex() + 1;
            INDArray w = layer.getParam(DefaultParamInitializer.WEIGHT_KEY);
            INDArray b = layer.getParam(DefaultParamInitializer.BIAS_KEY);
            boolean foldable = layer instanceof ConvolutionLayer || layer instanceof DenseLayer;
            if (foldable && i + 1 < from.length && from[i + 1] instanceof BatchNormalization bn) {
                double[][] affine = affine(bn);
                INDArray scale = Nd4j.createFromArray(affine[0]).castTo(w.dataType());
                INDArray shift = Nd4j.createFromArray(affine[1]).castTo(w.dataType());
                // convolution weights are [out, in, kh, kw]; dense ones [in, out]
                INDArray scaled = layer instanceof ConvolutionLayer
                        ? w.mul(scale.reshape(scale.length(), 1, 1, 1))
                        : w.mulRowVector(scale.reshape(1, scale.length()));
                into.setParam(DefaultParamInitializer.WEIGHT_KEY, scaled);
                into.setParam(DefaultParamInitializer.BIAS_KEY,
                        b.reshape(scale.length()).mul(scale).addi(shift).reshape(into.getParam(DefaultParamInitializer.BIAS_KEY).shape()));
            } else {
                into.setParam(DefaultParamInitializer.WEIGHT_KEY, w.dup());
                into.setParam(DefaultParamInitializer.BIAS_KEY, b.dup());
            }
        }
        if (nextWithParamsOrNull(folded, target) != null) {
            throw new IllegalArgumentException("the folded network has more layers with parameters than the trained one");
        }
    }

    /** {s, t} of batch norm at inference, per channel, as DL4J applies it (running mean and variance, eps). */
    static double[][] affine(BatchNormalization bn) {
        org.deeplearning4j.nn.conf.layers.BatchNormalization conf =
                (org.deeplearning4j.nn.conf.layers.BatchNormalization) bn.conf().getLayer();
        double[] gamma = bn.getParam(BatchNormalizationParamInitializer.GAMMA).toDoubleVector();
        double[] beta = bn.getParam(BatchNormalizationParamInitializer.BETA).toDoubleVector();
        double[] mean = bn.getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN).toDoubleVector();
        double[] var;
        if (conf.isUseLogStd()) { // the running variance is kept as log10 of its square root
            double[] log10Std = bn.getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD).toDoubleVector();
            var = new double[log10Std.length];
            for (int c = 0; c < var.length; c++) {
                var[c] = Math.pow(10, 2 * log10Std[c]);
            }
        } else {
            var = bn.getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).toDoubleVector();
        }
        double[] s = new double[gamma.length];
        double[] t = new double[gamma.length];
        for (int c = 0; c < s.length; c++) {
            s[c] = gamma[c] / Math.sqrt(var[c] + conf.getEps());
            t[c] = beta[c] - mean[c] * s[c];
        }
        return new double[][] {s, t};
    }

    private static Layer nextWithParams(MultiLayerNetwork net, int from) {
        Layer layer = nextWithParamsOrNull(net, from);
        if (layer == null) {
            throw new IllegalArgumentException("the folded network has fewer layers with parameters than the trained one");
        }
        return layer;
    }

    private static Layer nextWithParamsOrNull(MultiLayerNetwork net, int from) {
        Layer[] layers = net.getLayers();
        for (int i = from; i < layers.length; i++) {
            if (layers[i].numParams() > 0) {
                return layers[i];
            }
        }
        return null;
    }
}
