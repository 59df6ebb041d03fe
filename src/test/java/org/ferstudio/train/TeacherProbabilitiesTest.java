package org.ferstudio.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ferstudio.data.FaceImages;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.model.ModelCard;
import org.ferstudio.nets.Architectures;
import org.ferstudio.nets.FaceClassifier;
import org.ferstudio.nets.FerNetwork;
import org.ferstudio.nets.NetworkSpec;
import org.ferstudio.nets.OptimizerSettings;
import org.ferstudio.store.ArrayFile;
import org.ferstudio.store.ModelLoadException;
import org.ferstudio.store.ModelStore;
import org.ferstudio.task.ProgressReporter;
import org.ferstudio.testutil.SyntheticFaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeacherProbabilitiesTest {

    private static final FaceImages ROWS = SyntheticFaces.make(40, 4);

    @TempDir
    Path tmp;

    /** A randomly initialised cnn3 saved as a model folder whose card chooses {@code tta} for photos. */
    static Path saveTeacher(Path dir, long seed, List<String> classes, String tta) throws IOException {
        FerNetwork net = Architectures.byId("cnn3").build(new NetworkSpec(classes.size(), seed,
                OptimizerSettings.adam(1e-3), List.of()));
        return saveTeacher(dir, net, classes, tta);
    }

    static Path saveTeacher(Path dir, FerNetwork net, List<String> classes, String tta) throws IOException {
        ModelCard card = new ModelCard(ModelCard.FORMAT_VERSION, dir.getFileName().toString(), "cnn3", classes,
                new ModelCard.Input(48, 48, 1, "test"), Map.of(), null, null, null, 0, null, null, 1, Map.of(),
                "2026-01-01T00:00:00Z", null, 0, null,
                new ModelCard.Inference(tta, "none", Map.of(), Map.of(), 1), null);
        ModelStore.save(dir, net, card);
        return dir;
    }

    private static Distillation teachers(String tta, Path... dirs) throws IOException {
        List<Distillation.Teacher> list = new ArrayList<>();
        for (Path d : dirs) {
            list.add(Distillation.describe(d, tta));
        }
        return new Distillation(list, 1, 1);
    }

    private static float[] direct(Path teacher, TestTimeAugmentation tta) throws IOException {
        float[][] p = new FaceClassifier(ModelStore.load(teacher).network()).classify(ROWS, tta, ProgressReporter.NONE);
        float[] flat = new float[p.length * p[0].length];
        for (int i = 0; i < p.length; i++) {
            System.arraycopy(p[i], 0, flat, i * p[i].length, p[i].length);
        }
        return flat;
    }

    @Test
    void theKeyChangesWithTheRowsTheirLabelsTheTeachersWeightsAndAugmentation() throws IOException {
        Path a = saveTeacher(tmp.resolve("a"), 1, SyntheticFaces.LABELS.names(), "none");
        Path b = saveTeacher(tmp.resolve("b"), 2, SyntheticFaces.LABELS.names(), "none");
        ClassLabels labels = SyntheticFaces.LABELS;
        String key = TeacherProbabilities.key(teachers("none", a), labels, ROWS);

        assertThat(TeacherProbabilities.key(teachers("none", a), labels, SyntheticFaces.make(40, 4)))
                .as("the same rows again").isEqualTo(key);
        FaceImages onePixel = SyntheticFaces.make(40, 4);
        byte[] face = onePixel.image(17);
        face[100]++;
        FaceImages changed = new FaceImages(40);
        for (int i = 0; i < 40; i++) {
            changed.add(i == 17 ? face : onePixel.image(i), onePixel.label(i));
        }
        assertThat(TeacherProbabilities.key(teachers("none", a), labels, changed)).as("one pixel").isNotEqualTo(key);
        FaceImages relabelled = new FaceImages(40);
        for (int i = 0; i < 40; i++) {
            relabelled.add(ROWS.image(i), i == 3 ? (ROWS.label(i) + 1) % 3 : ROWS.label(i));
        }
        assertThat(TeacherProbabilities.key(teachers("none", a), labels, relabelled)).as("one label").isNotEqualTo(key);
        assertThat(TeacherProbabilities.key(teachers("none", b), labels, ROWS)).as("other weights").isNotEqualTo(key);
        assertThat(TeacherProbabilities.key(teachers("flip", a), labels, ROWS)).as("teacher TTA").isNotEqualTo(key);
        assertThat(TeacherProbabilities.key(teachers("none", a, b), labels, ROWS)).as("a second teacher")
                .isNotEqualTo(key);
        assertThat(TeacherProbabilities.key(teachers("none", a), labels, ROWS.head(39))).as("a row fewer")
                .isNotEqualTo(key);
    }

    @Test
    void computesOnceThenReadsTheCacheEvenWhenTheTeacherFolderIsGone() throws IOException {
        Path a = saveTeacher(tmp.resolve("a"), 1, SyntheticFaces.LABELS.names(), "flip");
        Distillation d = teachers("model", a);
        assertThat(d.teachers().get(0).tta()).as("the card's choice").isEqualTo("flip");
        TeacherProbabilities cache = new TeacherProbabilities(tmp.resolve("cache"));
        List<Double> reported = new ArrayList<>();
        float[] first = cache.of(d, SyntheticFaces.LABELS, ROWS, (f, m) -> reported.add(f));

        assertThat(first).containsExactly(direct(a, TestTimeAugmentation.FLIP));
        assertThat(reported).isNotEmpty().last().isEqualTo(1.0);
        String key = TeacherProbabilities.key(d, SyntheticFaces.LABELS, ROWS);
        assertThat(tmp.resolve("cache").resolve(key + ".teacher")).exists();
        assertThat(tmp.resolve("cache").resolve(key + ".json")).exists();

        // a resumed run reads its entry without loading the teacher again
        Files.delete(a.resolve(ModelStore.WEIGHTS_FILE));
        assertThat(cache.of(d, SyntheticFaces.LABELS, ROWS, ProgressReporter.NONE)).containsExactly(first);
    }

    @Test
    void aDamagedOrMismatchingEntryIsComputedAgain() throws IOException {
        Path a = saveTeacher(tmp.resolve("a"), 1, SyntheticFaces.LABELS.names(), "none");
        Distillation d = teachers("none", a);
        TeacherProbabilities cache = new TeacherProbabilities(tmp.resolve("cache"));
        float[] good = cache.of(d, SyntheticFaces.LABELS, ROWS, ProgressReporter.NONE);
        String key = TeacherProbabilities.key(d, SyntheticFaces.LABELS, ROWS);
        Path values = tmp.resolve("cache").resolve(key + ".teacher");
        Path info = tmp.resolve("cache").resolve(key + ".json");

        // one value changed, still a valid array file: only the checksum tells
        float[] altered = good.clone();
        altered[5] = altered[5] * 0.5f;
        ArrayFile.write(values, altered);
        assertThat(cache.of(d, SyntheticFaces.LABELS, ROWS, ProgressReporter.NONE)).containsExactly(good);
        assertThat(ArrayFile.read(values)).containsExactly(good);

        // truncated
        byte[] bytes = Files.readAllBytes(values);
        Files.write(values, java.util.Arrays.copyOf(bytes, bytes.length - 7));
        assertThat(cache.of(d, SyntheticFaces.LABELS, ROWS, ProgressReporter.NONE)).containsExactly(good);

        // values of other rows under this name, their description consistent with them
        String goodSha = ModelStore.sha256(values);
        ArrayFile.write(values, java.util.Arrays.copyOf(good, good.length - 3));
        assertThat(info).content().contains("\"rows\": 40", goodSha);
        Files.writeString(info, Files.readString(info).replace("\"rows\": 40", "\"rows\": 39")
                .replace(goodSha, ModelStore.sha256(values)));
        assertThat(cache.of(d, SyntheticFaces.LABELS, ROWS, ProgressReporter.NONE)).containsExactly(good);

        // the description gone, or not JSON
        Files.delete(info);
        assertThat(cache.of(d, SyntheticFaces.LABELS, ROWS, ProgressReporter.NONE)).containsExactly(good);
        Files.writeString(info, "{not json");
        assertThat(cache.of(d, SyntheticFaces.LABELS, ROWS, ProgressReporter.NONE)).containsExactly(good);
        assertThat(info).content().contains(key);
    }

    @Test
    void severalTeachersAreAveragedInTheDatasClassOrder() throws IOException {
        List<String> reversed = List.of("left", "bottom", "top");
        Path a = saveTeacher(tmp.resolve("a"), 1, SyntheticFaces.LABELS.names(), "none");
        Path b = saveTeacher(tmp.resolve("b"), 2, reversed, "none");
        float[] pa = direct(a, TestTimeAugmentation.NONE);
        float[] pb = direct(b, TestTimeAugmentation.NONE);

        float[] mean = new TeacherProbabilities(tmp.resolve("cache")).of(teachers("none", a, b), SyntheticFaces.LABELS,
                ROWS, ProgressReporter.NONE);

        for (int i = 0; i < ROWS.size(); i++) {
            for (int c = 0; c < 3; c++) {
                // teacher b's unit 2 - c is the data's class c
                assertThat(mean[i * 3 + c]).isCloseTo((pa[i * 3 + c] + pb[i * 3 + 2 - c]) / 2, within(1e-6f));
            }
        }
    }

    @Test
    void aTeacherWithOtherClassesOrChangedSinceTheRunBeganIsRefused() throws IOException {
        Path other = saveTeacher(tmp.resolve("other"), 1, List.of("top", "bottom", "right"), "none");
        TeacherProbabilities cache = new TeacherProbabilities(tmp.resolve("cache"));
        assertThatThrownBy(() -> cache.of(teachers("none", other), SyntheticFaces.LABELS, ROWS, ProgressReporter.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("teacher other")
                .hasMessageContaining("[top, bottom, right]")
                .hasMessageContaining("the model has no left")
                .hasMessageContaining("the data has no right");

        Path a = saveTeacher(tmp.resolve("a"), 1, SyntheticFaces.LABELS.names(), "none");
        Distillation before = teachers("none", a);
        saveTeacher(a, 3, SyntheticFaces.LABELS.names(), "none");
        assertThatThrownBy(() -> cache.of(before, SyntheticFaces.LABELS, ROWS, ProgressReporter.NONE))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("changed since this run began");
    }
}
