package org.ferstudio.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ModelNamesTest {

    private static final LocalDateTime TIME = LocalDateTime.of(2025, 11, 23, 15, 30, 12);

    @Test
    void suggestionsAreSafeNamesFromArchitectureDataAndTime() {
        assertThat(ModelNames.suggest("cnn3", "fer2013.csv.gz", TIME)).isEqualTo("cnn3-fer2013-20251123-153012");
        assertThat(ModelNames.suggest("cnn3", "My Faces (v2).csv", TIME)).isEqualTo("cnn3-My-Faces-v2-20251123-153012");
        assertThat(ModelNames.suggest("cnn3", "..", TIME)).isEqualTo("cnn3-model-20251123-153012");
        String longName = ModelNames.suggest("a".repeat(40), "b".repeat(80) + ".csv", TIME);
        assertThat(longName).hasSizeLessThanOrEqualTo(ModelNames.MAX_LENGTH);
        assertThat(ModelNames.problem(longName)).isEmpty();
    }

    @Test
    void problemsAreExplained() {
        assertThat(ModelNames.problem("")).hasValue("Enter a name for the model.");
        assertThat(ModelNames.problem("a b")).get().asString().contains("letters, digits");
        assertThat(ModelNames.problem("LPT1")).get().asString().contains("reserved by Windows");
        assertThat(ModelNames.problem("model.")).get().asString().contains("dot");
    }
}
