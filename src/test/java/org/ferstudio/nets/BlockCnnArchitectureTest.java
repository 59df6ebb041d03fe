package org.ferstudio.nets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ferstudio.io.Json;
import org.ferstudio.model.ModelCard;
import org.ferstudio.model.SampleCards;
import org.ferstudio.store.ArrayFile;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.store.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The parametrised block CNN: cnn3 as it always was, and the deeper (cnn4) and wider (cnn3w) variants. */
class BlockCnnArchitectureTest {

    @TempDir
    Path tmp;

    @Test
    void theCountsInTheDesignMatchTheBuiltNetworksAndTheFlopCounter() {
        assertCounts("cnn3", 1_469_543L, 173_559_296L);
        assertCounts("cnn4", 1_765_991L, 236_080_640L);
        assertCounts("cnn3w", 2_417_303L, 387_739_136L);
    }

    private static void assertCounts(String id, long parameters, long flops) {
        BlockCnnArchitecture arch = (BlockCnnArchitecture) Architectures.byId(id);
        FerNetwork net = arch.build(NetworkSpec.forInference(7));
        assertThat(net.trainableParams()).as(id + " parameters").isEqualTo(parameters);
        assertThat(arch.trainableParameters(7)).as(id + " parameters from the design").isEqualTo(parameters);
        assertThat(net.flopsPerImage()).as(id + " FLOP").isEqualTo(flops);
        assertThat(arch.mflops(7)).as(id + " MFLOP from the design").isEqualTo(flops / 1e6);
        assertThat(arch.mflops(7)).as("issue 17's budget").isLessThanOrEqualTo(400);
        assertThat(arch.trainableParameters(3)).isEqualTo(parameters - 4L * 257);
    }

    @Test
    void cnn3KeepsItsLayersAndDescription() {
        Architecture cnn3 = Architectures.byId("cnn3");
        assertThat(cnn3).isInstanceOf(Cnn3Architecture.class);
        assertThat(cnn3.description())
                .isEqualTo("3-block CNN (32-64-128 filters, 2 convs per block, dense 256), 1.47M parameters, 173.6 MFLOP");
        assertThat(Architectures.byId("cnn4").description())
                .isEqualTo("4-block CNN (32-64-128-256 filters, 2 convs per block, dense 256), 1.77M parameters, 236.1 MFLOP");
        assertThat(Architectures.byId("cnn3w").description())
                .isEqualTo("wide 3-block CNN (48-96-192 filters, 2 convs per block, dense 256), 2.42M parameters, 387.7 MFLOP");
        // the layer list a saved cnn3 model's parameter vector follows: 3 x (2 x conv-BN-ReLU, pool, dropout), head
        FerNetwork net = cnn3.build(NetworkSpec.forInference(7));
        assertThat(net.numParams()).isEqualTo(1_469_543L + 2L * (2 * (32 + 64 + 128) + 256));
        var conf = ((Cnn3Architecture) cnn3).configuration(NetworkSpec.forInference(7),
                org.deeplearning4j.nn.conf.CNN2DFormat.NCHW);
        assertThat(conf.getConfs()).hasSize(29);
        assertThat(conf.getConf(24).getLayer()).isInstanceOf(org.deeplearning4j.nn.conf.layers.DenseLayer.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cnn4", "cnn3w"})
    void outputsOneDistributionPerFaceAndTheNhwcInferenceCopyAgrees(String id) {
        Architecture arch = Architectures.byId(id);
        FerNetwork trained = arch.build(new NetworkSpec(7, 11, OptimizerSettings.adam(1e-3), List.of()));
        Nd4j.getRandom().setSeed(4);
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, 1, 48, 48);

        INDArray expected = trained.output(x);

        assertThat(expected.shape()).containsExactly(5, 7);
        for (double sum : expected.sum(1).toDoubleVector()) {
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        }
        assertThat(expected.maxNumber().doubleValue() - expected.minNumber().doubleValue())
                .as("outputs vary, so a wrong weight order would show").isGreaterThan(0.01);
        FerNetwork copy = arch.buildForInference(7, trained.params().dup().data().asFloat());
        assertThat(copy.output(x).sub(expected).amaxNumber().doubleValue()).isLessThan(1e-5);
        assertThat(copy.flopsPerImage()).isEqualTo(trained.flopsPerImage());
        assertThat(copy.architecture()).isEqualTo(id);
        assertThatThrownBy(() -> arch.buildForInference(7, new float[10])).hasMessageContaining("10 parameters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cnn4", "cnn3w"})
    void savesAndLoadsWithItsCard(String id) throws IOException {
        FerNetwork net = Architectures.byId(id).build(new NetworkSpec(7, 5, OptimizerSettings.adam(1e-3), List.of()));
        ModelCard card = Json.fromJson(Json.toJson(SampleCards.complete()).replace("\"cnn3\"", "\"" + id + "\""),
                ModelCard.class);
        Path dir = tmp.resolve(id);

        ModelCard saved = ModelStore.save(dir, net, card);
        LoadedModel loaded = ModelStore.load(dir);

        assertThat(loaded.card()).isEqualTo(saved);
        assertThat(saved.architecture()).isEqualTo(id);
        assertThat(saved.weights().parameters()).isEqualTo(net.trainableParams());
        assertThat(ArrayFile.read(dir.resolve(ModelStore.WEIGHTS_FILE))).isEqualTo(net.params().dup().data().asFloat());
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 1, 48, 48);
        assertThat(loaded.network().output(x).sub(net.output(x)).amaxNumber().doubleValue()).isLessThan(1e-5);
        assertThat(loaded.network().inferenceOnly()).isTrue();
    }

    @Test
    void designsThatDoNotFitTheFaceAreRefused() {
        assertThatThrownBy(() -> new BlockCnnArchitecture("x", "x", new int[] {8, 8, 8, 8, 8}, 2, 16))
                .hasMessageContaining("1 to 4 blocks");
        assertThatThrownBy(() -> new BlockCnnArchitecture("x", "x", new int[] {8}, 0, 16))
                .hasMessageContaining(">= 1");
    }
}
