package org.ferstudio.cli;

import java.util.Locale;
import java.util.Map;
import java.util.function.DoublePredicate;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The allowed range of every numeric option, checked right after parsing, before any data or native
 * library is loaded, so a bad value is refused by the option's own name ("--val-fraction must be ..."),
 * never by an internal field name or a failure deep inside. Options of the same name mean the same
 * thing in every command, so one table serves them all.
 */
final class OptionRules {

    private record Rule(DoublePredicate allowed, String range) {
    }

    private static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("--batch", atLeast(1)),
            Map.entry("--train-batches", atLeast(1)),
            Map.entry("--infer-images", atLeast(1)),
            Map.entry("--reps", atLeast(1)),
            Map.entry("--epochs", atLeast(1)),
            Map.entry("--fine-tune-epochs", atLeast(1)),
            Map.entry("--plateau-patience", atLeast(1)),
            Map.entry("--min-face", atLeast(1)),
            Map.entry("--early-stopping", new Rule(x -> x >= 0, "0 (never stop early) or more")),
            Map.entry("--max-train-rows", new Rule(x -> x >= 0, "0 (all rows) or more")),
            Map.entry("--max-frames", new Rule(x -> x >= 0, "0 (all frames) or more")),
            Map.entry("--fine-tune-blocks", new Rule(x -> x >= 0, "0 (head only) or more")),
            Map.entry("--camera", new Rule(x -> x >= 0, "0 (the first camera) or more")),
            Map.entry("--lr", new Rule(x -> x > 0 && x < 10, "above 0 (and below 10)")),
            Map.entry("--fine-tune-lr", new Rule(x -> x > 0 && x < 10, "above 0 (and below 10)")),
            Map.entry("--min-lr", new Rule(x -> x >= 0 && x < 10, "0 or more (and below 10)")),
            Map.entry("--weight-decay", new Rule(x -> x >= 0 && x < 1, "0 or more, below 1")),
            Map.entry("--momentum", new Rule(x -> x >= 0 && x < 1, "0 or more, below 1")),
            Map.entry("--label-smoothing", new Rule(x -> x >= 0 && x < 1, "0 or more, below 1")),
            Map.entry("--distill-weight", new Rule(x -> x > 0 && x <= 1, "above 0 and at most 1")),
            Map.entry("--temperature", new Rule(x -> x > 0 && x <= 100, "above 0 (and at most 100)")),
            Map.entry("--plateau-factor", new Rule(x -> x > 0 && x < 1, "above 0 and below 1")),
            Map.entry("--val-fraction", new Rule(x -> x > 0 && x < 1, "above 0 and below 1")),
            Map.entry("--test-fraction", new Rule(x -> x >= 0 && x < 1, "0 or more, below 1")),
            Map.entry("--smooth", new Rule(x -> x >= 0 && x <= 0.95, "0 (off) to 0.95")));

    private OptionRules() {
    }

    private static Rule atLeast(int min) {
        return new Rule(x -> x >= min, min + " or more");
    }

    /**
     * Checks the options given on the command line (defaults are valid by construction) of the command and
     * its sub-command.
     *
     * @throws CommandLine.ParameterException naming the option, its allowed range and the value given
     */
    static void check(ParseResult parseResult) {
        for (ParseResult r = parseResult; r != null; r = r.subcommand()) {
            for (OptionSpec option : r.matchedOptions()) {
                Rule rule = RULES.get(option.longestName());
                Object value = option.getValue();
                if (rule != null && value instanceof Number n && !rule.allowed().test(n.doubleValue())) {
                    throw new CommandLine.ParameterException(r.commandSpec().commandLine(), String.format(Locale.ROOT,
                            "%s must be %s, got %s", option.longestName(), rule.range(), originalText(r, option)));
                }
            }
            checkFractionsTogether(r);
        }
    }

    /** The text the user typed, e.g. "1.50" rather than the parsed 1.5. */
    private static String originalText(ParseResult r, OptionSpec option) {
        var texts = r.matchedOption(option.longestName()).stringValues();
        return texts.isEmpty() ? String.valueOf(option.getValue()) : texts.get(texts.size() - 1);
    }

    private static void checkFractionsTogether(ParseResult r) {
        if (!r.commandSpec().optionsMap().containsKey("--val-fraction")
                || !r.commandSpec().optionsMap().containsKey("--test-fraction")) {
            return;
        }
        double validation = ((Number) r.commandSpec().findOption("--val-fraction").getValue()).doubleValue();
        double test = ((Number) r.commandSpec().findOption("--test-fraction").getValue()).doubleValue();
        if (!(validation + test < 1)) {
            throw new CommandLine.ParameterException(r.commandSpec().commandLine(), String.format(Locale.ROOT,
                    "--val-fraction and --test-fraction together must be below 1, got %s + %s", validation, test));
        }
    }
}
