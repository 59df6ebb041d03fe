package org.ferstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ferstudio.testutil.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refactoring guard: {@code predict --json} on the shared photos and {@code evaluate} of the shipped default
 * model print exactly what they printed before the code was restructured. The expected files under
 * {@code src/test/resources/golden} were written by the code as it stood before the restructuring; a change
 * in what a model or the pipeline computes must update them on purpose, with the reason in the commit.
 */
class GoldenOutputTest {

    /** Evaluating the first rows of PublicTest keeps the check to seconds; 300 rows cover all seven classes. */
    private static final int EVALUATE_ROWS = 300;

    @TempDir
    Path tmp;

    /**
     * The golden file was written with the Haar detector, then the only one, and before issue 15 added the
     * fields {@code detector} (per file), {@code score} and {@code landmarks} (per face, null with Haar): those
     * are taken out before the comparison, so everything that was there before is compared as it was.
     */
    @Test
    void predictJsonOnTheSharedPhotosIsUnchanged() throws IOException {
        Path photos = SharedData.photo("README.md").getParent();

        // the model the golden file was written with (then the default): a new default must not change it
        CliRun r = CliRun.of("predict", "--model", "models/fer-cnn3-v2", "--detector", "haar", "--json",
                photos.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        String out = r.out().replace(photos.toString(), "PHOTOS");
        // compared as JSON trees: the order of the box's keys is not fixed from one run to the next (Map.of)
        ObjectMapper json = new ObjectMapper();
        JsonNode files = json.readTree(out);
        for (JsonNode file : files) {
            assertThat(file.get("detector").asText()).isEqualTo("haar");
            ((ObjectNode) file).remove("detector");
            for (JsonNode face : file.get("faces")) {
                assertThat(face.get("score").isNull()).isTrue();
                assertThat(face.get("landmarks").isNull()).isTrue();
                ((ObjectNode) face).remove(List.of("score", "landmarks"));
            }
        }
        assertThat(files).isEqualTo(json.readTree(golden("predict-photos.json")));
    }

    @Test
    void evaluateOfFerCnn3V2OnPublicTestRowsIsUnchanged() throws IOException {
        Path slice = publicTestSlice(SharedData.fer2013(), tmp.resolve("fer2013-PublicTest-300.csv"));
        Path json = tmp.resolve("report.json");

        CliRun r = CliRun.of("evaluate", "--model", "models/fer-cnn3-v2", "--data", slice.toString(), "--split",
                "PublicTest", "--json", json.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(golden("evaluate-publictest-300.txt"));
        assertThat(Files.readString(json)).isEqualTo(golden("evaluate-publictest-300.json"));
    }

    /** The header and the first {@link #EVALUATE_ROWS} PublicTest rows of FER2013, in file order. */
    private static Path publicTestSlice(Path fer2013, Path target) throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(fer2013));
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            lines.add(reader.readLine());
            for (String line = reader.readLine(); line != null && lines.size() <= EVALUATE_ROWS;
                    line = reader.readLine()) {
                if (line.endsWith(",PublicTest")) {
                    lines.add(line);
                }
            }
        }
        return Files.write(target, lines);
    }

    private static String golden(String name) {
        try (InputStream in = GoldenOutputTest.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /golden/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
