package org.ferstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.ferstudio.model.SampleCards;
import org.ferstudio.nets.Architectures;
import org.ferstudio.nets.NetworkSpec;
import org.ferstudio.store.ModelStore;
import org.ferstudio.testutil.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {

    @TempDir
    Path tmp;

    @Test
    void annotatesEveryPhotoEvenWithTheSameNameAndReportsBadFiles() throws IOException {
        Path photo = SharedData.photo("2008_002506.jpg");
        Path model = tmp.resolve("model");
        ModelStore.save(model, Architectures.byId("cnn3").build(NetworkSpec.forInference(7)), SampleCards.complete());
        Files.createDirectories(tmp.resolve("a"));
        Files.createDirectories(tmp.resolve("b"));
        Files.copy(photo, tmp.resolve("a/group.jpg"));
        Files.copy(photo, tmp.resolve("b/group.jpg"));
        Files.writeString(tmp.resolve("b/broken.jpg"), "not a picture");

        CliRun r = CliRun.of("predict", "--model", model.toString(), "--annotate", tmp.resolve("out").toString(),
                tmp.resolve("a").toString(), tmp.resolve("b").toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("group.jpg (500x375): 3 faces").contains("broken.jpg: error:")
                .contains("not an image");
        try (var files = Files.list(tmp.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("group.annotated.png", "group-2.annotated.png");
        }
    }

    @Test
    void aMissingPathATextFileAndAWebPEachGetTheirAnswerAndTheBatchGoesOn() throws IOException {
        Path model = tmp.resolve("model");
        ModelStore.save(model, Architectures.byId("cnn3").build(NetworkSpec.forInference(7)), SampleCards.complete());
        Path webp = tmp.resolve("photo.webp");
        try (var in = PredictCommandTest.class.getResourceAsStream("/org/ferstudio/vision/skin-blue-lossy.webp")) {
            Files.write(webp, in.readAllBytes());
        }
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "chosen by name");
        Path missing = tmp.resolve("gone");

        CliRun r = CliRun.of("predict", "--model", model.toString(), missing.toString(), notes.toString(),
                webp.toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("photo.webp (64x24): no face found")
                .contains("cannot load image " + notes + ": unsupported format .txt")
                .contains("cannot search " + missing + ": no such file or folder");
    }

    @Test
    void onlyMissingPathsAreReportedWithoutLoadingAModel() {
        Path missing = tmp.resolve("gone.jpg");

        CliRun r = CliRun.of("predict", "--model", tmp.resolve("no-model").toString(), missing.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("error: cannot search " + missing + ": no such file or folder");
    }

    @Test
    void yunetGivesOneTwoAndThreeFacesWithLandmarksAndTheSmileIsHappy() throws IOException {
        Path photos = SharedData.photo("obama.jpg").getParent();

        CliRun r = CliRun.of("predict", "--detector", "yunet", "--json", photos.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode files = new ObjectMapper().readTree(r.out());
        Map<String, JsonNode> byName = new HashMap<>();
        files.forEach(f -> byName.put(Path.of(f.get("file").asText()).getFileName().toString(), f));
        assertThat(byName.get("obama.jpg").get("faces")).hasSize(1);
        assertThat(byName.get("two_people.jpg").get("faces")).hasSize(2);
        assertThat(byName.get("2008_002506.jpg").get("faces")).hasSize(3);
        assertThat(byName.get("obama.jpg").get("faces").get(0).get("label").asText()).isEqualTo("Happy");
        files.forEach(f -> {
            assertThat(f.get("detector").asText()).isEqualTo("yunet");
            f.get("faces").forEach(face -> {
                assertThat(face.get("score").asDouble()).isBetween(0.8, 1.0);
                assertThat(face.get("landmarks")).hasSize(5);
            });
        });
    }

    @Test
    void haarStaysOneOptionAwayAndItsCsvKeepsTheOldColumnsFirst() {
        Path group = SharedData.photo("2008_002506.jpg");

        CliRun r = CliRun.of("predict", "--detector", "haar", "--csv", group.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).startsWith("file,face,x,y,w,h,label,confidence,Angry,").contains(",error,detector,score,");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).contains(",haar,,");
    }

    @Test
    void anUnknownDetectorIsRefusedNamingTheChoices() {
        CliRun r = CliRun.of("predict", "--detector", "dlib", SharedData.photo("obama.jpg").toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--detector").contains("dlib");
    }
}
