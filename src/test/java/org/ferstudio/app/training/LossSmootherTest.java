package org.ferstudio.app.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class LossSmootherTest {

    @Test
    void startsAtTheFirstLossAndFollowsTheTrend() {
        LossSmoother smoother = new LossSmoother(0.9);
        assertThat(smoother.value()).isNaN();

        assertThat(smoother.add(2.0)).as("bias-corrected, not 0.2").isCloseTo(2.0, offset(1e-12));
        assertThat(smoother.add(1.0)).isCloseTo((0.9 * 0.2 + 0.1) / (1 - 0.81), offset(1e-12));
        double before = smoother.value();
        assertThat(smoother.add(Double.NaN)).as("a NaN loss is skipped").isEqualTo(before);
        for (int i = 0; i < 200; i++) {
            smoother.add(1.0);
        }
        assertThat(smoother.value()).isCloseTo(1.0, offset(1e-6));

        smoother.reset();
        assertThat(smoother.value()).isNaN();
    }
}
