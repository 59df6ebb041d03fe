package org.ferstudio.app.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.ferstudio.model.ModelCard;
import org.ferstudio.model.SampleCards;
import org.ferstudio.io.AtomicFiles;
import org.ferstudio.io.Json;
import org.ferstudio.nets.OptimizerSettings;
import org.ferstudio.store.ModelStore;
import org.ferstudio.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDetailsViewModelTest {

    @TempDir
    Path folder;

    private static Map<String, String> facts(ModelDetailsViewModel vm) {
        return vm.facts().stream().collect(Collectors.toMap(ModelDetailsViewModel.Fact::name,
                ModelDetailsViewModel.Fact::value));
    }

    @Test
    void showsTheCardsFiguresAndWhatEachAugmentationCosts() {
        ModelCard card = SampleCards.complete();
        ModelDetailsViewModel vm = new ModelDetailsViewModel(folder, card);

        Map<String, String> facts = facts(vm);
        assertThat(facts.get("Architecture")).isEqualTo("cnn3, 2,345,678 parameters, 9.9 MB on disk");
        assertThat(facts.get("Validation accuracy"))
                .isEqualTo("65.20%, macro-F1 0.631, n = 3,589, PublicTest split, test-time augmentation none");
        assertThat(facts.get("Test accuracy")).isEqualTo("not evaluated on a test split");
        assertThat(facts.get("Time per face"))
                .isEqualTo("photos (TTA tencrop): 31.0 ms; video (TTA none): 7.5 ms; 2 threads, without face detection");
        assertThat(facts.get("Training")).isEqualTo("1 h 30 min on Intel(R) Xeon(R) CPU @ 2.20GHz, 2 logical cores, "
                + "2 threads; best epoch 31");
        assertThat(facts.get("Data")).startsWith("fer2013.csv.gz (SHA-256 aaaaaaaaaaaa...)");

        assertThat(vm.augmentations()).containsExactly(
                new ModelDetailsViewModel.AugmentationRow("none", "64.10%", "7.5 ms", "video"),
                new ModelDetailsViewModel.AugmentationRow("flip", "64.80%", "9.3 ms", ""),
                new ModelDetailsViewModel.AugmentationRow("tencrop", "65.50%", "31.0 ms", "photos"));
        assertThat(vm.augmentationsNote()).isEmpty();

        assertThat(vm.classes()).hasSize(7).first()
                .isEqualTo(new ModelDetailsViewModel.ClassRow("Angry", "", "55.00%"));
    }

    @Test
    void aModelContinuedFromAnotherSaysSoBesideItsTrainingTime() {
        ModelCard card = SampleCards.complete();
        Map<String, Object> training = new LinkedHashMap<>(card.training());
        training.put("startFrom", Map.of("name", "fer-cnn3", "sha256", "c1f0"));
        Map<String, String> facts = facts(new ModelDetailsViewModel(folder, card.withTraining(training)));
        assertThat(facts.get("Training")).isEqualTo("1 h 30 min on Intel(R) Xeon(R) CPU @ 2.20GHz, 2 logical cores, "
                + "2 threads; best epoch 31; continued from the weights of fer-cnn3, whose training is not counted");
    }

    @Test
    void aModelTrainedByTrainShowsItsRecipe() throws IOException {
        ModelCard card = SampleCards.complete();
        assertThat(facts(new ModelDetailsViewModel(folder, card))).doesNotContainKey("Recipe"); // another tool's card
        TrainingConfig config = TrainingConfig.builder().optimizer(new OptimizerSettings("sgd", 0.01, 0.9, 1e-4))
                .ema(0.999).build();
        @SuppressWarnings("unchecked")
        Map<String, Object> training = new LinkedHashMap<>(Json.fromJson(Json.toJson(config), Map.class));
        training.put("weights", "ema");
        Map<String, String> facts = facts(new ModelDetailsViewModel(folder, card.withTraining(training)));
        assertThat(facts.get("Recipe")).startsWith("SGD with Nesterov momentum 0.9, learning rate 0.01, weight decay "
                + "0.0001; plateau schedule").contains("weight average (EMA, decay 0.999); the saved weights are the average");
    }

    @Test
    void aDistilledModelNamesItsTeachers() {
        ModelCard card = SampleCards.complete();
        Map<String, Object> training = new LinkedHashMap<>(card.training());
        training.put("distillation", Map.of("teachers", java.util.List.of(Map.of("name", "run-a", "sha256", "c1f0"),
                Map.of("name", "run-b", "sha256", "d2e1")), "weight", 0.7, "temperature", 1.0));
        Map<String, String> facts = facts(new ModelDetailsViewModel(folder, card.withTraining(training)));
        assertThat(facts.get("Training")).endsWith("; best epoch 31; distilled from run-a + run-b (teacher weight 0.7, "
                + "temperature 1.0)");
    }

    @Test
    void findsThePicturesSavedWithTheModelAndToleratesOldCards() throws IOException {
        ModelCard old = SampleCards.complete().withInference(null);
        ModelDetailsViewModel vm = new ModelDetailsViewModel(folder, old);
        assertThat(vm.confusionMatrixPicture()).isEmpty();
        assertThat(vm.trainingCurvesPicture()).isEmpty();
        assertThat(vm.augmentations()).isEmpty();
        assertThat(vm.augmentationsNote()).contains("use none");
        assertThat(facts(vm)).doesNotContainKey("Time per face");

        AtomicFiles.writePng(folder.resolve(ModelStore.CONFUSION_PNG), new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB));
        assertThat(vm.confusionMatrixPicture()).contains(folder.resolve(ModelStore.CONFUSION_PNG));
        assertThat(vm.trainingCurvesPicture()).isEmpty();
    }

    @Test
    void anEnsembleListsItsMembers() {
        ModelCard ensemble = new ModelCard(1, "pair", ModelCard.ENSEMBLE, SampleCards.complete().classes(),
                SampleCards.complete().input(), null, null, null, null, 60, null, null, 2, Map.of(), null,
                SampleCards.complete().weights(), 0, null, null,
                java.util.List.of(new ModelCard.Member("a", "cnn3", 10, 12, 0.6), new ModelCard.Member("b", "cnn3", 10, 12, null)));
        ensemble.validateBasics();

        assertThat(facts(new ModelDetailsViewModel(folder, ensemble)).get("Members"))
                .isEqualTo("mean of 2 models' probabilities: a (cnn3, validation 60.00% alone), b (cnn3)");
        assertThat(facts(new ModelDetailsViewModel(folder, SampleCards.complete()))).doesNotContainKey("Members");
    }

    @Test
    void anEnsembleThatRunsVideoWithOneMemberSaysWhichAndWhatItCosts() {
        ModelCard.Inference whole = SampleCards.complete().inference();
        ModelCard ensemble = new ModelCard(1, "pair", ModelCard.ENSEMBLE, SampleCards.complete().classes(),
                SampleCards.complete().input(), null, null, null, null, 60, null, null, 2, Map.of(), null,
                SampleCards.complete().weights(), 0, null, whole.withVideoMember(1, 6.25),
                java.util.List.of(new ModelCard.Member("a", "cnn3", 10, 12, 0.6), new ModelCard.Member("b", "cnn3", 10, 12, 0.61)));
        ensemble.validateBasics();
        ModelDetailsViewModel vm = new ModelDetailsViewModel(folder, ensemble);

        assertThat(facts(vm).get("Time per face"))
                .isEqualTo("photos (TTA tencrop): 31.0 ms; video (member b alone, TTA none): 6.3 ms; 2 threads, without face detection");
        assertThat(vm.augmentations()).noneSatisfy(row -> assertThat(row.usedFor()).contains("video"));
        assertThat(facts(vm).get("Members")).isEqualTo("mean of 2 models' probabilities: a (cnn3, validation 60.00% alone), "
                + "b (cnn3, validation 61.00% alone, runs live video)");
        assertThat(ensemble.withInference(whole.withVideoMember(2, 6.0)))
                .satisfies(c -> assertThatThrownBy(c::validateBasics).hasMessageContaining("inference.videoMember 2"));
    }

    @Test
    void durationsReadNaturally() {
        assertThat(ModelDetailsViewModel.duration(42)).isEqualTo("42 s");
        assertThat(ModelDetailsViewModel.duration(344)).isEqualTo("5 min 44 s");
        assertThat(ModelDetailsViewModel.duration(10728)).isEqualTo("2 h 58 min");
    }
}
