package org.ferstudio.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ferstudio.data.AugmentationConfig;
import org.ferstudio.io.Json;
import org.ferstudio.nets.OptimizerSettings;
import org.junit.jupiter.api.Test;

class TrainingRecipeTest {

    /** The card's training block as {@code TrainingPipeline.card} writes it: the config plus the run's notes. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> cardBlock(TrainingConfig config, String savedWeights) throws Exception {
        Map<String, Object> block = new LinkedHashMap<>(Json.fromJson(Json.toJson(config), Map.class));
        block.put("stopReason", "completed");
        block.put("epochsRun", 100);
        if (savedWeights != null) {
            block.put("weights", savedWeights);
        }
        return block;
    }

    @Test
    void readsTheLongRunRecipeBackFromACard() throws Exception {
        TrainingConfig sgd = TrainingConfig.builder().architecture("cnn4").epochs(100)
                .optimizer(new OptimizerSettings("sgd", 0.01, 0.9, 1e-4)).schedule(LrSchedule.PLATEAU)
                .plateauPatience(5).plateauFactor(0.75).earlyStoppingPatience(0).ema(0.999).build();

        assertThat(TrainingRecipe.describe(cardBlock(sgd, "ema"))).hasValue(
                "SGD with Nesterov momentum 0.9, learning rate 0.01, weight decay 0.0001; plateau schedule (x0.75 "
                + "after 5 epochs without a better validation accuracy, down to 0.00001); batch 64, up to 100 epochs; "
                + "standard augmentation; weight average (EMA, decay 0.999); the saved weights are the average; seed 42");
        assertThat(TrainingRecipe.describe(cardBlock(sgd, "raw")).orElseThrow())
                .contains("weight average (EMA, decay 0.999); the saved weights are the trained ones, which validated better");
    }

    @Test
    void namesWhatDiffersFromAPlainRun() throws Exception {
        TrainingConfig adam = TrainingConfig.builder().epochs(12).optimizer(OptimizerSettings.adam(5e-4))
                .schedule(LrSchedule.COSINE).earlyStoppingPatience(12).labelSmoothing(0.1)
                .augmentation(AugmentationConfig.strong()).balancing(ClassBalancing.WEIGHTS).seed(9).build();

        assertThat(TrainingRecipe.describe(cardBlock(adam, null))).hasValue(
                "Adam, learning rate 0.0005; cosine schedule down to 0.00001; batch 64, up to 12 epochs (early stopping "
                + "after 12 without a better validation accuracy); strong augmentation; label smoothing 0.1; class "
                + "balancing by weights; seed 9");
    }

    @Test
    void cardsNotWrittenByTrainHaveNoRecipe() {
        assertThat(TrainingRecipe.describe(null)).isEmpty();
        assertThat(TrainingRecipe.describe(Map.of("epochs", 40))).isEmpty();
        // another tool's shape: an optimizer block without our fields
        assertThat(TrainingRecipe.describe(Map.of("epochs", 40, "optimizer", Map.of("name", "adam"),
                "augmentation", List.of("hflip")))).isEmpty();
    }
}
