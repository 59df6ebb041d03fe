package org.ferstudio.infer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.model.FaceBox;
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

    @Test
    void tableNamesFacesAndErrors() {
        String t = PredictionFormats.table(RESULTS);
        assertThat(t).contains("a.jpg (640x480): 1 face").contains("Happy").contains("75.0%")
                .contains("no face found").contains("bad.png: error:");
    }
}
