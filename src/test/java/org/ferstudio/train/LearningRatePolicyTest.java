package org.ferstudio.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.ferstudio.data.AugmentationConfig;
import org.ferstudio.nets.OptimizerSettings;
import org.junit.jupiter.api.Test;

class LearningRatePolicyTest {

    private static TrainingConfig config(LrSchedule schedule) {
        return TrainingConfig.builder().architecture("cnn3").epochs(10).batchSize(64)
                .optimizer(OptimizerSettings.adam(0.01)).schedule(schedule).plateauPatience(2).plateauFactor(0.5)
                .minLearningRate(0.001).labelSmoothing(0).earlyStoppingPatience(0)
                .augmentation(AugmentationConfig.none()).balancing(ClassBalancing.NONE).seed(1).build();
    }

    @Test
    void cosineGoesFromTheInitialToTheMinimumRate() {
        LearningRatePolicy p = new LearningRatePolicy(config(LrSchedule.COSINE), 100);
        assertThat(p.rateAt(0)).isCloseTo(0.01, offset(1e-12));
        assertThat(p.rateAt(500)).isCloseTo(0.0055, offset(1e-12));
        assertThat(p.rateAt(1000)).isCloseTo(0.001, offset(1e-12));
        assertThat(p.rateAt(5000)).isCloseTo(0.001, offset(1e-12));
    }

    @Test
    void plateauHalvesTheRateAfterPatienceEpochsWithoutImprovementDownToTheMinimum() {
        LearningRatePolicy p = new LearningRatePolicy(config(LrSchedule.PLATEAU), 100);
        p.onEpochEnd(0.5);
        p.onEpochEnd(0.5);
        assertThat(p.rateAt(0)).isEqualTo(0.01);
        p.onEpochEnd(0.49);
        assertThat(p.rateAt(0)).isEqualTo(0.005);
        p.onEpochEnd(0.6);
        p.onEpochEnd(0.6);
        p.onEpochEnd(0.6);
        assertThat(p.rateAt(0)).isEqualTo(0.0025);
        for (int i = 0; i < 20; i++) {
            p.onEpochEnd(0.1);
        }
        assertThat(p.rateAt(0)).isEqualTo(0.001);
    }

    @Test
    void stateRoundTrips() {
        LearningRatePolicy p = new LearningRatePolicy(config(LrSchedule.PLATEAU), 100);
        p.onEpochEnd(0.5);
        p.onEpochEnd(0.4);
        p.onEpochEnd(0.4);
        LearningRatePolicy q = new LearningRatePolicy(config(LrSchedule.PLATEAU), 100);
        q.restore(p.state());
        assertThat(q.state()).isEqualTo(p.state());
        assertThat(q.rateAt(3)).isEqualTo(p.rateAt(3));
    }
}
