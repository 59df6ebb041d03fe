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

    @Test
    void theHelpStatesEachBlockCnnsSizeAndCostAsTheDesignCountsThem() {
        // compared without white space: the help wraps lines wherever it likes
        String help = CliRun.of("train", "--help").out().replaceAll("\\s+", "");

        for (org.ferstudio.nets.Architecture a : org.ferstudio.nets.Architectures.all()) {
            if (a instanceof org.ferstudio.nets.BlockCnnArchitecture cnn) {
                assertThat(help).contains(String.format(java.util.Locale.ROOT,
                        "%s (%s%s): %.2fM parameters, %.1f MFLOP per face", a.id(), cnn.filterList(),
                        a.id().equals("cnn3") ? " filters" : "", cnn.trainableParameters(7) / 1e6, cnn.mflops(7))
                        .replaceAll("\\s+", ""));
            }
        }
        assertThat(help).contains("--ema=DECAY").contains("standard,strongornone");
    }
}
