package org.ferstudio.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BalancedSamplerTest {

    /** 900 images of class 0, 90 of class 1, 10 of class 2; class 3 absent. */
    private static final int[] LABELS = labels(900, 90, 10);

    @Test
    void shuffledOrderIsAPermutationDeterministicPerSeedAndEpoch() {
        int[] order = BalancedSampler.shuffledOrder(1000, 42, 3);

        assertThat(Arrays.stream(order).sorted().toArray()).isEqualTo(java.util.stream.IntStream.range(0, 1000).toArray());
        assertThat(BalancedSampler.shuffledOrder(1000, 42, 3)).isEqualTo(order);
        assertThat(BalancedSampler.shuffledOrder(1000, 42, 4)).isNotEqualTo(order);
        assertThat(BalancedSampler.shuffledOrder(1000, 43, 3)).isNotEqualTo(order);
    }

    @Test
    void balancedOrderDrawsEveryPresentClassEquallyOften() {
        int[] order = BalancedSampler.balancedOrder(LABELS, 4, 42, 0);

        assertThat(order).hasSize(LABELS.length);
        int[] drawn = new int[4];
        for (int index : order) {
            drawn[LABELS[index]]++;
        }
        assertThat(drawn[0]).isBetween(280, 390);
        assertThat(drawn[1]).isBetween(280, 390);
        assertThat(drawn[2]).isBetween(280, 390);
        assertThat(drawn[3]).isZero();
        assertThat(BalancedSampler.balancedOrder(LABELS, 4, 42, 0)).isEqualTo(order);
        assertThat(BalancedSampler.balancedOrder(LABELS, 4, 42, 1)).isNotEqualTo(order);
    }

    @Test
    void classWeightsAreInverseFrequencyWithMeanOneOverPresentClasses() {
        double[] weights = BalancedSampler.classWeights(new int[] {100, 0, 50, 25});

        assertThat(weights[1]).isZero();
        assertThat(weights[2] / weights[0]).isCloseTo(2.0, within(1e-12));
        assertThat(weights[3] / weights[0]).isCloseTo(4.0, within(1e-12));
        assertThat((weights[0] + weights[2] + weights[3]) / 3).isCloseTo(1.0, within(1e-12));
    }

    private static int[] labels(int... counts) {
        return java.util.stream.IntStream.range(0, counts.length)
                .flatMap(c -> java.util.stream.IntStream.generate(() -> c).limit(counts[c])).toArray();
    }
}
