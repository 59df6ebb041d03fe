package org.ferstudio.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ferstudio.data.AugmentationConfig;
import org.ferstudio.data.DataSplits;
import org.ferstudio.data.DatasetSource;
import org.ferstudio.data.FaceImages;
import org.ferstudio.eval.Misclassification;
import org.ferstudio.nets.OptimizerSettings;
import org.ferstudio.store.ModelStore;
import org.ferstudio.task.CancellationToken;
import org.ferstudio.testutil.SyntheticFaces;
import org.ferstudio.train.ClassBalancing;
import org.ferstudio.train.EpochResult;
import org.ferstudio.train.LrSchedule;
import org.ferstudio.train.TrainingConfig;
import org.ferstudio.train.TrainingJob;
import org.ferstudio.train.TrainingListener;
import org.ferstudio.train.TrainingRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real trainer on a tiny synthetic dataset: one short epoch. */
class PipelineTrainerTest {

    @TempDir
    Path tmp;

    @Test
    void trainsSavesAndCollectsTheMistakesWithTheirFaces() throws Exception {
        FaceImages test = SyntheticFaces.make(24, 3);
        DataSplits splits = new DataSplits(SyntheticFaces.make(48, 1), SyntheticFaces.make(24, 2), test, "synthetic");
        TrainingConfig config = TrainingConfig.builder().architecture("cnn3").epochs(1).batchSize(16)
                .optimizer(OptimizerSettings.adam(1e-3)).schedule(LrSchedule.CONSTANT).plateauPatience(2)
                .plateauFactor(0.5).minLearningRate(1e-5).labelSmoothing(0).earlyStoppingPatience(0)
                .augmentation(AugmentationConfig.none()).balancing(ClassBalancing.NONE).seed(5).build();
        TrainingRequest request = new TrainingRequest(SyntheticFaces.LABELS, splits,
                new DatasetSource("synthetic.csv", tmp.resolve("synthetic.csv"), "0".repeat(64), 1), config);
        TrainingJob job = new TrainingJob("tiny", request, tmp.resolve("run"));
        List<EpochResult> epochs = new ArrayList<>();

        TrainingResult result = new PipelineTrainer().train(job, new TrainingListener() {
            @Override
            public void onEpoch(EpochResult epoch) {
                epochs.add(epoch);
            }
        }, new CancellationToken());

        assertThat(epochs).hasSize(1);
        assertThat(result.card().name()).isEqualTo("tiny");
        assertThat(result.modelDir()).isEqualTo(job.modelDir());
        assertThat(ModelStore.readCard(job.modelDir()).test().n()).isEqualTo(24);
        assertThat(job.checkpointDir().resolve("state.json")).exists();
        assertThat(result.evaluatedSplit()).isEqualTo("test");
        assertThat(result.report().n()).isEqualTo(24);
        int wrong = result.report().n() - result.report().confusionMatrix().correct();
        assertThat(result.misclassified()).hasSize(Math.min(wrong, PipelineTrainer.MAX_MISCLASSIFIED));
        for (MisclassifiedFace face : result.misclassified()) {
            assertThat(face.trueLabel()).isNotEqualTo(face.predictedLabel());
            assertThat(indexOf(test, face)).as("the face is a test image of its true class").isNotNegative();
        }
    }

    @Test
    void mistakesAreOrderedByConfidenceAndCarryTheirPixels() {
        FaceImages images = SyntheticFaces.make(6, 4);
        List<Misclassification> wrong = List.of(new Misclassification(1, 1, 0, 0.4),
                new Misclassification(4, 1, 2, 0.9), new Misclassification(5, 2, 0, 0.4));

        List<MisclassifiedFace> faces = PipelineTrainer.mostConfident(wrong, images, SyntheticFaces.LABELS);

        assertThat(faces).extracting(MisclassifiedFace::caption)
                .containsExactly("bottom → left (90%)", "bottom → top (40%)", "left → top (40%)");
        assertThat(faces.get(0).pixels()).isEqualTo(images.image(4));
    }

    private static int indexOf(FaceImages images, MisclassifiedFace face) {
        for (int i = 0; i < images.size(); i++) {
            if (java.util.Arrays.equals(images.image(i), face.pixels())
                    && SyntheticFaces.LABELS.name(images.label(i)).equals(face.trueLabel())) {
                return i;
            }
        }
        return -1;
    }
}
