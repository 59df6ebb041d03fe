package org.ferstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.ferstudio.nets.OptimizerSettings;
import org.ferstudio.train.RecipePreset;
import org.ferstudio.train.TrainingConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    void aRecipeSetsItsSettingsAndOptionsGivenBesideItWin() {
        TrainCommand plain = new TrainCommand();
        new CommandLine(plain).parseArgs("--data", "x.csv", "--out", "m");
        assertThat(plain.settings()).isEqualTo(TrainingConfig.defaults());

        TrainCommand quick = new TrainCommand();
        new CommandLine(quick).parseArgs("--data", "x.csv", "--out", "m", "--recipe", "quick");
        assertThat(quick.settings()).isEqualTo(RecipePreset.QUICK.config());

        TrainCommand longRun = new TrainCommand();
        new CommandLine(longRun).parseArgs("--data", "x.csv", "--out", "m", "--recipe", "long", "--arch", "cnn4");
        assertThat(longRun.settings()).isEqualTo(RecipePreset.LONG.applyTo(TrainingConfig.builder()).architecture("cnn4")
                .build());

        TrainCommand changed = new TrainCommand();
        new CommandLine(changed).parseArgs("--data", "x.csv", "--out", "m", "--recipe", "long", "--epochs", "150",
                "--ema", "0", "--lr", "0.02");
        TrainingConfig c = changed.settings();
        assertThat(c.epochs()).isEqualTo(150);
        assertThat(c.ema()).isZero();
        assertThat(c.optimizer()).isEqualTo(new OptimizerSettings("sgd", 0.02, 0.9, 1e-4));
        assertThat(c.plateauFactor()).isEqualTo(0.75);

        TrainCommand adam = new TrainCommand();
        new CommandLine(adam).parseArgs("--data", "x.csv", "--out", "m", "--recipe", "long", "--optimizer", "adam");
        assertThat(adam.settings().optimizer().learningRate()).as("adam's own default rate, not the recipe's")
                .isEqualTo(TrainingConfig.defaults().optimizer().learningRate());
    }

    @Test
    void anUnknownRecipeIsNamed(@TempDir Path tmp) {
        CliRun r = CliRun.of("train", "--data", tmp.resolve("x.csv").toString(), "--out", tmp.resolve("m").toString(),
                "--recipe", "turbo");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("unknown recipe 'turbo'; use quick or long");
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
