package org.ferstudio.nets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class Cnn3ArchitectureTest {

    @Test
    void hasTheReferenceDesignsSizeAndCost() {
        FerNetwork net = Architectures.byId("cnn3").build(NetworkSpec.forInference(7));
        assertThat(net.trainableParams()).isEqualTo(1_469_543L);
        assertThat(net.flopsPerImage()).isEqualTo(173_559_296L);
        assertThat(net.numClasses()).isEqualTo(7);
    }

    @Test
    void outputsAProbabilityDistributionPerFace() {
        FerNetwork net = Architectures.byId("cnn3").build(NetworkSpec.forInference(9));
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 1, 48, 48);
        float[][] p = net.output(x).toFloatMatrix();
        assertThat(p).hasNumberOfRows(3);
        for (float[] row : p) {
            assertThat(row).hasSize(9);
            double sum = 0;
            for (float v : row) {
                sum += v;
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void classWeightsMustMatchTheClassCount() {
        assertThatThrownBy(() -> new NetworkSpec(7, 1, OptimizerSettings.adam(1e-3), List.of(1.0, 2.0)))
                .hasMessageContaining("2 values for 7 classes");
    }

    @Test
    void unknownArchitectureIsNamed() {
        assertThatThrownBy(() -> Architectures.byId("resnet9000")).hasMessageContaining("resnet9000")
                .hasMessageContaining("cnn3");
    }

    @Test
    void inferenceCopyInNhwcGivesTheTrainingNetworksOutputs() {
        Cnn3Architecture arch = new Cnn3Architecture();
        FerNetwork trained = arch.build(new NetworkSpec(7, 11, OptimizerSettings.adam(1e-3), List.of()));
        FerNetwork copy = arch.buildForInference(7, trained.params().dup().data().asFloat());
        Nd4j.getRandom().setSeed(4);
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, 1, 48, 48);
        INDArray expected = trained.output(x);
        assertThat(expected.maxNumber().doubleValue() - expected.minNumber().doubleValue())
                .as("outputs vary, so a wrong weight order would show").isGreaterThan(0.01);
        assertThat(copy.output(x).sub(expected).amaxNumber().doubleValue()).isLessThan(1e-5);
        assertThat(copy.flopsPerImage()).isEqualTo(trained.flopsPerImage());
        assertThatThrownBy(() -> copy.fit(null)).hasMessageContaining("inference copy");
        assertThatThrownBy(() -> arch.buildForInference(7, new float[10])).hasMessageContaining("10 parameters");
    }

    @Test
    void foldedInferenceCopyMatchesTrainedNetworkWithRealBatchNormStatistics() {
        Cnn3Architecture arch = new Cnn3Architecture();
        FerNetwork trained = arch.build(new NetworkSpec(7, 11, OptimizerSettings.adam(1e-3), List.of()));
        randomiseBatchNorm((org.deeplearning4j.nn.multilayer.MultiLayerNetwork) trained.dl4jModel(), 21);
        FerNetwork copy = arch.buildForInference(7, trained.params().dup().data().asFloat());
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, 1, 48, 48);
        INDArray expected = trained.output(x);
        assertThat(expected.maxNumber().doubleValue() - expected.minNumber().doubleValue())
                .as("outputs vary, so a wrong fold would show").isGreaterThan(0.05);
        assertThat(copy.output(x).sub(expected).amaxNumber().doubleValue()).isLessThan(1e-5);
        var layers = ((org.deeplearning4j.nn.multilayer.MultiLayerNetwork) copy.dl4jModel()).getLayers();
        assertThat(layers).as("no batch-norm, activation or dropout layer left").hasSize(3 * 3 + 2)
                .noneMatch(l -> l instanceof org.deeplearning4j.nn.layers.normalization.BatchNormalization);
        assertThat(copy.trainableParams()).as("the model's size, as trained").isEqualTo(trained.trainableParams());
        for (var layer : layers) {
            if (layer instanceof org.deeplearning4j.nn.layers.convolution.ConvolutionLayer
                    || layer instanceof org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer) {
                assertThat(layer.getHelper()).as("layer %d of the folded copy keeps its oneDNN helper",
                        layer.getIndex()).isNotNull();
            }
        }
    }

    @Test
    void batchNormAffineIsWhatTheLayerComputesAtInference() {
        var net = (org.deeplearning4j.nn.multilayer.MultiLayerNetwork) new Cnn3Architecture()
                .build(new NetworkSpec(7, 3, OptimizerSettings.adam(1e-3), List.of())).dl4jModel();
        randomiseBatchNorm(net, 8);
        var bn = (org.deeplearning4j.nn.layers.normalization.BatchNormalization) net.getLayer(25); // after the dense layer
        Nd4j.getRandom().setSeed(9);
        INDArray z = Nd4j.randn(DataType.FLOAT, 4, 256);
        INDArray y = bn.activate(z.dup(), false, org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces());
        double[][] affine = BatchNormFolding.affine(bn);
        for (int i = 0; i < 4; i++) {
            for (int c = 0; c < 256; c += 17) {
                assertThat(y.getDouble(i, c)).isCloseTo(affine[0][c] * z.getDouble(i, c) + affine[1][c],
                        org.assertj.core.data.Offset.offset(1e-4 * (1 + Math.abs(y.getDouble(i, c)))));
            }
        }
    }

    /** Gives every batch-norm layer scales, shifts and running statistics far from their initial 1, 0, 0, 1. */
    private static void randomiseBatchNorm(org.deeplearning4j.nn.multilayer.MultiLayerNetwork net, long seed) {
        java.util.Random random = new java.util.Random(seed);
        for (var layer : net.getLayers()) {
            if (layer instanceof org.deeplearning4j.nn.layers.normalization.BatchNormalization) {
                int c = (int) layer.getParam("gamma").length();
                layer.setParam("gamma", values(random, c, -0.5, 1.5));
                layer.setParam("beta", values(random, c, -0.5, 0.5));
                layer.setParam("mean", values(random, c, -1, 1));
                layer.setParam("log10stdev", values(random, c, -1.5, 0.3)); // variances from 0.001 to 4
            }
        }
    }

    private static INDArray values(java.util.Random random, int n, double low, double high) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (low + (high - low) * random.nextDouble());
        }
        return Nd4j.createFromArray(v);
    }
}
