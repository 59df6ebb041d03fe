package org.ferstudio.nets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The lean convolution and ReLU must compute exactly what DL4J's own layers compute: same outputs, same loss, same
 * gradients for every parameter, with the shortcut actually taken.
 */
class LeanLayersTest {

    @BeforeAll
    static void backend() {
        Nd4jRuntime.initialise();
    }

    @Test
    void leanLayersGiveTheSameLossAndGradientsAsDl4jsOwn() {
        MultiLayerNetwork lean = network(true);
        MultiLayerNetwork stock = network(false);
        stock.setParams(lean.params().dup());
        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.rand(DataType.FLOAT, 8, 1, 12, 12).subi(0.5);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 8, 3);
        for (int i = 0; i < 8; i++) {
            y.putScalar(i, i % 3, 1);
        }

        double leanScore = scoreAndGradient(lean, x, y);
        double stockScore = scoreAndGradient(stock, x, y);

        assertThat(leanScore).isCloseTo(stockScore, org.assertj.core.data.Offset.offset(1e-6));
        INDArray leanGrad = lean.gradient().gradient();
        INDArray stockGrad = stock.gradient().gradient();
        assertThat(leanGrad.length()).isEqualTo(stockGrad.length());
        double scale = stockGrad.norm2Number().doubleValue();
        assertThat(scale).as("the gradient is not trivially zero").isGreaterThan(1e-3);
        assertThat(leanGrad.sub(stockGrad).norm2Number().doubleValue() / scale).isLessThan(1e-5);
        assertThat(lean.output(x, false).sub(stock.output(x, false)).amaxNumber().doubleValue()).isLessThan(1e-6);
        for (Layer layer : lean.getLayers()) {
            if (layer instanceof LeanConvolutionLayer conv) {
                assertThat(conv.skipsRecomputation()).as("layer %d takes the shortcut", layer.getIndex()).isTrue();
            }
        }
    }

    @Test
    void channelStatisticsMatchNd4jsMeanAndVariance() {
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.randn(DataType.FLOAT, 16, 5, 9, 7).addi(3); // mean about 3, variance about 1
        x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(2)).muli(0.01);
        INDArray mean = Nd4j.createUninitialized(DataType.FLOAT, 5);
        INDArray var = Nd4j.createUninitialized(DataType.FLOAT, 5);
        ChannelStatistics.compute(x, mean, var);
        INDArray expectedMean = x.mean(0, 2, 3);
        INDArray expectedVar = Nd4j.exec(new org.nd4j.linalg.api.ops.impl.summarystats.Variance(x, false, 0, 2, 3));
        for (int c = 0; c < 5; c++) {
            assertThat(mean.getDouble(c)).isCloseTo(expectedMean.getDouble(c), org.assertj.core.data.Offset.offset(1e-5));
            assertThat(var.getDouble(c)).isCloseTo(expectedVar.getDouble(c),
                    org.assertj.core.data.Percentage.withPercentage(0.05));
        }
    }

    @Test
    void batchNormBackwardMatchesLibnd4jsBatchnormBp() {
        Nd4j.getRandom().setSeed(9);
        INDArray x = Nd4j.randn(DataType.FLOAT, 6, 4, 5, 7).addi(3); // an offset mean: the centred sums must not cancel
        x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(1)).muli(0.01);
        INDArray dy = Nd4j.randn(DataType.FLOAT, 6, 4, 5, 7);
        INDArray gamma = Nd4j.createFromArray(1.5f, -0.7f, 0f, 2f);
        INDArray beta = Nd4j.createFromArray(0.1f, 0.2f, -0.3f, 0f);
        long[] shape = {1, 4};
        org.deeplearning4j.nn.workspace.LayerWorkspaceMgr ws = org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces();
        var stock = new org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper(DataType.FLOAT);
        var lean = new LeanBatchNormHelper(DataType.FLOAT);
        INDArray unused = Nd4j.zeros(DataType.FLOAT, 4);
        INDArray stockOut = stock.preOutput(x, true, shape, gamma, beta, unused, unused.add(1), 0.9, 1e-5, CNN2DFormat.NCHW, ws);
        INDArray leanOut = lean.preOutput(x, true, shape, gamma, beta, unused, unused.add(1), 0.9, 1e-5, CNN2DFormat.NCHW, ws);
        assertThat(leanOut.sub(stockOut).amaxNumber().doubleValue()).isLessThan(1e-4);

        INDArray stockGamma = Nd4j.zeros(DataType.FLOAT, 4);
        INDArray stockBeta = Nd4j.zeros(DataType.FLOAT, 4);
        INDArray stockDx = stock.backpropGradient(x, dy, shape, gamma, beta, stockGamma, stockBeta, 1e-5,
                CNN2DFormat.NCHW, ws).getSecond();
        INDArray leanGamma = Nd4j.zeros(DataType.FLOAT, 4);
        INDArray leanBeta = Nd4j.zeros(DataType.FLOAT, 4);
        var leanResult = lean.backpropGradient(x, dy, shape, gamma, beta, leanGamma, leanBeta, 1e-5, CNN2DFormat.NCHW, ws);

        assertThat(leanResult.getSecond().sub(stockDx).norm2Number().doubleValue() / stockDx.norm2Number().doubleValue())
                .as("gradient at the input").isLessThan(1e-5);
        assertThat(leanGamma.sub(stockGamma).amaxNumber().doubleValue()).as("gamma's gradient").isLessThan(1e-3);
        assertThat(leanBeta.sub(stockBeta).amaxNumber().doubleValue()).as("beta's gradient").isLessThan(1e-3);
        assertThat(leanResult.getFirst().getGradientFor("gamma")).isSameAs(leanGamma);
        assertThat(stockGamma.amaxNumber().doubleValue()).as("non-trivial gradients").isGreaterThan(0.1);
        // a channel with gamma 0 passes no gradient to its input
        assertThat(leanResult.getSecond().get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.point(2)).amaxNumber().doubleValue()).isEqualTo(0.0);
    }

    @Test
    void theThreeBlockCnnsGradientsWithOurBatchNormBackwardAreLibnd4js() {
        var cnn3 = new Cnn3Architecture();
        NetworkSpec spec = new NetworkSpec(7, 13, OptimizerSettings.adam(1e-3), List.of());
        MultiLayerNetwork ours = new MultiLayerNetwork(cnn3.configuration(spec, CNN2DFormat.NCHW));
        ours.init();
        MultiLayerNetwork theirs = new MultiLayerNetwork(cnn3.configuration(spec, CNN2DFormat.NCHW));
        theirs.init();
        theirs.setParams(ours.params().dup());
        LeanBatchNormHelper.install(ours, true);
        LeanBatchNormHelper.install(theirs, false);
        Nd4j.getRandom().setSeed(17);
        INDArray x = Nd4j.rand(DataType.FLOAT, 10, 1, 48, 48);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 10, 7);
        for (int i = 0; i < 10; i++) {
            y.putScalar(i, i % 7, 1);
        }
        ours.setInput(x);
        ours.setLabels(y);
        theirs.setInput(x);
        theirs.setLabels(y);
        ours.getLayerWiseConfigurations().setBackpropType(org.deeplearning4j.nn.conf.BackpropType.Standard);
        // dropout draws differently in each network: compare without it
        Nd4j.getRandom().setSeed(3);
        ours.computeGradientAndScore();
        Nd4j.getRandom().setSeed(3);
        theirs.computeGradientAndScore();
        INDArray a = ours.gradient().gradient();
        INDArray b = theirs.gradient().gradient();
        assertThat(a.sub(b).norm2Number().doubleValue() / b.norm2Number().doubleValue()).isLessThan(1e-5); // 9e-7 measured
    }

    @Test
    void everyConvolutionOfTheThreeBlockCnnTakesTheShortcut() {
        FerNetwork net = new Cnn3Architecture().build(new NetworkSpec(7, 1, OptimizerSettings.adam(1e-3), List.of()));
        MultiLayerNetwork mln = (MultiLayerNetwork) net.dl4jModel();
        long lean = 0;
        for (Layer layer : mln.getLayers()) {
            if (layer instanceof org.deeplearning4j.nn.layers.convolution.ConvolutionLayer) {
                assertThat(layer).isInstanceOf(LeanConvolutionLayer.class);
                assertThat(((LeanConvolutionLayer) layer).skipsRecomputation()).isTrue();
                lean++;
            }
        }
        assertThat(lean).isEqualTo(6);
        long bn = java.util.Arrays.stream(mln.getLayers())
                .filter(l -> l instanceof org.deeplearning4j.nn.layers.normalization.BatchNormalization)
                .filter(l -> l.getHelper() instanceof LeanBatchNormHelper).count();
        assertThat(bn).as("batch-norm layers with the lean statistics").isEqualTo(7);
    }

    @Test
    void leanReluMatchesDl4jsReluForwardAndBackward() {
        Nd4j.getRandom().setSeed(3);
        INDArray in = Nd4j.rand(DataType.FLOAT, 4, 5, 6, 7).subi(0.5);
        in.putScalar(0, 0);
        INDArray eps = Nd4j.rand(DataType.FLOAT, 4, 5, 6, 7);
        IActivation stock = Activation.RELU.getActivationFunction();
        LeanRelu lean = new LeanRelu();
        assertThat(lean.getActivation(in.dup(), true)).isEqualTo(stock.getActivation(in.dup(), true));
        assertThat(lean.backprop(in.dup(), eps.dup()).getFirst()).isEqualTo(stock.backprop(in.dup(), eps.dup()).getFirst());
    }

    private static double scoreAndGradient(MultiLayerNetwork net, INDArray x, INDArray y) {
        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        return net.score();
    }

    private static MultiLayerNetwork network(boolean lean) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder().seed(11).updater(new Sgd(0.1))
                .weightInit(WeightInit.RELU).convolutionMode(ConvolutionMode.Same).list();
        for (int f : new int[] {4, 6}) {
            ConvolutionLayer.Builder conv = new ConvolutionLayer.Builder(3, 3).nOut(f).dataFormat(CNN2DFormat.NCHW)
                    .activation(Activation.IDENTITY);
            b.layer(lean ? LeanConvolution.from(conv) : conv.build());
            b.layer(new BatchNormalization.Builder().build());
            b.layer(lean ? new ActivationLayer(new LeanRelu()) : new ActivationLayer(Activation.RELU));
            b.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                    .dataFormat(CNN2DFormat.NCHW).build());
        }
        b.layer(new DenseLayer.Builder().nOut(10).activation(Activation.IDENTITY).build());
        b.layer(new ActivationLayer(lean ? new LeanRelu() : Activation.RELU.getActivationFunction()));
        b.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build());
        MultiLayerConfiguration conf = b.setInputType(InputType.convolutional(12, 12, 1, CNN2DFormat.NCHW)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        if (lean) {
            assertThat(LeanBatchNormHelper.install(net)).as("batch-norm helpers replaced").isEqualTo(2);
        }
        return net;
    }
}
