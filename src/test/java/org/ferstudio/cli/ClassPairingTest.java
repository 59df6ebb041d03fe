package org.ferstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.model.ModelCard;
import org.ferstudio.model.SampleCards;
import org.ferstudio.nets.Architectures;
import org.ferstudio.nets.NetworkSpec;
import org.ferstudio.store.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model and a dataset are paired by class name, never by position (issue 18, item 5). */
class ClassPairingTest {

    private static final List<String> WITH_CONTEMPT =
            List.of("angry", "contempt", "disgust", "fear", "happy", "neutral", "sad", "surprise");

    @TempDir
    Path tmp;

    @Test
    void evaluateRefusesAModelWhoseClassesDifferFromTheCsvsNamingBoth() throws IOException {
        Path model = folderModel("with-contempt", WITH_CONTEMPT);
        Path csv = fer2013Csv();

        CliRun r = CliRun.of("evaluate", "--model", model.toString(), "--data", csv.toString(), "--split", "PublicTest");

        assertThat(r.exit()).as(r.out()).isNotZero();
        assertThat(r.err()).contains("has the classes " + WITH_CONTEMPT)
                .contains("has " + ClassLabels.FER2013.names())
                .contains("the data has no contempt")
                .contains("--labels");
    }

    @Test
    void evaluatePairsTheSameClassesInAnotherOrderByName() throws IOException {
        List<String> sorted = new ArrayList<>(ClassLabels.FER2013.names().stream().map(String::toLowerCase).toList());
        Collections.sort(sorted);
        Path model = folderModel("lower-sorted", sorted);
        Path csv = fer2013Csv();

        CliRun r = CliRun.of("evaluate", "--model", model.toString(), "--data", csv.toString(), "--split", "PublicTest");

        assertThat(r.exit()).as(r.err()).isZero();
        // the CSV's Sad rows (label 4) are counted as the model's "sad", not as its 5th class "neutral"
        assertThat(r.out()).containsPattern("sad\\s+\\S+\\s+\\S+\\s+\\S+\\s+2\\b");
    }

    private Path folderModel(String name, List<String> classes) throws IOException {
        Path dir = tmp.resolve(name);
        ModelCard sample = SampleCards.complete();
        ModelCard card = new ModelCard(sample.formatVersion(), name, "cnn3", classes, sample.input(), sample.training(),
                new ModelCard.DataInfo("faces", "a".repeat(64), Map.of("train", 10), "folders"), null, null, 60, null,
                sample.hardware(), 1, sample.versions(), sample.created(), sample.weights(), 0, null, null, null);
        ModelStore.save(dir, Architectures.byId("cnn3").build(NetworkSpec.forInference(classes.size())), card);
        return dir;
    }

    /** Two Sad rows (label 4) and one Disgust row (label 1), all in PublicTest. */
    private Path fer2013Csv() throws IOException {
        String pixels = String.join(" ", Collections.nCopies(48 * 48, "128"));
        return Files.write(tmp.resolve("fer.csv"), List.of("emotion,pixels,Usage", "4," + pixels + ",PublicTest",
                "4," + pixels + ",PublicTest", "1," + pixels + ",PublicTest"));
    }
}
