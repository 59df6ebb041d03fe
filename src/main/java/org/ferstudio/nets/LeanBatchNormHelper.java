package org.ferstudio.nets;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's oneDNN batch-norm helper with the training batch's statistics computed by {@link ChannelStatistics} instead
 * of ND4J's strided reductions, and the backward pass by {@link BatchNormBackward} instead of libnd4j's
 * {@code batchnorm_bp}; the normalisation itself stays oneDNN's. DL4J has no way to
 * choose a helper class, so {@link #install} replaces the helper of each batch-norm layer of a network after
 * {@code init()}, where DL4J put its own (the field is package-private; the class path is not modular).
 */
final class LeanBatchNormHelper extends MKLDNNBatchNormHelper {

    private static final VarHandle LAYER_HELPER;
    private static final VarHandle MEAN_CACHE;
    private static final VarHandle VAR_CACHE;

    static {
        try {
            LAYER_HELPER = MethodHandles.privateLookupIn(BatchNormalization.class, MethodHandles.lookup())
                    .findVarHandle(BatchNormalization.class, "helper", BatchNormalizationHelper.class);
            MethodHandles.Lookup helper = MethodHandles.privateLookupIn(MKLDNNBatchNormHelper.class, MethodHandles.lookup());
            MEAN_CACHE = helper.findVarHandle(MKLDNNBatchNormHelper.class, "meanCache", INDArray.class);
            VAR_CACHE = helper.findVarHandle(MKLDNNBatchNormHelper.class, "varCache", INDArray.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("DL4J's batch-norm layer is not the 1.0.0-M2.1 one this code was written for: " + e);
        }
    }

    private final boolean ownBackward;

    LeanBatchNormHelper(DataType dataType) {
        this(dataType, true);
    }

    /** @param ownBackward false keeps libnd4j's backward pass (for measuring what {@link BatchNormBackward} saves) */
    LeanBatchNormHelper(DataType dataType, boolean ownBackward) {
        super(dataType);
        this.ownBackward = ownBackward;
    }

    /** Gives every batch-norm layer that has DL4J's oneDNN helper this one instead; returns how many. */
    static int install(MultiLayerNetwork net) {
        return install(net, true);
    }

    static int install(MultiLayerNetwork net, boolean ownBackward) {
        int installed = 0;
        for (Layer layer : net.getLayers()) {
            if (layer instanceof BatchNormalization bn && LAYER_HELPER.get(bn) instanceof MKLDNNBatchNormHelper current
                    && !(current instanceof LeanBatchNormHelper)) {
                LAYER_HELPER.set(bn, new LeanBatchNormHelper(bn.getParam("gamma").dataType(), ownBackward));
                installed++;
            }
        }
        return installed;
    }

    @Override
    public INDArray preOutput(INDArray x, boolean training, long[] shape, INDArray gamma, INDArray beta, INDArray mean,
                              INDArray var, double decay, double eps, CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        if (!training || x.rank() != 4 || format != CNN2DFormat.NCHW) {
            return super.preOutput(x, training, shape, gamma, beta, mean, var, decay, eps, format, workspaceMgr);
        }
        INDArray batchMean = cache(MEAN_CACHE, x);
        INDArray batchVar = cache(VAR_CACHE, x);
        MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces();
        try {
            ChannelStatistics.compute(x, batchMean, batchVar);
        } finally {
            outside.close();
        }
        // with training false the parent normalises with the statistics given, which are this batch's; its caches,
        // which the layer reads to update the running statistics and the backward pass uses, hold them already
        return super.preOutput(x, false, shape, gamma, beta, batchMean, batchVar, decay, eps, format, workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray epsilon, long[] shape, INDArray gamma,
                                                     INDArray beta, INDArray dGammaView, INDArray dBetaView, double eps,
                                                     CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        INDArray mean = (INDArray) MEAN_CACHE.get(this);
        INDArray var = (INDArray) VAR_CACHE.get(this);
        if (!ownBackward || format != CNN2DFormat.NCHW || gamma == null || mean == null || var == null
                || !BatchNormBackward.supports(input, epsilon)) {
            return super.backpropGradient(input, epsilon, shape, gamma, beta, dGammaView, dBetaView, eps, format,
                    workspaceMgr);
        }
        INDArray x = Shape.hasDefaultStridesForShape(input) ? input : input.dup('c');
        INDArray dy = Shape.hasDefaultStridesForShape(epsilon) ? epsilon : epsilon.dup('c');
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, x.dataType(), x.shape());
        BatchNormBackward.compute(x, dy, mean, var, gamma, eps, dx, dGammaView, dBetaView);
        Gradient gradient = new DefaultGradient();
        gradient.setGradientFor(BatchNormalizationParamInitializer.GAMMA, dGammaView);
        gradient.setGradientFor(BatchNormalizationParamInitializer.BETA, dBetaView);
        return new Pair<>(gradient, dx);
    }

    private INDArray cache(VarHandle field, INDArray x) {
        INDArray current = (INDArray) field.get(this);
        if (current == null || current.length() != x.size(1) || current.dataType() != x.dataType()) {
            MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces();
            try {
                current = Nd4j.createUninitialized(x.dataType(), x.size(1));
            } finally {
                outside.close();
            }
            field.set(this, current);
        }
        return current;
    }
}
