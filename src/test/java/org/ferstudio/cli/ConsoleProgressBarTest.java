package org.ferstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConsoleProgressBarTest {

    private static final long SECOND = 1_000_000_000L;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private long now;

    private ConsoleProgressBar bar(boolean terminal, long totalItems) {
        return new ConsoleProgressBar("train", totalItems, out, terminal, () -> now);
    }

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void rendersBarPercentRateEtaAndMessage() {
        ConsoleProgressBar bar = bar(false, 1000);
        bar.report(0, "starting");
        now = 10 * SECOND;
        bar.report(0.45, "epoch 3/10");

        assertThat(lines()).containsExactly(
                "train [....................] 0% starting",
                "train [#########...........] 45% 45.0 it/s ETA 0:12 epoch 3/10");
    }

    @Test
    void withoutATerminalPrintsAtMostOneLinePerFivePercent() {
        ConsoleProgressBar bar = bar(false, 0);
        for (int i = 0; i <= 1000; i++) {
            now = i * SECOND / 1000;
            bar.report(i / 1000.0, "batch " + i);
        }
        bar.done();

        assertThat(lines()).hasSize(21);
        assertThat(lines().get(1)).startsWith("train [#...................] 5% ");
        assertThat(lines().get(20)).isEqualTo("train [####################] 100% batch 1000");
    }

    @Test
    void withoutATerminalAlsoPrintsEveryTenSecondsWhenProgressIsSlow() {
        ConsoleProgressBar bar = bar(false, 0);
        bar.report(0.001, "a");
        now = 5 * SECOND;
        bar.report(0.002, "b");
        now = 11 * SECOND;
        bar.report(0.003, "c");

        assertThat(lines()).hasSize(2);
        assertThat(lines().get(1)).endsWith(" c");
    }

    @Test
    void doneFinishesWithTheLatestStateOnce() {
        ConsoleProgressBar bar = bar(false, 0);
        bar.report(0.10, "a");
        bar.report(0.12, "b");
        bar.done();
        bar.done();
        bar.report(0.5, "ignored");

        assertThat(lines()).hasSize(2);
        assertThat(lines().get(1)).isEqualTo("train [##..................] 12% b");
    }

    @Test
    void unknownAmountOfWorkShowsElapsedTime() {
        ConsoleProgressBar bar = bar(false, 0);
        bar.report(-1, "scanning");
        now = 5 * SECOND;
        bar.report(-1, "100 files");
        now = 75 * SECOND;
        bar.report(-1, "9000 files");
        bar.done();

        assertThat(lines()).containsExactly(
                "train [....................] 0:00 scanning",
                "train [....................] 1:15 9000 files");
    }

    @Test
    void onATerminalRedrawsOneLineAtMostTenTimesASecond() {
        ConsoleProgressBar bar = bar(true, 0);
        for (int i = 0; i < 100; i++) {
            now = i * SECOND / 100;
            bar.report(i / 200.0, "a long message " + i);
        }
        now = SECOND;
        bar.report(0.5, "short");
        bar.done();

        String text = bytes.toString(StandardCharsets.UTF_8);
        long redraws = text.chars().filter(c -> c == '\r').count();
        assertThat(redraws).isBetween(10L, 13L);
        assertThat(text).endsWith(System.lineSeparator()).doesNotContain("\n\r");
        String last = text.substring(text.lastIndexOf('\r') + 1).stripTrailing();
        assertThat(last).isEqualTo("train [##########..........] 50% ETA 0:01 short");
    }

    @Test
    void measuresTimeFromTheFirstReportWhateverTheClockOrigin() {
        now = -50 * SECOND;
        ConsoleProgressBar bar = bar(false, 100);
        bar.report(0, "a");
        now = -40 * SECOND;
        bar.report(0.5, "b");

        assertThat(lines().get(1)).isEqualTo("train [##########..........] 50% 5.0 it/s ETA 0:10 b");
    }

    @Test
    void doneWithoutReportsPrintsOneLine() {
        bar(false, 0).done();

        assertThat(lines()).containsExactly("train [....................] 0:00");
    }

    @Test
    void formatsClockTimes() {
        assertThat(ConsoleProgressBar.clock(42)).isEqualTo("0:42");
        assertThat(ConsoleProgressBar.clock(3599.6)).isEqualTo("1:00:00");
        assertThat(ConsoleProgressBar.clock(3725)).isEqualTo("1:02:05");
    }
}
