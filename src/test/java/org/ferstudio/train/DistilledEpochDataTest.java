package org.ferstudio.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.ferstudio.data.AugmentationConfig;
import org.ferstudio.data.FaceImages;
import org.ferstudio.testutil.SyntheticFaces;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

class DistilledEpochDataTest {

    private static final Distillation.Teacher TEACHER = new Distillation.Teacher("t", "/nowhere", "ab".repeat(32), "none");

    private static Distillation distillation(double weight, double temperature) {
        return new Distillation(List.of(TEACHER), weight, temperature);
    }

    @Test
    void atTemperatureOneTheTeachersProbabilitiesAreKept() {
        float[] p = {0.7f, 0.2f, 0.1f, 0.0f, 0.5f, 0.5f};
        float[] soft = DistilledEpochData.soften(p, 3, 1.0);
        for (int i = 0; i < p.length; i++) {
            assertThat(soft[i]).isCloseTo(p[i], within(1e-6f));
        }
    }

    @Test
    void aTemperatureSoftensAsDividingTheLogitsWould() {
        double[] logits = {2.0, -1.0, 0.5, 4.0};
        float[] p = toFloats(softmax(logits, 1));
        for (double t : new double[] {0.5, 2.0, 4.0}) {
            float[] soft = DistilledEpochData.soften(p, 4, t);
            double[] expected = softmax(logits, t);
            for (int c = 0; c < 4; c++) {
                assertThat((double) soft[c]).as("class %d at T=%s", c, t).isCloseTo(expected[c], within(1e-5));
            }
        }
        // a zero probability stays zero; the rest still sums to one
        float[] withZero = DistilledEpochData.soften(new float[] {0f, 0.9f, 0.1f}, 3, 3.0);
        assertThat(withZero[0]).isZero();
        assertThat(withZero[1] + withZero[2]).isCloseTo(1f, within(1e-6f));
        assertThat(withZero[1]).isGreaterThan(withZero[2]).isLessThan(0.9f);
    }

    @Test
    void theTargetIsTheWeightedMeanOfTeacherAndLabel() {
        float[] soft = {0.6f, 0.3f, 0.1f};
        float[] target = {0f, 0f, 1f};
        DistilledEpochData.mix(soft, 0, target, 0, 3, 0.75);
        assertThat(target[0]).isCloseTo(0.45f, within(1e-6f));
        assertThat(target[1]).isCloseTo(0.225f, within(1e-6f));
        assertThat(target[2]).isCloseTo(0.075f + 0.25f, within(1e-6f));

        float[] all = {0f, 1f, 0f};
        DistilledEpochData.mix(soft, 0, all, 0, 3, 1.0);
        assertThat(all).containsExactly(0.6f, 0.3f, 0.1f);
    }

    @Test
    void batchTargetsFollowTheShuffledRowsAndMixWithSmoothedLabels() {
        FaceImages faces = SyntheticFaces.make(12, 3);
        float[] teacher = new float[12 * 3];
        Random rng = new Random(5);
        for (int i = 0; i < 12; i++) {
            double a = rng.nextDouble();
            double b = rng.nextDouble() * (1 - a);
            teacher[i * 3] = (float) a;
            teacher[i * 3 + 1] = (float) b;
            teacher[i * 3 + 2] = (float) (1 - a - b);
        }
        ImageEpochData images = new ImageEpochData(faces, AugmentationConfig.standard());
        DistilledEpochData data = new DistilledEpochData(images, teacher, 3, distillation(0.4, 1.0));
        int[] order = {7, 2, 11, 0, 5, 9, 1, 3, 4, 6, 8, 10};
        double smoothing = 0.3;

        DataSet batch = data.batch(order, 2, 5, 3, smoothing, new Random(9));
        DataSet plain = images.batch(order, 2, 5, 3, smoothing, new Random(9));

        assertThat(batch.getFeatures()).as("the same augmented faces").isEqualTo(plain.getFeatures());
        float[][] targets = batch.getLabels().toFloatMatrix();
        for (int i = 0; i < 5; i++) {
            int row = order[2 + i];
            for (int c = 0; c < 3; c++) {
                double label = (c == faces.label(row) ? 1 - smoothing : 0) + smoothing / 3;
                double expected = 0.4 * teacher[row * 3 + c] / sum(teacher, row * 3) + 0.6 * label;
                assertThat((double) targets[i][c]).as("row %d class %d", row, c).isCloseTo(expected, within(1e-5));
            }
        }
    }

    @Test
    void refusesProbabilitiesForOtherRowsAndSettingsOutOfRange() {
        ImageEpochData images = new ImageEpochData(SyntheticFaces.make(4, 3), AugmentationConfig.none());
        assertThatThrownBy(() -> new DistilledEpochData(images, new float[5 * 3], 3, distillation(1, 1)))
                .hasMessageContaining("15 teacher probabilities for 4 rows x 3 classes");
        assertThatThrownBy(() -> distillation(0, 1)).hasMessageContaining("weight must be in (0, 1]");
        assertThatThrownBy(() -> distillation(1.5, 1)).hasMessageContaining("weight must be in (0, 1]");
        assertThatThrownBy(() -> distillation(0.5, 0)).hasMessageContaining("temperature must be > 0");
        assertThatThrownBy(() -> new Distillation(List.of(), 0.5, 1)).hasMessageContaining("at least one teacher");
        assertThatThrownBy(() -> new Distillation.Teacher("t", "/x", "ab", "sideways"))
                .hasMessageContaining("unknown test-time augmentation 'sideways'");
    }

    private static double sum(float[] p, int at) {
        return p[at] + p[at + 1] + p[at + 2];
    }

    private static double[] softmax(double[] z, double t) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v / t);
        }
        double sum = 0;
        double[] e = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            e[i] = Math.exp(z[i] / t - max);
            sum += e[i];
        }
        for (int i = 0; i < z.length; i++) {
            e[i] /= sum;
        }
        return e;
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
