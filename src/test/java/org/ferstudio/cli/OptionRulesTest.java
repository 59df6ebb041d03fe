package org.ferstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Numeric options out of range are refused by their own names, before any data or backend loads. */
class OptionRulesTest {

    @TempDir
    Path tmp;

    @Test
    void outOfRangeValuesAreRefusedByTheOptionsName() throws IOException {
        Path csv = Files.writeString(tmp.resolve("x.csv"), "emotion,pixels,Usage\n");
        String data = csv.toString();
        String out = tmp.resolve("m").toString();
        String[][] cases = {
            {"--val-fraction must be above 0 and below 1, got 1.5", "train", "--data", data, "--out", out, "--val-fraction", "1.5"},
            {"--max-train-rows must be 0 (all rows) or more, got -3", "train", "--data", data, "--out", out, "--max-train-rows", "-3"},
            {"--epochs must be 1 or more, got 0", "train", "--data", data, "--out", out, "--epochs", "0"},
            {"--lr must be above 0 (and below 10), got NaN", "train", "--data", data, "--out", out, "--lr", "NaN"},
            {"--test-fraction must be 0 or more, below 1, got -0.1", "validate", "--data", data, "--test-fraction", "-0.1"},
            {"--val-fraction and --test-fraction together must be below 1, got 0.6 + 0.5", "evaluate", "--model", out,
                "--data", data, "--val-fraction", "0.6", "--test-fraction", "0.5"},
            {"--min-face must be 1 or more, got 0", "predict", "--min-face", "0", data},
            {"--smooth must be 0 (off) to 0.95, got 1", "video", "--smooth", "1", data},
            {"--camera must be 0 (the first camera) or more, got -1", "video", "--camera", "-1"},
            {"--reps must be 1 or more, got 0", "benchmark", "--reps", "0"},
        };
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);

            CliRun r = CliRun.of(args);

            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().lines().findFirst()).as(String.join(" ", args)).hasValue(c[0]);
        }
        assertThat(tmp.resolve("m")).doesNotExist();
    }

    @Test
    void theHelpSaysThatZeroRowsMeansAll() {
        assertThat(CliRun.of("train", "--help").out()).contains("0 = all");
    }
}
