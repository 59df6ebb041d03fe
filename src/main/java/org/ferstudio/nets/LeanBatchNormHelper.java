package org.ferstudio.nets;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's oneDNN batch-norm helper with the training batch's statistics computed by {@link ChannelStatistics} instead
 * of ND4J's strided reductions; the normalisation itself and the backward pass stay oneDNN's. DL4J has no way to
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

    LeanBatchNormHelper(DataType dataType) {
        super(dataType);
    }

    /** Gives every batch-norm layer that has DL4J's oneDNN helper this one instead; returns how many. */
    static int install(MultiLayerNetwork net) {
        int installed = 0;
        for (Layer layer : net.getLayers()) {
            if (layer instanceof BatchNormalization bn && LAYER_HELPER.get(bn) instanceof MKLDNNBatchNormHelper current
                    && !(current instanceof LeanBatchNormHelper)) {
                LAYER_HELPER.set(bn, new LeanBatchNormHelper(bn.getParam("gamma").dataType()));
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
