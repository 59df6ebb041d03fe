package org.ferstudio.cli;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.ferstudio.train.TrainingConfig;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code train} options' defaults, read from {@link TrainingConfig#defaults()} so that the help and an
 * option left out show the values the wizard and the library use, written down once in
 * {@link TrainingConfig.Builder}. Options not named here keep their own annotation default.
 */
public final class TrainingDefaults implements IDefaultValueProvider {

    private static final TrainingConfig D = TrainingConfig.defaults();

    private static final Map<String, Function<TrainingConfig, Object>> BY_OPTION = Map.ofEntries(
            Map.entry("--arch", TrainingConfig::architecture),
            Map.entry("--epochs", TrainingConfig::epochs),
            Map.entry("--batch", TrainingConfig::batchSize),
            Map.entry("--optimizer", c -> c.optimizer().type()),
            Map.entry("--momentum", c -> c.optimizer().momentum()),
            Map.entry("--weight-decay", c -> c.optimizer().weightDecay()),
            Map.entry("--schedule", c -> c.schedule().name().toLowerCase(Locale.ROOT)),
            Map.entry("--plateau-patience", TrainingConfig::plateauPatience),
            Map.entry("--plateau-factor", TrainingConfig::plateauFactor),
            Map.entry("--min-lr", TrainingConfig::minLearningRate),
            Map.entry("--label-smoothing", TrainingConfig::labelSmoothing),
            Map.entry("--early-stopping", TrainingConfig::earlyStoppingPatience),
            Map.entry("--augment", c -> c.augmentation().presetName()),
            Map.entry("--ema", TrainingConfig::ema),
            Map.entry("--balance", c -> c.balancing().name().toLowerCase(Locale.ROOT)),
            Map.entry("--seed", TrainingConfig::seed));

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (argSpec instanceof OptionSpec option) {
            Function<TrainingConfig, Object> value = BY_OPTION.get(option.longestName());
            return value == null ? null : String.valueOf(value.apply(D));
        }
        return null;
    }
}
