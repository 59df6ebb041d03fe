package org.ferstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.ferstudio.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TrainingDefaultsTest {

    @Test
    void trainOptionsLeftOutTakeTheConfigurationDefaults() {
        TrainCommand train = new TrainCommand();
        new CommandLine(train).parseArgs("--data", "x.csv", "--out", "m");
        TrainingConfig d = TrainingConfig.defaults();

        assertThat(train.architecture).isEqualTo(d.architecture());
        assertThat(train.epochs).isEqualTo(d.epochs());
        assertThat(train.batch).isEqualTo(d.batchSize());
        assertThat(train.momentum).isEqualTo(d.optimizer().momentum());
        assertThat(train.plateauPatience).isEqualTo(d.plateauPatience());
        assertThat(train.plateauFactor).isEqualTo(d.plateauFactor());
        assertThat(train.minLearningRate).isEqualTo(d.minLearningRate());
        assertThat(train.earlyStopping).isEqualTo(d.earlyStoppingPatience());
        assertThat(train.seed).isEqualTo(d.seed());
        assertThat(train.augment).isEqualTo("standard");
        assertThat(train.balance).isEqualTo("none");
        assertThat(train.schedule).isEqualTo("plateau");
    }

    @Test
    void theHelpShowsThoseDefaultsAndMixinsKeepTheirOwn() {
        CliRun r = CliRun.of("train", "--help");

        assertThat(r.out()).contains("batch size (default: " + TrainingConfig.defaults().batchSize() + ")")
                .contains("(default: " + TrainingConfig.defaults().earlyStoppingPatience() + ")")
                .contains("seed of the random split (default: 42)");
    }
}
