package org.ferstudio.infer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.model.FaceBox;
import org.ferstudio.model.FaceLandmarks;
import org.ferstudio.model.FaceResult;
import org.ferstudio.model.PhotoResult;
import org.junit.jupiter.api.Test;

class PredictionFormatsTest {

    private static final ClassLabels AB = new ClassLabels(List.of("Happy", "Sad"));
    private static final List<PhotoResult> RESULTS = List.of(
            new PhotoResult(Path.of("a.jpg"), 640, 480,
                    List.of(new FaceResult(new FaceBox(1, 2, 30, 40), AB, new float[] {0.75f, 0.25f})), null),
            new PhotoResult(Path.of("empty, beach.jpg"), 100, 50, List.of(), null),
            PhotoResult.failed(Path.of("bad.png"), "bad.png: truncated or corrupt PNG"));

    @Test
    void jsonHasOneObjectPerFileWithTheDocumentedFields() throws Exception {
        JsonNode root = new ObjectMapper().readTree(PredictionFormats.json(RESULTS));
        assertThat(root.isArray()).isTrue();
        assertThat(root).hasSize(3);
        JsonNode first = root.get(0);
        assertThat(first.get("file").asText()).isEqualTo("a.jpg");
        assertThat(first.get("width").asInt()).isEqualTo(640);
        JsonNode face = first.get("faces").get(0);
        assertThat(face.get("box").get("x").asInt()).isEqualTo(1);
        assertThat(face.get("box").get("h").asInt()).isEqualTo(40);
        assertThat(face.get("label").asText()).isEqualTo("Happy");
        assertThat(face.get("confidence").asDouble()).isEqualTo(0.75);
        assertThat(face.get("probabilities").get("Sad").asDouble()).isEqualTo(0.25);
        assertThat(first.get("error").isNull()).isTrue();
        assertThat(root.get(1).get("faces")).isEmpty();
        assertThat(root.get(2).get("error").asText()).contains("truncated");
    }

    @Test
    void csvHasARowPerFaceAndQuotesFieldsWithCommas() {
        String[] lines = PredictionFormats.csv(RESULTS, AB).split("\n");
        assertThat(lines[0]).isEqualTo("file,face,x,y,w,h,label,confidence,Happy,Sad,error");
        assertThat(lines[1]).isEqualTo("a.jpg,1,1,2,30,40,Happy,0.7500,0.7500,0.2500,");
        assertThat(lines[2]).isEqualTo("\"empty, beach.jpg\",,,,,,,,,,no face found");
        assertThat(lines[3]).endsWith(",bad.png: truncated or corrupt PNG");
        for (String line : lines) {
            assertThat(line.replaceAll("\"[^\"]*\"", "q").split(",", -1)).hasSize(11);
        }
    }

    private static final FaceLandmarks POINTS = new FaceLandmarks(new FaceLandmarks.Point(10, 12),
            new FaceLandmarks.Point(20, 12.04), new FaceLandmarks.Point(15, 20), new FaceLandmarks.Point(11, 30),
            new FaceLandmarks.Point(19, 30));
    private static final List<PhotoResult> DETECTED = List.of(new PhotoResult(Path.of("a.jpg"), 640, 480,
            List.of(new FaceResult(new FaceBox(1, 2, 30, 40), AB, new float[] {0.75f, 0.25f}, 0.93f, POINTS)), null),
            new PhotoResult(Path.of("b.jpg"), 100, 50, List.of(), null));

    @Test
    void jsonGivesTheDetectorPerFileAndScoreAndNamedLandmarksPerFace() throws Exception {
        JsonNode root = new ObjectMapper().readTree(PredictionFormats.json(DETECTED, "yunet"));

        JsonNode face = root.get(0).get("faces").get(0);
        assertThat(root.get(0).get("detector").asText()).isEqualTo("yunet");
        assertThat(root.get(1).get("detector").asText()).isEqualTo("yunet");
        assertThat(face.get("score").asDouble()).isEqualTo(0.93);
        assertThat(face.get("landmarks").fieldNames()).toIterable().containsExactly("right_eye", "left_eye",
                "nose_tip", "right_mouth_corner", "left_mouth_corner");
        assertThat(face.get("landmarks").get("left_eye").get("x").asDouble()).isEqualTo(20.0);
        assertThat(face.get("landmarks").get("left_eye").get("y").asDouble()).isEqualTo(12.0);
    }

    @Test
    void jsonOfABoxOnlyDetectorHasNullScoreAndLandmarks() throws Exception {
        JsonNode face = new ObjectMapper().readTree(PredictionFormats.json(RESULTS, "haar")).get(0).get("faces").get(0);

        assertThat(face.get("score").isNull()).isTrue();
        assertThat(face.get("landmarks").isNull()).isTrue();
    }

    @Test
    void csvWithTheDetectorAddsItsColumnsAfterTheExistingOnes() {
        String[] plain = PredictionFormats.csv(DETECTED, AB).split("\n");
        String[] lines = PredictionFormats.csv(DETECTED, AB, "yunet").split("\n");

        assertThat(lines[0]).isEqualTo(plain[0] + ",detector,score,right_eye_x,right_eye_y,left_eye_x,left_eye_y,"
                + "nose_tip_x,nose_tip_y,right_mouth_corner_x,right_mouth_corner_y,left_mouth_corner_x,left_mouth_corner_y");
        assertThat(lines[1]).isEqualTo(plain[1] + ",yunet,0.9300,10.0,12.0,20.0,12.0,15.0,20.0,11.0,30.0,19.0,30.0");
        assertThat(lines[2]).startsWith(plain[2] + ",yunet,");
        for (String line : lines) {
            assertThat(line.split(",", -1)).hasSize(11 + 12);
        }
    }

    @Test
    void tableNamesFacesAndErrors() {
        String t = PredictionFormats.table(RESULTS);
        assertThat(t).contains("a.jpg (640x480): 1 face").contains("Happy").contains("75.0%")
                .contains("no face found").contains("bad.png: error:");
    }
}
