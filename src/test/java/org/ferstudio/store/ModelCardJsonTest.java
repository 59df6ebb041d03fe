package org.ferstudio.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ferstudio.io.Json;
import org.ferstudio.model.ModelCard;
import org.ferstudio.model.SampleCards;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCardJsonTest {

    @TempDir
    Path dir;

    @Test
    void aCardEqualsItselfAfterWriteAndRead() throws IOException {
        ModelCard card = SampleCards.complete();
        Path file = dir.resolve("model.json");

        Json.write(file, card);
        ModelCard back = Json.read(file, ModelCard.class);

        assertThat(back).isEqualTo(card);
        assertThat(back.training()).containsExactlyEntriesOf(card.training());
        assertThat(back.data().splitSizes()).containsExactlyEntriesOf(card.data().splitSizes());
        assertThat(back.inference().msPerFace()).containsExactlyEntriesOf(card.inference().msPerFace());
    }

    @Test
    void readsACardWrittenBeforeTheInferenceBlockExisted() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(Json.toJson(SampleCards.complete()));
        tree.remove("inference");
        String json = tree.toString();
        assertThat(json).doesNotContain("inference").doesNotContain("tencrop");

        ModelCard old = Json.fromJson(json, ModelCard.class);
        old.validateBasics();
        assertThat(old.inference()).isNull();
        assertThat(old.withInference(SampleCards.complete().inference())).isEqualTo(SampleCards.complete());
    }

    @Test
    void writesReadableJson() throws IOException {
        Path file = dir.resolve("model.json");
        Json.write(file, SampleCards.complete());

        assertThat(Files.readString(file))
                .contains("\"formatVersion\": 1")
                .contains("\"created\": \"2024-05-01T12:00:00Z\"")
                .contains("\"test\": null");
    }

    @Test
    void readsACardFromANewerAppThatAddedFields() throws IOException {
        String json = Json.toJson(SampleCards.complete()).replaceFirst("\\{", "{ \"gpu\": \"RTX\", ");

        assertThat(Json.fromJson(json, ModelCard.class)).isEqualTo(SampleCards.complete());
    }
}
