package org.ferstudio.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ferstudio.data.AugmentationConfig;
import org.junit.jupiter.api.Test;

class TrainingConfigBuilderTest {

    @Test
    void defaultsAreTheBuildersStartingValues() {
        TrainingConfig d = TrainingConfig.defaults();

        assertThat(d).isEqualTo(TrainingConfig.builder().build());
        assertThat(d.architecture()).isEqualTo("cnn3");
        assertThat(d.batchSize()).isEqualTo(64);
        assertThat(d.optimizer().momentum()).isEqualTo(0.9);
        assertThat(d.plateauPatience()).isEqualTo(4);
        assertThat(d.plateauFactor()).isEqualTo(0.5);
        assertThat(d.minLearningRate()).isEqualTo(1e-5);
        assertThat(d.earlyStoppingPatience()).isEqualTo(12);
        assertThat(d.seed()).isEqualTo(42);
    }

    @Test
    void toBuilderKeepsEverySettingAndChangesOnlyWhatIsSet() {
        TrainingConfig custom = TrainingConfig.builder().epochs(3).batchSize(16).learningRate(0.02)
                .augmentation(AugmentationConfig.none()).balancing(ClassBalancing.SAMPLING).seed(9)
                .startFrom(new TrainingConfig.StartingModel("m", "/models/m", "0".repeat(64))).build();

        assertThat(custom.toBuilder().build()).isEqualTo(custom);
        TrainingConfig longer = custom.toBuilder().epochs(7).build();
        assertThat(longer).isEqualTo(custom.withEpochs(7));
        assertThat(custom.optimizer().type()).isEqualTo("adam");
        assertThat(custom.optimizer().learningRate()).isEqualTo(0.02);
    }

    @Test
    void aFloorAboveTheInitialRateIsLoweredToItAndBadValuesAreRefused() {
        assertThat(TrainingConfig.builder().learningRate(1e-6).build().minLearningRate()).isEqualTo(1e-6);
        assertThatThrownBy(() -> TrainingConfig.builder().batchSize(0).build()).hasMessageContaining("batch size");
    }

    @Test
    void earlyStoppingStopsAfterPatienceEpochsWithoutImprovementAndNeverAtZero() {
        assertThat(new EarlyStopping(2).stops(1)).isFalse();
        assertThat(new EarlyStopping(2).stops(2)).isTrue();
        assertThat(new EarlyStopping(0).stops(100)).isFalse();
    }
}
