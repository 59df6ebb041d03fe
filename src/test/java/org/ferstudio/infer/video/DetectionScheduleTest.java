package org.ferstudio.infer.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionScheduleTest {

    /** Runs {@code frames} frames costing {@code detectMs} / {@code classifyMs}; returns which detected. */
    private static List<Boolean> run(DetectionSchedule schedule, int frames, double detectMs, double classifyMs) {
        List<Boolean> detected = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            boolean d = schedule.detectNext();
            schedule.record(d, d ? detectMs : classifyMs);
            detected.add(d);
        }
        return detected;
    }

    @Test
    void aFixedIntervalIsObeyedWhateverTheCost() {
        assertThat(run(new DetectionSchedule(3, 40), 7, 500, 1))
                .containsExactly(true, false, false, true, false, false, true);
        assertThat(run(new DetectionSchedule(1, 40), 3, 500, 1)).containsOnly(true);
    }

    @Test
    void automaticDetectsOnEveryFrameWhileThatKeepsUp() {
        DetectionSchedule auto = new DetectionSchedule(0, 40);
        assertThat(run(auto, 10, 30, 5)).containsOnly(true);
        assertThat(auto.interval()).isEqualTo(1);
    }

    @Test
    void automaticSpreadsDetectionsWhenTheyAreTooSlow() {
        DetectionSchedule two = new DetectionSchedule(0, 40);
        run(two, 20, 60, 10);
        assertThat(two.interval()).as("(60 + 10) / 2 fits 40 ms").isEqualTo(2);

        DetectionSchedule three = new DetectionSchedule(0, 40);
        List<Boolean> detected = run(three, 30, 150, 10);
        assertThat(three.interval()).as("nothing fits: the most allowed").isEqualTo(DetectionSchedule.MAX_AUTO_INTERVAL);
        assertThat(detected.subList(24, 30)).containsExactly(true, false, false, true, false, false);
    }

    @Test
    void automaticComesBackToEveryFrameWhenDetectionGetsFast() {
        DetectionSchedule auto = new DetectionSchedule(0, 40);
        run(auto, 20, 150, 10);
        run(auto, 60, 20, 5);
        assertThat(auto.interval()).isEqualTo(1);
    }

    @Test
    void negativeIntervalsAreRejected() {
        assertThatThrownBy(() -> new DetectionSchedule(-1, 40)).hasMessageContaining("automatic");
    }
}
