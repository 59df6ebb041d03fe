package org.ferstudio.nets;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** A {@link FerNetwork} backed by a DL4J layer stack, fed through its architecture's {@link NetworkInput}. */
final class MultiLayerFerNetwork implements FerNetwork {

    private final String architecture;
    private final MultiLayerNetwork net;
    private final NetworkInput input;
    private final TrainingAccuracyProbe accuracyProbe = new TrainingAccuracyProbe();

    /** Inference copies may hold their parameters in another layout than training (see Cnn3Architecture). */
    private final boolean inferenceOnly;
    private final long modelParams;

    MultiLayerFerNetwork(String architecture, MultiLayerNetwork net, NetworkInput input, boolean inferenceOnly) {
        this(architecture, net, input, inferenceOnly, -1);
    }

    /**
     * @param modelParams the trainable parameters of the model this network computes, when they differ from its own
     *                    (an inference copy with batch norm folded into other layers); -1 to count its own
     */
    MultiLayerFerNetwork(String architecture, MultiLayerNetwork net, NetworkInput input, boolean inferenceOnly,
                         long modelParams) {
        this.architecture = architecture;
        this.net = net;
        this.input = input;
        this.inferenceOnly = inferenceOnly;
        this.modelParams = modelParams;
        net.addListeners(accuracyProbe);
    }

    @Override
    public boolean inferenceOnly() {
        return inferenceOnly;
    }

    @Override
    public String architecture() {
        return architecture;
    }

    @Override
    public int numClasses() {
        return net.layerSize(net.getnLayers() - 1);
    }

    @Override
    public INDArray output(INDArray faces) {
        return net.output(input.adapt(faces), false);
    }

    @Override
    public TrainStep fit(DataSet batch) {
        if (inferenceOnly()) {
            throw new IllegalStateException("this " + architecture + " network is an inference copy; train a network "
                    + "built with Architecture.build");
        }
        accuracyProbe.expect(batch.getLabels());
        net.fit(new DataSet(input.adapt(batch.getFeatures()), batch.getLabels()));
        return new TrainStep(net.score(), accuracyProbe.correct());
    }

    @Override
    public void setLearningRate(double learningRate) {
        net.setLearningRate(learningRate);
    }

    @Override
    public INDArray params() {
        return net.params();
    }

    @Override
    public void setParams(INDArray params) {
        if (params.length() != net.numParams()) {
            throw new IllegalArgumentException("parameter count " + params.length()
                    + " does not match the " + architecture + " network's " + net.numParams());
        }
        net.setParams(params);
    }

    @Override
    public INDArray updaterState() {
        return net.getUpdater() == null ? null : net.getUpdater().getStateViewArray();
    }

    @Override
    public void setUpdaterState(INDArray state) {
        INDArray current = updaterState();
        if (current == null || state == null) {
            return;
        }
        if (current.length() != state.length()) {
            throw new IllegalArgumentException("optimiser state has " + state.length()
                    + " values, the network expects " + current.length());
        }
        current.assign(state.reshape(current.shape()));
    }

    @Override
    public int iterationCount() {
        return net.getLayerWiseConfigurations().getIterationCount();
    }

    @Override
    public void setIterationCount(int iterations) {
        net.getLayerWiseConfigurations().setIterationCount(iterations);
    }

    @Override
    public long numParams() {
        return net.numParams();
    }

    /** Learnable parameters, frozen layers included (the model's size), batch-norm statistics excluded. */
    @Override
    public long trainableParams() {
        if (modelParams >= 0) {
            return modelParams;
        }
        long n = 0;
        for (Map.Entry<String, INDArray> e : net.paramTable().entrySet()) {
            if (!isBatchNormStatistic(e.getKey())) {
                n += e.getValue().length();
            }
        }
        return n;
    }

    private static boolean isBatchNormStatistic(String paramKey) {
        return paramKey.endsWith("_mean") || paramKey.endsWith("_var") || paramKey.endsWith("_log10stdev");
    }

    @Override
    public long flopsPerImage() {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        List<InputType> activations = conf.getLayerActivationTypes(input.type());
        long flops = 0;
        for (int i = 0; i < conf.getConfs().size(); i++) {
            Layer layer = conf.getConf(i).getLayer();
            if (layer instanceof FrozenLayer frozen) {
                layer = frozen.getLayer();
            }
            InputType out = activations.get(i);
            if (layer instanceof ConvolutionLayer conv) {
                InputType.InputTypeConvolutional o = (InputType.InputTypeConvolutional) out;
                long k = (long) conv.getKernelSize()[0] * conv.getKernelSize()[1];
                // a depthwise kernel sees one input channel per output channel, a full one all of them
                long inputsPerOutput = conv instanceof DepthwiseConvolution2D ? 1 : conv.getNIn();
                flops += 2L * k * inputsPerOutput * conv.getNOut() * o.getHeight() * o.getWidth();
            } else if (layer instanceof DenseLayer || layer instanceof BaseOutputLayer) {
                FeedForwardLayer ff = (FeedForwardLayer) layer;
                flops += 2L * ff.getNIn() * ff.getNOut();
            }
        }
        return flops;
    }

    @Override
    public Model dl4jModel() {
        return net;
    }
}
