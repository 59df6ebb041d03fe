package org.ferstudio.train;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ferstudio.nets.Architectures;
import org.junit.jupiter.api.Test;

class StartingWeightsTest {

    @Test
    void aTransferArchitectureCannotStartFromATrainedModel() {
        assertThatThrownBy(() -> StartingWeights.requireOneStage(Architectures.byId("mobilenet")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mobilenet starts from its pretrained base");
    }

    @Test
    void anArchitectureTrainedInOneStageCan() {
        assertThatCode(() -> StartingWeights.requireOneStage(Architectures.byId("cnn3"))).doesNotThrowAnyException();
    }
}
