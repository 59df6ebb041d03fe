package org.ferstudio.train;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ferstudio.io.Json;
import org.ferstudio.nets.OptimizerSettings;

/**
 * How a model was trained, in one line a person can read: optimiser, learning-rate schedule, batch, epochs,
 * augmentation and the rest of a card's {@code training} block (which is a {@link TrainingConfig} plus what
 * the run added, such as which weights it saved). The model details window and {@code info} show it.
 */
public final class TrainingRecipe {

    private TrainingRecipe() {
    }

    /**
     * The recipe of a card's {@code training} block, or empty when the block is missing or was not written by
     * this project's {@code train} (older or foreign cards): those keep their raw settings only.
     */
    public static Optional<String> describe(Map<String, Object> training) {
        if (training == null || !(training.get("optimizer") instanceof Map<?, ?>)) {
            return Optional.empty();
        }
        TrainingConfig config;
        try {
            config = Json.fromJson(Json.toJson(training), TrainingConfig.class);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // another shape than TrainingConfig's, or values it refuses
        }
        if (config.optimizer() == null || config.schedule() == null || config.augmentation() == null) {
            return Optional.empty();
        }
        return Optional.of(describe(config, training.get("weights")));
    }

    /**
     * @param savedWeights the card's {@code training.weights}: "ema" when the saved weights are the moving
     *                     average, "raw" when the trained ones validated better, null when the run kept none
     */
    static String describe(TrainingConfig c, Object savedWeights) {
        List<String> parts = new ArrayList<>();
        parts.add(optimizer(c.optimizer()));
        parts.add(schedule(c));
        parts.add("batch " + c.batchSize() + ", up to " + c.epochs() + " epochs"
                + (c.earlyStoppingPatience() > 0 ? " (early stopping after " + c.earlyStoppingPatience()
                + " without a better validation accuracy)" : ""));
        parts.add(augmentation(c));
        if (c.labelSmoothing() > 0) {
            parts.add("label smoothing " + number(c.labelSmoothing()));
        }
        if (c.balancing() != null && c.balancing() != ClassBalancing.NONE) {
            parts.add("class balancing by " + c.balancing().name().toLowerCase(Locale.ROOT));
        }
        if (c.ema() > 0) {
            String saved = WeightAverage.EMA.equals(savedWeights) ? "; the saved weights are the average"
                    : "raw".equals(savedWeights) ? "; the saved weights are the trained ones, which validated better"
                    : "";
            parts.add("weight average (EMA, decay " + number(c.ema()) + ")" + saved);
        }
        if (c.fineTuning() != null) {
            parts.add("then the last " + c.fineTuning().blocks() + " pretrained blocks fine-tuned for "
                    + c.fineTuning().epochs() + " epochs at " + number(c.fineTuning().learningRate()));
        }
        parts.add("seed " + c.seed());
        return String.join("; ", parts);
    }

    private static String optimizer(OptimizerSettings o) {
        String name = o.type().equals("sgd")
                ? "SGD with Nesterov momentum " + number(o.momentum()) : "Adam";
        return name + ", learning rate " + number(o.learningRate())
                + (o.weightDecay() > 0 ? ", weight decay " + number(o.weightDecay()) : "");
    }

    private static String schedule(TrainingConfig c) {
        return switch (c.schedule()) {
            case CONSTANT -> "constant learning rate";
            case COSINE -> "cosine schedule down to " + number(c.minLearningRate());
            case PLATEAU -> "plateau schedule (x" + number(c.plateauFactor()) + " after " + c.plateauPatience()
                    + " epochs without a better validation accuracy, down to " + number(c.minLearningRate()) + ")";
        };
    }

    private static String augmentation(TrainingConfig c) {
        String preset = c.augmentation().presetName();
        return switch (preset) {
            case "none" -> "no augmentation";
            case "custom" -> "custom augmentation";
            default -> preset + " augmentation";
        };
    }

    /** 0.0001 rather than 1.0E-4, 0.9 rather than 0.90000. */
    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
