package org.ferstudio.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ferstudio.cli.Cli;
import org.ferstudio.infer.EmotionRecognizer;
import org.ferstudio.infer.PhotoAnalyzer;
import org.ferstudio.infer.video.DemoClip;
import org.ferstudio.model.FaceLandmarks;
import org.ferstudio.model.FaceResult;
import org.ferstudio.model.PhotoResult;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.store.ModelLocator;
import org.ferstudio.store.ModelStore;
import org.ferstudio.testutil.SharedData;
import org.ferstudio.vision.DetectorChoice;
import org.ferstudio.vision.ImageLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Batch prediction in Spark's local mode gives what {@code predict} gives, file by file and face by face. */
class BatchPredictionTest {

    static final String[] PHOTOS = {"obama.jpg", "two_people.jpg", "2008_002506.jpg"};

    @TempDir
    static Path dir;
    static Path input;
    static Path model;
    /** {@code predict}'s results: the same objects PredictCommand builds, in this JVM. */
    static Map<String, PhotoResult> expected = new TreeMap<>();

    @BeforeAll
    static void photosAndTheSingleProcessResults() throws IOException {
        input = Files.createDirectories(dir.resolve("in"));
        for (String name : PHOTOS) {
            Files.copy(SharedData.photo(name), input.resolve(name));
        }
        Files.write(input.resolve("broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J'});
        model = ModelLocator.defaultModel();
        LoadedModel loaded = ModelStore.load(model);
        // as PredictCommand builds them with its defaults: --detector yunet --min-face 30 --align off --tta model
        EmotionRecognizer recognizer = new EmotionRecognizer(loaded, DetectorChoice.DEFAULT.forPhotos(30),
                loaded.tta("model")).withAlignment(false);
        PhotoAnalyzer analyzer = new PhotoAnalyzer(recognizer, new ImageLoader());
        for (String name : PHOTOS) {
            expected.put(name, analyzer.analyse(input.resolve(name)).result());
        }
    }

    @Test
    void photosGiveTheFacesLabelsAndProbabilitiesOfPredictAndABrokenFileItsErrorRow() throws IOException {
        SparkSession spark = SharedSpark.session();
        String out = dir.resolve("table").toUri().toString();
        BatchPrediction.Summary summary = new BatchPrediction(spark).run(List.of(input.toString()), model,
                PredictionSettings.defaults(), 2, out, BatchPrediction.Format.PARQUET);

        List<Row> rows = spark.read().parquet(out).collectAsList();
        assertThat(summary.files()).isEqualTo(4);
        assertThat(summary.failedFiles()).isEqualTo(1);
        Map<String, List<Row>> byFile = rows.stream().collect(Collectors.groupingBy(r -> name(r.getAs("file"))));
        assertThat(byFile.keySet()).containsExactlyInAnyOrder("obama.jpg", "two_people.jpg", "2008_002506.jpg", "broken.jpg");
        assertThat(faceCount(byFile.get("obama.jpg"))).isEqualTo(1);
        assertThat(faceCount(byFile.get("two_people.jpg"))).isEqualTo(2);
        assertThat(faceCount(byFile.get("2008_002506.jpg"))).isEqualTo(3);

        List<String> classes = expected.get("obama.jpg").faces().get(0).classes().names();
        for (String name : PHOTOS) {
            List<Row> got = new ArrayList<>(byFile.get(name));
            got.sort(Comparator.comparingInt(r -> r.getAs("face")));
            List<FaceResult> want = expected.get(name).faces();
            assertThat(got).hasSameSizeAs(want);
            for (int i = 0; i < want.size(); i++) {
                Row r = got.get(i);
                FaceResult f = want.get(i);
                assertThat((int) r.getAs("face")).isEqualTo(i + 1);
                assertThat(List.of(r.<Integer>getAs("x"), r.<Integer>getAs("y"), r.<Integer>getAs("w"), r.<Integer>getAs("h")))
                        .containsExactly(f.box().x(), f.box().y(), f.box().width(), f.box().height());
                assertThat((String) r.getAs("label")).isEqualTo(f.label());
                for (int c = 0; c < classes.size(); c++) {
                    assertThat((float) r.getAs(PredictionRows.columnName(classes.get(c))))
                            .as("%s face %d %s", name, i + 1, classes.get(c)).isCloseTo(f.probability(c), within(1e-5f));
                }
                assertThat((String) r.getAs("error")).isNull();
                assertThat((String) r.getAs("detector")).isEqualTo("yunet");
                assertThat((float) r.getAs("score")).isCloseTo((float) f.score(), within(1e-5f));
                List<String> landmarkColumns = PredictionRows.landmarkColumns();
                FaceLandmarks.Point[] points = f.landmarks().points();
                for (int p = 0; p < points.length; p++) {
                    assertThat((float) r.getAs(landmarkColumns.get(2 * p))).isCloseTo((float) points[p].x(), within(1e-3f));
                    assertThat((float) r.getAs(landmarkColumns.get(2 * p + 1))).isCloseTo((float) points[p].y(), within(1e-3f));
                }
                assertThat(r.isNullAt(r.fieldIndex("frame_ms"))).isTrue();
                assertThat((String) r.getAs("model_sha256")).isEqualTo(ModelStore.sha256(model.resolve(ModelStore.WEIGHTS_FILE)));
            }
        }
        List<Row> broken = byFile.get("broken.jpg");
        assertThat(broken).hasSize(1);
        assertThat(broken.get(0).isNullAt(broken.get(0).fieldIndex("face"))).isTrue();
        assertThat((String) broken.get(0).getAs("error")).contains("broken.jpg").contains("JPEG");
    }

    @Test
    void theFacesAndLabelsAreThoseOfThePredictCommandRunWithItsDefaults() throws IOException {
        // the command itself, not objects built like it: a change of predict's defaults (its detector moved from
        // Haar to YuNet once) must show here
        StringWriter csv = new StringWriter();
        CommandLine predict = Cli.commandLine();
        predict.setOut(new PrintWriter(csv));
        predict.setErr(new PrintWriter(new StringWriter()));
        predict.execute("predict", "--csv", input.toString());
        List<String> fromPredict = csv.toString().lines().skip(1).map(l -> l.split(",", -1))
                .filter(f -> !f[1].isEmpty())
                .map(f -> String.join(" ", name(f[0]), f[1], f[2], f[3], f[4], f[5], f[6])).sorted().toList();

        List<String> fromSpark = new BatchPrediction(SharedSpark.session()).predict(List.of(input.toString()), model,
                        PredictionSettings.defaults(), 2).collectAsList().stream()
                .filter(r -> !r.isNullAt(r.fieldIndex("face")))
                .map(r -> String.join(" ", name(r.getAs("file")), "" + r.getAs("face"), "" + r.getAs("x"),
                        "" + r.getAs("y"), "" + r.getAs("w"), "" + r.getAs("h"), r.getAs("label")))
                .sorted().toList();

        assertThat(fromPredict).hasSize(6);
        assertThat(fromSpark).containsExactlyElementsOf(fromPredict);
    }

    @Test
    void csvHasAHeaderAndOneRowPerFace() throws IOException {
        SparkSession spark = SharedSpark.session();
        String out = dir.resolve("csv").toUri().toString();
        new BatchPrediction(spark).run(List.of(input.resolve("two_people.jpg").toString()), model,
                PredictionSettings.defaults(), 1, out, BatchPrediction.Format.CSV);

        List<Row> rows = spark.read().option("header", true).csv(out).collectAsList();
        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(r -> (String) r.getAs("label"))
                .containsExactlyElementsOf(expected.get("two_people.jpg").faces().stream().map(FaceResult::label).toList());
    }

    @Test
    void theHaarDetectorGivesItsFacesWithoutScoreOrLandmarks() throws IOException {
        SparkSession spark = SharedSpark.session();

        List<Row> rows = new BatchPrediction(spark).predict(List.of(input.resolve("obama.jpg").toString()), model,
                PredictionSettings.defaults().withDetector(DetectorChoice.HAAR), 1).collectAsList();

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat((Integer) r.getAs("face")).isEqualTo(1);
            assertThat((String) r.getAs("detector")).isEqualTo("haar");
            assertThat(r.isNullAt(r.fieldIndex("score"))).isTrue();
            assertThat(PredictionRows.landmarkColumns()).allSatisfy(c -> assertThat(r.isNullAt(r.fieldIndex(c))).isTrue());
        });
    }

    @Test
    void aVideoGivesRowsForTheSampledFramesWithTheirTimes() throws IOException {
        // 12 frames at 10 fps: 1.1 s, sampled every 500 ms -> frames at 0, 500 and 1000 ms
        Path clip = DemoClip.make(input.resolve("obama.jpg"), dir.resolve("obama.avi"), 12, 640, 480, 10);
        SparkSession spark = SharedSpark.session();

        List<Row> rows = new BatchPrediction(spark).predict(List.of(clip.toString()), model,
                PredictionSettings.defaults().withFrameEveryMs(500), 1).collectAsList();

        assertThat(rows).extracting(r -> (Long) r.getAs("frame_ms")).containsExactly(0L, 500L, 1000L);
        assertThat(rows).allSatisfy(r -> {
            assertThat((Integer) r.getAs("face")).isEqualTo(1);
            assertThat((String) r.getAs("label")).isEqualTo(expected.get("obama.jpg").faces().get(0).label());
        });
    }

    private static String name(String file) {
        return file.substring(file.lastIndexOf('/') + 1);
    }

    private static long faceCount(List<Row> rows) {
        return rows.stream().filter(r -> !r.isNullAt(r.fieldIndex("face"))).count();
    }
}
