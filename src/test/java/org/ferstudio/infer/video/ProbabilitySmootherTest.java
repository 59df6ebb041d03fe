package org.ferstudio.infer.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProbabilitySmootherTest {

    private static final float[] A = {0.8f, 0.1f, 0.1f};
    private static final float[] B = {0.0f, 1.0f, 0.0f};

    @Test
    void alphaZeroReturnsTheInputUnchanged() {
        ProbabilitySmoother off = new ProbabilitySmoother(0);
        assertThat(off.smooth(1, A)).containsExactly(A);
        assertThat(off.smooth(1, B)).containsExactly(B);
    }

    @Test
    void theFirstFrameOfATrackIsTakenAsItIsThenThePastWeighsAlpha() {
        ProbabilitySmoother s = new ProbabilitySmoother(0.75);
        assertThat(s.smooth(1, A)).containsExactly(A);
        float[] second = s.smooth(1, B);
        assertThat(second[0]).isCloseTo(0.6f, within(1e-6f));
        assertThat(second[1]).isCloseTo(0.325f, within(1e-6f));
        assertThat(second[2]).isCloseTo(0.075f, within(1e-6f));
        float[] third = s.smooth(1, B);
        assertThat(third[1]).isCloseTo(0.75f * 0.325f + 0.25f, within(1e-6f));
        assertThat(third[0] + third[1] + third[2]).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void tracksAreSmoothedIndependently() {
        ProbabilitySmoother s = new ProbabilitySmoother(0.5);
        s.smooth(1, A);
        assertThat(s.smooth(2, B)).as("a new track starts fresh").containsExactly(B);
        assertThat(s.smooth(1, A)).containsExactly(A);
        assertThat(s.trackCount()).isEqualTo(2);
    }

    @Test
    void forgettingATrackDropsItsState() {
        ProbabilitySmoother s = new ProbabilitySmoother(0.9);
        s.smooth(1, A);
        s.smooth(2, A);
        s.forget(List.of(1));
        assertThat(s.trackCount()).isEqualTo(1);
        assertThat(s.smooth(1, B)).containsExactly(B);
    }

    @Test
    void theCallersArraysAreNeitherKeptNorShared() {
        ProbabilitySmoother s = new ProbabilitySmoother(0.5);
        float[] input = A.clone();
        float[] out = s.smooth(1, input);
        input[0] = 0;
        out[1] = 42;
        assertThat(s.smooth(1, A)).containsExactly(A);
    }

    @Test
    void aChangedWeightAppliesToTheNextFrameFromTheTracksState() {
        ProbabilitySmoother s = new ProbabilitySmoother(0);
        s.smooth(1, A);
        s.setAlpha(0.75);
        assertThat(s.alpha()).isEqualTo(0.75);
        float[] smoothed = s.smooth(1, B);
        assertThat(smoothed[0]).as("the state is the last frame's output").isCloseTo(0.6f, within(1e-6f));
        s.setAlpha(0);
        assertThat(s.smooth(1, A)).containsExactly(A);
        assertThatThrownBy(() -> s.setAlpha(1)).hasMessageContaining("below 1");
        assertThat(s.alpha()).as("a refused weight changes nothing").isZero();
    }

    @Test
    void alphaMustBeBelowOne() {
        assertThatThrownBy(() -> new ProbabilitySmoother(1)).hasMessageContaining("below 1");
        assertThatThrownBy(() -> new ProbabilitySmoother(-0.1)).hasMessageContaining("at least 0");
        assertThatThrownBy(() -> new ProbabilitySmoother(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
