package org.ferstudio.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.ferstudio.nets.Architectures;
import org.ferstudio.nets.FerNetwork;
import org.ferstudio.nets.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class WeightAverageTest {

    private static FerNetwork net(long seed) {
        return Architectures.byId("cnn3").build(new NetworkSpec(3, seed, org.ferstudio.nets.OptimizerSettings.adam(1e-3),
                java.util.List.of()));
    }

    @Test
    void theWarmUpDecayRisesToTheConfiguredOne() {
        WeightAverage average = WeightAverage.startingAt(0.999, net(1));

        assertThat(average.decayAt(0)).isEqualTo(0.1);
        assertThat(average.decayAt(10)).isEqualTo(11.0 / 20.0);
        assertThat(average.decayAt(8_990)).isEqualTo(8_991.0 / 9_000.0);   // just below 0.999
        assertThat(average.decayAt(100_000)).isEqualTo(0.999);
        assertThat(WeightAverage.startingAt(0.5, net(1)).decayAt(20)).isEqualTo(0.5);
    }

    @Test
    void afterKStepsTowardsFixedWeightsTheAverageIsTheClosedForm() {
        // starting at A and folding in B k times from step 0: avg = B + (A - B) * prod_{t<k} (1+t)/(10+t)
        // = B + (A - B) / C(k+9, 9) while the warm-up is below the decay
        FerNetwork net = net(2);
        float[] a = net.params().toFloatVector();
        WeightAverage average = WeightAverage.startingAt(0.999, net);
        float[] b = new float[a.length];
        Random rng = new Random(3);
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) rng.nextGaussian();
        }
        net.setParams(Nd4j.createFromArray(b).reshape(1, -1));
        int k = 5;

        for (int t = 0; t < k; t++) {
            average.update(net, t);
        }

        double remaining = 1.0 / 2002;   // C(14, 9) = 2002
        float[] got = average.values().toFloatVector();
        for (int i = 0; i < a.length; i += 997) {
            assertThat((double) got[i]).isCloseTo(b[i] + (a[i] - b[i]) * remaining, within(1e-5 + 1e-5 * Math.abs(a[i])));
        }
    }

    @Test
    void aVaryingSequenceMatchesTheRecurrenceComputedInDoubles() {
        FerNetwork net = net(4);
        float[] start = net.params().toFloatVector();
        WeightAverage average = WeightAverage.startingAt(0.6, net);
        int[] probe = {0, 17, start.length / 2, start.length - 1};
        double[] expected = new double[probe.length];
        for (int j = 0; j < probe.length; j++) {
            expected[j] = start[probe[j]];
        }
        Random rng = new Random(5);

        for (int t = 0; t < 12; t++) {
            float[] step = new float[start.length];
            for (int i = 0; i < step.length; i++) {
                step[i] = (float) rng.nextGaussian();
            }
            net.setParams(Nd4j.createFromArray(step).reshape(1, -1));
            average.update(net, t);
            double d = Math.min(0.6, (1.0 + t) / (10.0 + t));
            for (int j = 0; j < probe.length; j++) {
                expected[j] = d * expected[j] + (1 - d) * step[probe[j]];
            }
        }

        float[] got = average.values().toFloatVector();
        for (int j = 0; j < probe.length; j++) {
            assertThat((double) got[probe[j]]).isCloseTo(expected[j], within(1e-5));
        }
    }

    @Test
    void swappingPutsTheAverageIntoTheNetworkAndSwappingAgainRestoresIt() {
        FerNetwork net = net(6);
        WeightAverage average = WeightAverage.startingAt(0.9, net);
        float[] trained = new float[(int) net.numParams()];
        Random rng = new Random(7);
        for (int i = 0; i < trained.length; i++) {
            trained[i] = (float) (rng.nextGaussian() * 0.05);
        }
        net.setParams(Nd4j.createFromArray(trained).reshape(1, -1));
        average.update(net, 0);
        float[] averaged = average.values().toFloatVector();
        INDArray faces = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 1, 48, 48);
        FerNetwork reference = net(8);
        reference.setParams(Nd4j.createFromArray(averaged).reshape(1, -1));

        average.swapWith(net);

        assertThat(net.params().toFloatVector()).isEqualTo(averaged);
        assertThat(average.values().toFloatVector()).isEqualTo(trained);
        // the layers see the swapped values: the network computes what a network holding the average does
        assertThat(net.output(faces).reshape(-1).toFloatVector()).isEqualTo(reference.output(faces).reshape(-1).toFloatVector());

        average.swapWith(net);

        assertThat(net.params().toFloatVector()).isEqualTo(trained);
        assertThat(average.values().toFloatVector()).isEqualTo(averaged);
    }

    @Test
    void aRestoredAverageMustFitTheNetwork() {
        FerNetwork net = net(9);
        float[] values = net.params().toFloatVector();
        values[3] = 42f;

        assertThat(WeightAverage.restored(0.99, values, net).values().toFloatVector()).isEqualTo(values);
        assertThatThrownBy(() -> WeightAverage.restored(0.99, new float[10], net))
                .hasMessageContaining("has 10 values");
        assertThatThrownBy(() -> WeightAverage.startingAt(1.0, net)).hasMessageContaining("(0, 1)");
    }
}
