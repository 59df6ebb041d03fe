package org.ferstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ferstudio.model.ModelCard;
import org.ferstudio.store.ArrayFile;
import org.ferstudio.store.ModelStore;
import org.ferstudio.task.ProgressReporter;
import org.ferstudio.testutil.SyntheticFaces;
import org.ferstudio.train.Distillation;
import org.ferstudio.train.TeacherProbabilities;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --teacher}: distillation from one model, a list of models or an ensemble model. */
class TrainDistillTest {

    @TempDir
    static Path tmp;

    static Path data;
    static Path first;
    static Path second;

    @BeforeAll
    static void trainTwoTeachers() throws IOException {
        data = SyntheticFaces.csv(tmp.resolve("synthetic.csv"), 120, 30, 30);
        first = tmp.resolve("first");
        second = tmp.resolve("second");
        for (Path teacher : List.of(first, second)) {
            CliRun run = train("--seed", teacher == first ? "1" : "3", "--out", teacher.toString());
            assertThat(run.exit()).as(run.err()).isZero();
        }
    }

    private static CliRun train(String... more) {
        return CliRun.trainSynthetic(data, more);
    }

    private static List<Path> entries(Path cache, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void distilsTwoTeachersRecordsThemInTheCardAndAResumeReusesTheCache() throws IOException {
        Path cache = tmp.resolve("cache-two");
        Path student = tmp.resolve("student");
        CliRun run = train("--teacher", first + "," + second, "--distill-weight", "0.8", "--temperature", "2",
                "--distill-cache", cache.toString(), "--seed", "5", "--out", student.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("distilling [first (TTA none), second (TTA none)]")
                .contains("W = 0.8, temperature 2.0");

        ModelCard card = ModelStore.load(student).card();
        Map<?, ?> distillation = (Map<?, ?>) card.training().get("distillation");
        assertThat(distillation.get("weight")).isEqualTo(0.8);
        assertThat(distillation.get("temperature")).isEqualTo(2.0);
        assertThat(distillation.get("teachers").toString())
                .contains("name=first", ModelStore.readCard(first).weights().sha256())
                .contains("name=second", ModelStore.readCard(second).weights().sha256());
        List<Path> values = entries(cache, ".teacher");
        assertThat(values).hasSize(1);
        FileTime written = Files.getLastModifiedTime(values.get(0));

        CliRun changed = CliRun.of("train", "--data", data.toString(), "--resume",
                tmp.resolve("student.checkpoints").toString(), "--teacher", first.toString(), "--out",
                student.toString(), "--force");
        assertThat(changed.exit()).isEqualTo(1);
        assertThat(changed.err()).contains("--teacher: a resumed run keeps the settings");

        CliRun resumed = CliRun.of("train", "--data", data.toString(), "--labels",
                String.join(",", SyntheticFaces.LABELS.names()), "--resume", tmp.resolve("student.checkpoints").toString(),
                "--epochs", "2", "--distill-cache", cache.toString(), "--tta", "none", "--no-test", "--out",
                student.toString(), "--force");
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(entries(cache, ".teacher")).containsExactlyElementsOf(values);
        assertThat(Files.getLastModifiedTime(values.get(0))).as("read, not computed again").isEqualTo(written);
        assertThat(ModelStore.load(student).card().training().get("distillation")).isEqualTo(distillation);
    }

    @Test
    void anEnsembleTeacherGivesTheSameProbabilitiesAsItsMembersListed() throws IOException {
        Path pair = tmp.resolve("pair");
        CliRun ensemble = CliRun.of("ensemble", "--member", first.toString(), "--member", second.toString(), "--data",
                data.toString(), "--no-test", "--tta", "none", "--out", pair.toString());
        assertThat(ensemble.exit()).as(ensemble.err()).isZero();
        Path pairCache = tmp.resolve("cache-pair");
        CliRun fromPair = train("--teacher", pair.toString(), "--teacher-tta", "none", "--distill-cache",
                pairCache.toString(), "--out", tmp.resolve("from-pair").toString());
        assertThat(fromPair.exit()).as(fromPair.err()).isZero();

        // the same training rows (the CSV's Training rows are these faces) with the two teachers listed
        Distillation listedTeachers = new Distillation(List.of(Distillation.describe(first, "none"),
                Distillation.describe(second, "none")), 1, 1);
        float[] listed = new TeacherProbabilities(tmp.resolve("cache-listed")).of(listedTeachers,
                SyntheticFaces.LABELS, SyntheticFaces.make(120, 10), ProgressReporter.NONE);
        float[] fromEnsemble = ArrayFile.read(entries(pairCache, ".teacher").get(0));
        assertThat(fromEnsemble).hasSameSizeAs(listed);
        for (int i = 0; i < listed.length; i++) {
            assertThat(fromEnsemble[i]).as("value %d", i).isCloseTo(listed[i], org.assertj.core.data.Offset.offset(1e-6f));
        }
        assertThat(ModelStore.load(tmp.resolve("from-pair")).card().training().get("distillation").toString())
                .contains("name=pair");
    }

    @Test
    void badTeachersAndSettingsAreRefusedWithTheirReason() throws IOException {
        CliRun orphan = train("--distill-weight", "0.3", "--out", tmp.resolve("orphan").toString());
        assertThat(orphan.exit()).isEqualTo(1);
        assertThat(orphan.err()).contains("--distill-weight set how a run distils; add --teacher MODEL");

        CliRun weight = train("--teacher", first.toString(), "--distill-weight", "0", "--out",
                tmp.resolve("w").toString());
        assertThat(weight.exit()).isEqualTo(2);
        assertThat(weight.err()).contains("--distill-weight must be above 0 and at most 1, got 0");
        CliRun temperature = train("--teacher", first.toString(), "--temperature", "-1", "--out",
                tmp.resolve("w").toString());
        assertThat(temperature.exit()).isEqualTo(2);
        assertThat(temperature.err()).contains("--temperature must be above 0 (and at most 100), got -1");

        CliRun missing = train("--teacher", tmp.resolve("nowhere").toString(), "--out", tmp.resolve("m").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("no model folder at").contains("nowhere");

        CliRun transfer = train("--arch", "mobilenet", "--teacher", first.toString(), "--out",
                tmp.resolve("t").toString());
        assertThat(transfer.exit()).isEqualTo(1);
        assertThat(transfer.err()).contains("--teacher: distillation trains architectures trained in one stage");

        Path other = tmp.resolve("other-classes");
        ModelStore.copy(first, other, "other");
        Path card = other.resolve(ModelStore.CARD_FILE);
        Files.writeString(card, Files.readString(card).replace("\"left\"", "\"right\""));
        CliRun mismatch = train("--teacher", other.toString(), "--distill-cache", tmp.resolve("c").toString(),
                "--out", tmp.resolve("mismatch").toString());
        assertThat(mismatch.exit()).isEqualTo(1);
        assertThat(mismatch.err()).contains("teacher other").contains("[top, bottom, right]")
                .contains("the model has no left").contains("the data has no right");
        assertThat(tmp.resolve("mismatch")).doesNotExist();
    }

    @Test
    void theHelpNamesTheDistillationOptions() {
        CliRun help = CliRun.of("train", "--help");
        assertThat(help.out()).contains("--teacher=MODEL", "--distill-weight=W", "--temperature=T",
                "--teacher-tta=TTA", "--distill-cache=DIR").contains("(default: 0.5)");
    }
}
