package org.ferstudio.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ferstudio.data.AugmentationConfig;
import org.ferstudio.nets.OptimizerSettings;
import org.junit.jupiter.api.Test;

class RecipePresetTest {

    @Test
    void theQuickRecipeIsTheCommandLinesDefaultAndMatchesItsDescription() {
        TrainingConfig quick = RecipePreset.QUICK.config();
        assertThat(quick).isEqualTo(TrainingConfig.defaults());
        assertThat(RecipePreset.QUICK.description()).startsWith("Adam at " + quick.optimizer().learningRate() + ";")
                .contains("halved after " + quick.plateauPatience() + " epochs")
                .contains("stops after " + quick.earlyStoppingPatience() + " such epochs");
        assertThat(quick.plateauFactor()).isEqualTo(0.5);
    }

    @Test
    void theLongRecipeIsTheLongRunsSettings() {
        TrainingConfig c = RecipePreset.LONG.config();
        assertThat(c.optimizer()).isEqualTo(new OptimizerSettings("sgd", 0.01, 0.9, 1e-4));
        assertThat(c.schedule()).isEqualTo(LrSchedule.PLATEAU);
        assertThat(c.plateauPatience()).isEqualTo(5);
        assertThat(c.plateauFactor()).isEqualTo(0.75);
        assertThat(c.epochs()).isEqualTo(100);
        assertThat(c.earlyStoppingPatience()).isZero();
        assertThat(c.ema()).isEqualTo(0.999);
        assertThat(c.labelSmoothing()).as("measured to cost SGD 3-6 points early on").isZero();
        assertThat(TrainingRecipe.describe(c, null)).startsWith("SGD with Nesterov momentum 0.9, learning rate 0.01, "
                + "weight decay 0.0001; plateau schedule (x0.75 after 5 epochs");
    }

    @Test
    void aRecipeSetsOnlyItsOwnSettings() {
        TrainingConfig.Builder chosen = TrainingConfig.builder().architecture("cnn4").batchSize(32)
                .augmentation(AugmentationConfig.strong()).balancing(ClassBalancing.WEIGHTS).seed(7);
        TrainingConfig long1 = RecipePreset.LONG.applyTo(chosen).build();
        assertThat(long1.architecture()).isEqualTo("cnn4");
        assertThat(long1.batchSize()).isEqualTo(32);
        assertThat(long1.augmentation()).isEqualTo(AugmentationConfig.strong());
        assertThat(long1.balancing()).isEqualTo(ClassBalancing.WEIGHTS);
        assertThat(long1.seed()).isEqualTo(7);
        TrainingConfig back = RecipePreset.QUICK.applyTo(long1.toBuilder()).build();
        assertThat(back.optimizer()).isEqualTo(TrainingConfig.defaults().optimizer());
        assertThat(back.ema()).isZero();
        assertThat(back.batchSize()).isEqualTo(32);
    }

    @Test
    void parsesRememberedNames() {
        assertThat(RecipePreset.parse(" long ")).isEqualTo(RecipePreset.LONG);
        assertThatThrownBy(() -> RecipePreset.parse("turbo")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown recipe 'turbo'; use quick or long");
    }
}
