package org.ferstudio.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ModelCardTest {

    private final ModelCard card = SampleCards.complete();

    @Test
    void aCompleteCardIsValid() {
        assertThatCode(card::validateBasics).doesNotThrowAnyException();
        assertThat(card.classLabels()).isEqualTo(ClassLabels.FER2013);
    }

    @Test
    void storesTrainingNumbersAsJsonReadsThemBack() {
        assertThat(card.training().get("seed")).isEqualTo(42);
        assertThat(card.training().get("dropout")).isEqualTo(0.25);
        assertThat(card.training()).containsEntry("notes", null);
    }

    @Test
    void rejectsTrainingValuesJsonCannotHold() {
        Map<String, Object> training = new HashMap<>();
        training.put("thread", new Object());
        assertThatThrownBy(() -> new ModelCard(1, "n", "cnn3", List.of("a", "b"), null, training, null, null, null,
                0, null, null, 0, null, null, null, 0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("training.thread");
    }

    @Test
    void membersBelongToEnsemblesOnlyAndAnEnsembleNeedsTwo() {
        ModelCard.Member a = new ModelCard.Member("a", "cnn3", 10, 12, null);
        ModelCard.Member b = new ModelCard.Member("b", "cnn3", 10, 12, 0.5);
        assertThatThrownBy(() -> card.withMembers(List.of(a, b)).validateBasics())
                .hasMessageContaining("members are set but the architecture is cnn3");
        ModelCard ensemble = new ModelCard(1, "pair", ModelCard.ENSEMBLE, card.classes(), card.input(), null, null,
                null, null, 0, null, null, 2, Map.of(), null, card.weights(), 0, null, null, List.of(a));
        assertThatThrownBy(ensemble::validateBasics).hasMessageContaining("an ensemble needs at least 2 members");
        assertThatThrownBy(() -> ensemble.withMembers(List.of(a, new ModelCard.Member("c", "cnn3", 10, 0, null)))
                .validateBasics()).hasMessageContaining("positive number of values");
        assertThatCode(() -> ensemble.withMembers(List.of(a, b)).validateBasics()).doesNotThrowAnyException();
    }

    @Test
    void isImmutable() {
        List<String> classes = new ArrayList<>(ClassLabels.FER2013.names());
        ModelCard copy = new ModelCard(1, "n", "cnn3", classes, card.input(), card.training(), card.data(), null, null,
                0, null, null, 0, card.versions(), null, card.weights(), 0, null);
        classes.add("Contempt");

        assertThat(copy.classes()).hasSize(7);
        assertThatThrownBy(() -> copy.training().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void reportsEveryMissingBasic() {
        ModelCard empty = new ModelCard(1, " ", null, List.of(), null, null, null, null, null,
                0, null, null, 0, null, null, null, 0, null);

        assertThatThrownBy(empty::validateBasics)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name is missing")
                .hasMessageContaining("architecture is missing")
                .hasMessageContaining("classes are missing")
                .hasMessageContaining("input is missing")
                .hasMessageContaining("weights are missing");
    }

    @Test
    void rejectsANewerFormat() {
        ModelCard future = new ModelCard(2, card.name(), card.architecture(), card.classes(), card.input(),
                card.training(), card.data(), card.validation(), card.test(), card.trainingSeconds(), card.bestEpoch(),
                card.hardware(), card.threads(), card.versions(), card.created(), card.weights(), card.parameters(),
                card.mflops());

        assertThatThrownBy(future::validateBasics).hasMessageContaining("card format 2 is newer");
    }

    @Test
    void aClassRemovedFromTheListIsNamedAloneNotAllSeven() {
        ModelCard sample = SampleCards.complete();
        List<String> six = sample.classes().stream().filter(c -> !c.equals("Disgust")).toList();
        ModelCard edited = new ModelCard(sample.formatVersion(), sample.name(), sample.architecture(), six,
                sample.input(), sample.training(), sample.data(), sample.validation(), sample.test(),
                sample.trainingSeconds(), sample.bestEpoch(), sample.hardware(), sample.threads(), sample.versions(),
                sample.created(), sample.weights(), sample.parameters(), sample.mflops(), sample.inference(),
                sample.members());

        assertThatThrownBy(edited::validateBasics)
                .hasMessageContaining("validation: recall is given for Disgust, which is not one of the classes " + six)
                .hasMessageNotContaining("unknown");
    }

    @Test
    void rejectsInconsistentDetails() {
        ModelCard bad = new ModelCard(1, "n", "cnn3", List.of("Happy", "Happy"),
                new ModelCard.Input(48, 0, 1, "grey"), null, null,
                new ModelCard.Metrics(1.5, 0.5, 10, Map.of("Contempt", 0.5), "test", "none"), null,
                0, null, null, 0, null, "yesterday", new ModelCard.Weights("m.zip", "xyz", 10, 100), 99, null);

        assertThatThrownBy(bad::validateBasics)
                .hasMessageContaining("unique")
                .hasMessageContaining("input size must be positive, got 48x0x1")
                .hasMessageContaining("validation: accuracy must be in 0..1")
                .hasMessageContaining("recall is given for Contempt, which is not one of the classes [Happy, Happy]")
                .hasMessageContaining("weights.sha256")
                .hasMessageContaining("disagree")
                .hasMessageContaining("created");
    }

    @Test
    void withersChangeOnlyTheirField() {
        ModelCard.Metrics test = ModelCard.Metrics.of(
                new MetricsSummary(0.6, 0.55, 3589, Map.of("Happy", 0.8)), "PrivateTest", "hflip");

        ModelCard changed = card.withName("renamed").withTest(test);

        assertThat(changed.name()).isEqualTo("renamed");
        assertThat(changed.test()).isEqualTo(test);
        assertThat(changed.withName(card.name()).withTest(null)).isEqualTo(card);
        ModelCard.Weights weights = new ModelCard.Weights("w.zip", "c".repeat(64), 1, 2);
        assertThat(card.withWeights(weights).weights()).isEqualTo(weights);
        assertThat(card.withValidation(null).validation()).isNull();
    }
}
