package org.ferstudio.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.ferstudio.model.ClassLabels;
import org.ferstudio.task.ProgressReporter;
import org.ferstudio.testutil.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The real FER2013 file from the shared folder (skipped when absent), read once for all checks. */
class Fer2013RealFileTest {

    private static final Logger LOG = LoggerFactory.getLogger(Fer2013RealFileTest.class);

    private static Dataset fer2013;

    @BeforeAll
    static void readOnce() {
        long started = System.nanoTime();
        fer2013 = Fer2013CsvReader.read(SharedData.fer2013(), ReadOptions.defaults(), ProgressReporter.NONE);
        LOG.info("FER2013 loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void countsMatchThePublishedTable() {
        ValidationReport report = fer2013.report();
        assertThat(report.splits()).containsExactly("Training", "PublicTest", "PrivateTest");
        assertThat(countsOf(report, "Training")).containsExactly(3995, 436, 4097, 7215, 4830, 3171, 4965);
        assertThat(countsOf(report, "PublicTest")).containsExactly(467, 56, 496, 895, 653, 415, 607);
        assertThat(countsOf(report, "PrivateTest")).containsExactly(491, 55, 528, 879, 594, 416, 626);
        assertThat(report.splitTotal("Training")).isEqualTo(28_709);
        assertThat(report.splitTotal("PublicTest")).isEqualTo(3_589);
        assertThat(report.splitTotal("PrivateTest")).isEqualTo(3_589);
        assertThat(report.total()).isEqualTo(35_887);
        assertThat(report.classTotal(1)).isEqualTo(547);
        assertThat(report.problems()).isEmpty();
        assertThat(fer2013.labels()).isEqualTo(ClassLabels.FER2013);
    }

    @Test
    void recordsTheChecksumOfTheCompressedFile() {
        assertThat(fer2013.source().sha256()).isEqualTo("b474041de15dde5db99981c339cf300cc0283c4e9f27eb72cfab884f5b55733e");
        assertThat(fer2013.source().bytes()).isEqualTo(93_966_713L);
        assertThat(fer2013.source().name()).isEqualTo("fer2013.csv.gz");
    }

    @Test
    void keepsRowOrderWithinASplit() {
        // The README's known duplicate: rows 6936 and 6938 hold identical pixels, labelled Surprise and Fear.
        FaceImages training = fer2013.split("Training");
        assertThat(training.image(6936)).isEqualTo(training.image(6938));
        assertThat(training.label(6936)).isEqualTo(5);
        assertThat(training.label(6938)).isEqualTo(2);
    }

    private static int[] countsOf(ValidationReport report, String split) {
        int[] counts = new int[report.labels().size()];
        for (int c = 0; c < counts.length; c++) {
            counts[c] = report.count(split, c);
        }
        return counts;
    }
}
