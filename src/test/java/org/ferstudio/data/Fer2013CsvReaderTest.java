package org.ferstudio.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.ferstudio.data.TestCsv.HEADER;
import static org.ferstudio.data.TestCsv.pixels;
import static org.ferstudio.data.TestCsv.pixelsWith;
import static org.ferstudio.data.TestCsv.row;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.task.CancellationToken;
import org.ferstudio.task.CancelledException;
import org.ferstudio.task.ProgressReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Fer2013CsvReaderTest {

    private static final String GOOD = pixels(0, 1);

    @TempDir
    Path dir;

    @Test
    void readsRowsIntoSplitsInOrderOfFirstAppearance() throws Exception {
        Path file = TestCsv.write(dir, "small.csv", List.of(HEADER,
                row(3, pixels(5, 7), "PublicTest"),
                row(0, pixels(1, 3), "Training"),
                row(6, pixels(2, 11), "Training"),
                row(1, GOOD, "PrivateTest")));

        Dataset dataset = read(file, ReadOptions.defaults());

        assertThat(dataset.splits().keySet()).containsExactly("PublicTest", "Training", "PrivateTest");
        assertThat(dataset.labels()).isEqualTo(ClassLabels.FER2013);
        FaceImages training = dataset.split("Training");
        assertThat(training.size()).isEqualTo(2);
        assertThat(training.label(1)).isEqualTo(6);
        assertThat(training.image(0)).isEqualTo(TestCsv.image(1, 3));
        assertThat(training.image(1)).isEqualTo(TestCsv.image(2, 11));
        assertThat(dataset.report().count("Training", 0)).isEqualTo(1);
        assertThat(dataset.report().total()).isEqualTo(4);
        assertThat(dataset.report().problems()).isEmpty();
    }

    @Test
    void recordsTheFileChecksumAndSize() throws Exception {
        Path file = TestCsv.write(dir, "small.csv", List.of(HEADER, row(3, GOOD, "Training")));

        DatasetSource source = read(file, ReadOptions.defaults()).source();

        assertThat(source.name()).isEqualTo("small.csv");
        assertThat(source.path()).isEqualTo(file);
        assertThat(source.bytes()).isEqualTo(Files.size(file));
        assertThat(source.sha256()).isEqualTo(sha256(file));
    }

    @Test
    void detectsGzipByContentNotByName() throws Exception {
        List<String> lines = List.of(HEADER, row(3, pixels(9, 5), "Training"), row(2, GOOD, "PublicTest"));
        Path gzip = TestCsv.writeGzip(dir, "looks-plain.csv", lines);
        Path plain = TestCsv.write(dir, "plain.csv", lines);

        Dataset fromGzip = read(gzip, ReadOptions.defaults());
        Dataset fromPlain = read(plain, ReadOptions.defaults());

        assertThat(fromGzip.split("Training").image(0)).isEqualTo(fromPlain.split("Training").image(0));
        assertThat(fromGzip.report().total()).isEqualTo(2);
        assertThat(fromGzip.source().sha256()).isEqualTo(sha256(gzip));
        assertThat(fromGzip.source().bytes()).isEqualTo(Files.size(gzip));
    }

    @Test
    void reportsEveryKindOfBadRowWithItsLineNumberAndSkipsIt() throws Exception {
        List<String> lines = new ArrayList<>(List.of(HEADER,
                row(0, GOOD, "Training"),                              // line 2: good
                "3," + GOOD,                                           // 3: field count
                row("", GOOD, "Training"),                             // 4: empty emotion
                row(3, "", "Training"),                                // 5: empty pixels
                row(3, pixelsWith(17, "ab"), "Training"),              // 6: non-numeric
                row(3, pixelsWith(17, "300"), "Training"),             // 7: out of range
                row(3, pixelsWith(100, "-4"), "Training"),             // 8: negative
                row(3, pixels(2303, 0, 1), "Training"),                // 9: too few
                row(3, pixels(2305, 0, 1), "Training"),                // 10: too many
                row(7, GOOD, "Training"),                              // 11: label index out of range
                row("Contempt", GOOD, "Training"),                     // 12: unknown label name
                row(3, GOOD, ""),                                      // 13: empty Usage
                row(3, GOOD, "Trainng"),                               // 14: unknown Usage
                "",                                                    // 15: empty line
                row(3, pixelsWith(5, "1.5"), "Training"),              // 16: decimal is not a grey value
                row("Happy", GOOD, "PublicTest")));                    // 17: good, label by name
        Path file = TestCsv.write(dir, "bad.csv", lines);

        Dataset dataset = read(file, ReadOptions.defaults());

        assertThat(dataset.report().problems()).extracting(DataProblem::location, DataProblem::field).containsExactly(
                tuple("bad.csv line 3", "row"),
                tuple("bad.csv line 4", "emotion"),
                tuple("bad.csv line 5", "pixels"),
                tuple("bad.csv line 6", "pixels"),
                tuple("bad.csv line 7", "pixels"),
                tuple("bad.csv line 8", "pixels"),
                tuple("bad.csv line 9", "pixels"),
                tuple("bad.csv line 10", "pixels"),
                tuple("bad.csv line 11", "emotion"),
                tuple("bad.csv line 12", "emotion"),
                tuple("bad.csv line 13", "Usage"),
                tuple("bad.csv line 14", "Usage"),
                tuple("bad.csv line 15", "row"),
                tuple("bad.csv line 16", "pixels"));
        List<String> reasons = dataset.report().problems().stream().map(DataProblem::reason).toList();
        assertThat(reasons.get(0)).contains("expected 3 fields", "found 2");
        assertThat(reasons.get(1)).contains("empty field");
        assertThat(reasons.get(2)).contains("empty field");
        assertThat(reasons.get(3)).contains("pixel 18 (row 1, column 18)", "not a number", "'ab'");
        assertThat(reasons.get(4)).contains("pixel 18 (row 1, column 18)", "300", "outside 0..255");
        assertThat(reasons.get(5)).contains("pixel 101 (row 3, column 5)", "-4", "outside 0..255");
        assertThat(reasons.get(6)).contains("2303 pixel values", "expected 2304");
        assertThat(reasons.get(7)).contains("2305 pixel values", "expected 2304");
        assertThat(reasons.get(8)).contains("unknown label '7'", "0..6");
        assertThat(reasons.get(9)).contains("unknown label 'Contempt'", "0..6", "Angry");
        assertThat(reasons.get(10)).contains("empty Usage");
        assertThat(reasons.get(11)).contains("unknown Usage 'Trainng'", "PublicTest");
        assertThat(reasons.get(12)).contains("empty line");
        assertThat(reasons.get(13)).contains("pixel 6", "'1.5'");
        assertThat(dataset.report().total()).isEqualTo(2);
        assertThat(dataset.split("PublicTest").label(0)).isEqualTo(3);
        assertThat(dataset.report().problems().get(4).toString())
                .isEqualTo("bad.csv line 7 (pixels): pixel 18 (row 1, column 18) has value 300, outside 0..255");
    }

    @Test
    void strictModeFailsAtTheFirstBadRowWithItsLineNumber() throws Exception {
        Path file = TestCsv.write(dir, "bad.csv", List.of(HEADER,
                row(0, GOOD, "Training"),
                row(0, GOOD, "Training"),
                row(3, pixelsWith(0, "256"), "Training"),
                row(9, GOOD, "Training")));

        assertThatThrownBy(() -> read(file, ReadOptions.defaults().withStrict(true)))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("bad.csv line 4")
                .hasMessageContaining("256")
                .satisfies(e -> assertThat(((DatasetFormatException) e).problem().field()).isEqualTo("pixels"));
    }

    @Test
    void aMissingRequiredColumnIsFatalAndNamesFileAndHeader() throws Exception {
        Path file = TestCsv.write(dir, "nopixels.csv", List.of("emotion,image,Usage", row(0, GOOD, "Training")));

        assertThatThrownBy(() -> read(file, ReadOptions.defaults()))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("nopixels.csv")
                .hasMessageContaining("missing required column 'pixels'")
                .hasMessageContaining("emotion,image,Usage");
    }

    @Test
    void anEmptyFileIsFatal() throws Exception {
        Path file = dir.resolve("empty.csv");
        Files.createFile(file);

        assertThatThrownBy(() -> read(file, ReadOptions.defaults()))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("empty.csv")
                .hasMessageContaining("empty");
    }

    @Test
    void acceptsExtraAndReorderedColumnsCaseInsensitively() throws Exception {
        Path file = TestCsv.write(dir, "reordered.csv", List.of("usage,id,Pixels,EMOTION,source",
                "Training,17," + pixels(4, 9) + ",5,web",
                "PublicTest,18," + GOOD + ",2,web"));

        Dataset dataset = read(file, ReadOptions.defaults());

        assertThat(dataset.report().problems()).isEmpty();
        assertThat(dataset.split("Training").label(0)).isEqualTo(5);
        assertThat(dataset.split("Training").image(0)).isEqualTo(TestCsv.image(4, 9));
        assertThat(dataset.split("PublicTest").label(0)).isEqualTo(2);
    }

    @Test
    void withoutUsageEverythingGoesToSplitAll() throws Exception {
        Path file = TestCsv.write(dir, "nousage.csv", List.of("emotion,pixels", "1," + GOOD, "2," + GOOD));

        Dataset dataset = read(file, ReadOptions.defaults());

        assertThat(dataset.splits().keySet()).containsExactly(Dataset.ALL);
        assertThat(dataset.split(Dataset.ALL).size()).isEqualTo(2);
    }

    @Test
    void acceptsCrlfLineEndingsQuotedFieldsAndAByteOrderMark() throws Exception {
        Path file = dir.resolve("windows.csv");
        String text = "\uFEFF" + HEADER + "\r\n" + row(4, "\"" + GOOD + "\"", "Training") + "\r\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);

        Dataset dataset = read(file, ReadOptions.defaults());

        assertThat(dataset.report().problems()).isEmpty();
        assertThat(dataset.split("Training").label(0)).isEqualTo(4);
    }

    @Test
    void customLabelsAllowMoreClassesByIndexOrName() throws Exception {
        ClassLabels nine = new ClassLabels(List.of("angry", "disgust", "fear", "happy", "sad", "surprise",
                "neutral", "contempt", "confused"));
        Path file = TestCsv.write(dir, "nine.csv", List.of(HEADER,
                row(7, GOOD, "train"), row(8, GOOD, "train"), row("Confused", GOOD, "test"), row(9, GOOD, "test")));

        Dataset dataset = read(file, ReadOptions.defaults().withLabels(nine));

        assertThat(dataset.labels()).isEqualTo(nine);
        assertThat(dataset.split("train").labels()).containsExactly(7, 8);
        assertThat(dataset.split("test").labels()).containsExactly(8);
        assertThat(dataset.report().problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("'9'", "0..8", "contempt"));
    }

    @Test
    void maxRowsPerSplitKeepsTheFirstRowsOfEverySplit() throws Exception {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 0; i < 5; i++) {
            lines.add(row(i, GOOD, "Training"));
        }
        lines.add(row(0, GOOD, "PublicTest"));
        Path file = TestCsv.write(dir, "many.csv", lines);

        Dataset dataset = read(file, ReadOptions.defaults().withMaxRowsPerSplit(3));

        assertThat(dataset.split("Training").labels()).containsExactly(0, 1, 2);
        assertThat(dataset.split("PublicTest").size()).isEqualTo(1);
        assertThat(dataset.report().notReadByLimit()).isEqualTo(2);
    }

    @Test
    void reportsProgressUpToCompletionAndStopsWhenCancelled() throws Exception {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 0; i < 300; i++) {
            lines.add(row(i % 7, GOOD, "Training"));
        }
        Path file = TestCsv.write(dir, "progress.csv", lines);
        List<Double> fractions = new ArrayList<>();

        read(file, ReadOptions.defaults(), (fraction, message) -> fractions.add(fraction));

        assertThat(fractions).isSortedAccordingTo(Double::compare).last().isEqualTo(1.0);
        assertThat(fractions.size()).isBetween(2, 102);

        CancellationToken cancelled = new CancellationToken();
        cancelled.cancel();
        assertThatThrownBy(() -> Fer2013CsvReader.read(file, ReadOptions.defaults(), cancelled))
                .isInstanceOf(CancelledException.class);
    }

    @Test
    void aTruncatedGzipFileIsFatal() throws Exception {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 0; i < 50; i++) {
            lines.add(row(i % 7, pixels(i, 7), "Training"));
        }
        Path whole = TestCsv.writeGzip(dir, "whole.csv.gz", lines);
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("truncated.csv.gz"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> read(truncated, ReadOptions.defaults()))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("truncated.csv.gz")
                .hasMessageContaining("truncated or corrupt");
    }

    private static Dataset read(Path file, ReadOptions options) {
        return read(file, options, ProgressReporter.NONE);
    }

    private static Dataset read(Path file, ReadOptions options, ProgressReporter progress) {
        return Fer2013CsvReader.read(file, options, progress);
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
