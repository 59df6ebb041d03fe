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
}
