package org.ferstudio.train;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.ferstudio.nets.OptimizerSettings;

/**
 * The training recipes the wizard offers: the optimiser, its learning-rate schedule, how long to train and
 * whether to keep a weight average. Everything else (architecture, batch, augmentation, balancing, seed) is
 * chosen beside the recipe, so a preset sets only its own settings on a builder.
 */
public enum RecipePreset {

    /** {@link TrainingConfig#defaults()}: Adam, the rate halved on plateaus, stops early; good in tens of epochs. */
    QUICK("Quick: Adam, stops early",
            "Adam at 0.001; the rate is halved after 4 epochs without a better validation accuracy, and training "
                    + "stops after 12 such epochs, keeping the best one. Learns fastest in the first epochs.") {
        @Override
        public TrainingConfig.Builder applyTo(TrainingConfig.Builder b) {
            TrainingConfig d = TrainingConfig.defaults();
            return b.optimizer(d.optimizer()).schedule(d.schedule()).plateauPatience(d.plateauPatience())
                    .plateauFactor(d.plateauFactor()).epochs(d.epochs()).earlyStoppingPatience(d.earlyStoppingPatience())
                    .ema(d.ema());
        }
    },

    /**
     * Issue 17's long run, after Khaireddin &amp; Chen (2021): SGD with Nesterov momentum and weight decay, the
     * rate lowered gently on plateaus, 100 epochs without early stopping, an exponential average of the weights.
     */
    LONG("Long: SGD with Nesterov momentum, 100 epochs",
            "SGD at 0.01 with Nesterov momentum 0.9 and weight decay 0.0001; the rate is lowered by a quarter after "
                    + "5 epochs without a better validation accuracy; all 100 epochs run (no early stopping), and an "
                    + "average of the weights (EMA 0.999) is kept and saved when it validates better. Slower to start "
                    + "than Adam, better after many epochs: on FER2013 half a day or more of a laptop CPU.") {
        @Override
        public TrainingConfig.Builder applyTo(TrainingConfig.Builder b) {
            return b.optimizer(new OptimizerSettings("sgd", 0.01, 0.9, 1e-4)).schedule(LrSchedule.PLATEAU)
                    .plateauPatience(5).plateauFactor(0.75).epochs(100).earlyStoppingPatience(0).ema(0.999);
        }
    };

    private final String label;
    private final String description;

    RecipePreset(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** Sets this recipe's optimiser, schedule, epochs, early stopping and weight average on {@code b}. */
    public abstract TrainingConfig.Builder applyTo(TrainingConfig.Builder b);

    /** This recipe's settings on top of the defaults. */
    public TrainingConfig config() {
        return applyTo(TrainingConfig.builder()).build();
    }

    public String label() {
        return label;
    }

    /** What the recipe does and what it costs, in a sentence or three. */
    public String description() {
        return description;
    }

    /** By name, case-insensitive ("long"); the message of a name it does not know lists the ones it does. */
    public static RecipePreset parse(String name) {
        for (RecipePreset preset : values()) {
            if (preset.name().equalsIgnoreCase(name.trim())) {
                return preset;
            }
        }
        throw new IllegalArgumentException("unknown recipe '" + name + "'; use " + Arrays.stream(values())
                .map(p -> p.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" or ")));
    }

    @Override
    public String toString() {
        return label;
    }
}
