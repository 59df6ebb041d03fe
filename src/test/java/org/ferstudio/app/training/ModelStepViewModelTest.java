package org.ferstudio.app.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.BackingStoreException;
import org.ferstudio.app.common.ModelChoice;
import org.ferstudio.app.common.TestServices;
import org.ferstudio.model.ModelCard;
import org.ferstudio.model.SampleCards;
import org.ferstudio.nets.Architecture;
import org.ferstudio.nets.Architectures;
import org.ferstudio.train.ClassBalancing;
import org.ferstudio.train.RecipePreset;
import org.ferstudio.train.TrainingConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStepViewModelTest {

    @TempDir
    Path tmp;

    private TestServices services;
    private TrainingPreferences prefs;
    private ModelStepViewModel vm;

    @BeforeEach
    void setUp() {
        services = TestServices.direct(tmp);
        prefs = new TrainingPreferences(services.services().preferences("training"));
        vm = new ModelStepViewModel(new ArchitectureAvailability(tmp.resolve("pretrained")), prefs);
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        services.cleanUp();
    }

    @Test
    void theDefaultsAreValidAndAreTheShippedModelsRecipe() {
        // fer-cnn3-long, the default model, was trained by `train --recipe long` (issue 17)
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.architectureProperty().get().id()).isEqualTo("cnn3");
        assertThat(vm.recipeProperty().get()).isEqualTo(RecipePreset.LONG);
        assertThat(vm.config()).isEqualTo(RecipePreset.LONG.config());
    }

    @Test
    void fieldsAreValidatedWithMessages() {
        vm.epochsProperty().set("0");
        assertThat(vm.epochsErrorProperty().get()).isEqualTo("Epochs must be a whole number of at least 1.");
        assertThat(vm.validProperty().get()).isFalse();
        vm.epochsProperty().set("3");
        assertThat(vm.epochsErrorProperty().get()).isEmpty();

        for (String bad : new String[] {"0", "1025", "abc", ""}) {
            vm.batchProperty().set(bad);
            assertThat(vm.batchErrorProperty().get()).as(bad).contains("from 1 to 1024");
        }
        vm.batchProperty().set("1024");
        assertThat(vm.batchErrorProperty().get()).isEmpty();

        for (String bad : new String[] {"0", "-0.1", "abc", "NaN", "Infinity"}) {
            vm.learningRateProperty().set(bad);
            assertThat(vm.learningRateErrorProperty().get()).as(bad).contains("above 0");
        }
        vm.learningRateProperty().set("0,0005");
        assertThat(vm.validProperty().get()).isTrue();

        TrainingConfig config = vm.config();
        assertThat(config.epochs()).isEqualTo(3);
        assertThat(config.batchSize()).isEqualTo(1024);
        assertThat(config.optimizer().learningRate()).isEqualTo(5e-4);
        assertThat(config.minLearningRate()).isLessThanOrEqualTo(5e-4);
    }

    @Test
    void augmentationAndBalancingReachTheConfig() {
        vm.augmentationProperty().set(false);
        vm.balancingProperty().set(ClassBalancing.SAMPLING);

        assertThat(vm.config().augmentation().isNone()).isTrue();
        assertThat(vm.config().balancing()).isEqualTo(ClassBalancing.SAMPLING);
    }

    @Test
    void theStrongerAugmentationIsChosenOnlyWithAugmentationOnAndIsRemembered() {
        assertThat(vm.strongAugmentationProperty().get()).as("the default is the standard preset").isFalse();
        assertThat(vm.config().augmentation()).isEqualTo(org.ferstudio.data.AugmentationConfig.standard());

        vm.strongAugmentationProperty().set(true);
        assertThat(vm.config().augmentation()).isEqualTo(org.ferstudio.data.AugmentationConfig.strong());
        vm.remember();
        ModelStepViewModel again = new ModelStepViewModel(new ArchitectureAvailability(tmp), prefs);
        assertThat(again.strongAugmentationProperty().get()).isTrue();

        vm.augmentationProperty().set(false);
        assertThat(vm.config().augmentation().isNone()).isTrue();
    }

    @Test
    void mobileNetIsListedButDisabledWithTheReasonUntilItCanBeTrained() {
        ArchitectureOption mobilenet = vm.architectures().stream().filter(a -> a.id().equals("mobilenet")).findFirst()
                .orElseThrow();

        assertThat(mobilenet.label()).isEqualTo("MobileNet transfer");
        assertThat(mobilenet.available()).as("no weights in the temporary pretrained folder").isFalse();
        boolean registered = Architectures.all().stream().map(Architecture::id).anyMatch("mobilenet"::equals);
        assertThat(mobilenet.reason())
                .contains(registered ? "needs the pretrained weights in" : "not available in this build");

        vm.architectureProperty().set(mobilenet);
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.architectureMessageProperty().get()).isEqualTo(mobilenet.reason());
    }

    @Test
    void mobileNetBecomesSelectableOnceRegisteredWithItsWeights() throws IOException {
        assumeTrue(Architectures.all().stream().map(Architecture::id).anyMatch("mobilenet"::equals),
                "MobileNet transfer is not in this build");
        Path weights = tmp.resolve("pretrained/mobilenet_v1_0.25/mobilenet_2_5_224_tf_no_top.h5");
        Files.createDirectories(weights.getParent());
        Files.write(weights, new byte[] {1});

        vm.refreshArchitectures();

        ArchitectureOption mobilenet = vm.architectures().stream().filter(a -> a.id().equals("mobilenet")).findFirst()
                .orElseThrow();
        assertThat(mobilenet.available()).isTrue();
        vm.architectureProperty().set(mobilenet);
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.config().architecture()).isEqualTo("mobilenet");
    }

    @Test
    void theLastSettingsAreOfferedAgain() {
        vm.epochsProperty().set("7");
        vm.batchProperty().set("32");
        vm.learningRateProperty().set("0.002");
        vm.augmentationProperty().set(false);
        vm.balancingProperty().set(ClassBalancing.WEIGHTS);
        vm.remember();

        ModelStepViewModel again = new ModelStepViewModel(new ArchitectureAvailability(tmp), prefs);

        assertThat(again.epochsProperty().get()).isEqualTo("7");
        assertThat(again.batchProperty().get()).isEqualTo("32");
        assertThat(again.learningRateProperty().get()).isEqualTo("0.002");
        assertThat(again.augmentationProperty().get()).isFalse();
        assertThat(again.balancingProperty().get()).isEqualTo(ClassBalancing.WEIGHTS);

        again.restoreDefaults();
        assertThat(again.config()).isEqualTo(ModelStepViewModel.DEFAULT_RECIPE.config());
    }

    @Test
    void eachRecipeBringsItsEpochsAndRateAndIsRemembered() {
        assertThat(vm.recipeProperty().get()).isEqualTo(ModelStepViewModel.DEFAULT_RECIPE);
        vm.batchProperty().set("32");
        vm.recipeProperty().set(RecipePreset.QUICK);
        assertThat(vm.epochsProperty().get()).isEqualTo(String.valueOf(TrainingConfig.defaults().epochs()));
        assertThat(vm.learningRateProperty().get()).isEqualTo("0.001");
        assertThat(vm.config()).isEqualTo(RecipePreset.QUICK.applyTo(TrainingConfig.builder()).batchSize(32).build());
        vm.recipeProperty().set(RecipePreset.LONG);
        assertThat(vm.epochsProperty().get()).isEqualTo("100");
        assertThat(vm.learningRateProperty().get()).isEqualTo("0.01");
        assertThat(vm.recipeMessageProperty().get()).startsWith("SGD at 0.01 with Nesterov momentum 0.9");
        assertThat(vm.config()).isEqualTo(RecipePreset.LONG.applyTo(TrainingConfig.builder()).batchSize(32).build());

        vm.epochsProperty().set("60"); // the fields stay the user's to change
        assertThat(vm.config().epochs()).isEqualTo(60);
        assertThat(vm.config().ema()).isEqualTo(0.999);
        vm.remember();
        ModelStepViewModel again = new ModelStepViewModel(new ArchitectureAvailability(tmp), prefs);
        assertThat(again.recipeProperty().get()).isEqualTo(RecipePreset.LONG);
        assertThat(again.epochsProperty().get()).isEqualTo("60");
        assertThat(again.config()).isEqualTo(vm.config());

        again.restoreDefaults();
        assertThat(again.recipeProperty().get()).isEqualTo(ModelStepViewModel.DEFAULT_RECIPE);
        assertThat(again.config()).isEqualTo(ModelStepViewModel.DEFAULT_RECIPE.config());
    }

    @Test
    void theFineTuningAdviceFollowsTheRecipesRate() {
        ModelCard cnn3 = SampleCards.complete().withName("mine");
        ModelStepViewModel step = new ModelStepViewModel(new ArchitectureAvailability(tmp), prefs,
                javafx.collections.FXCollections.observableArrayList(new ModelChoice(tmp.resolve("mine"), cnn3, false)));
        step.startFromProperty().set(step.startingPoints().get(1));
        step.recipeProperty().set(RecipePreset.QUICK);
        assertThat(step.startMessageProperty().get()).contains("ten times lower than the recipe's (0.0001 instead of 0.001)");
        step.recipeProperty().set(RecipePreset.LONG);
        assertThat(step.startMessageProperty().get()).contains("ten times lower than the recipe's (0.001 instead of 0.01)");
    }

    @Test
    void trainedSingleModelsOfTheChosenArchitectureCanBeFineTuned() {
        ModelCard cnn3 = SampleCards.complete().withName("mine");
        ModelCard pair = new ModelCard(1, "pair", ModelCard.ENSEMBLE, cnn3.classes(), cnn3.input(), null, null, null,
                null, 0, null, null, 2, java.util.Map.of(), null, cnn3.weights(), 0, null, null,
                java.util.List.of(new ModelCard.Member("a", "cnn3", 1, 1, null), new ModelCard.Member("b", "cnn3", 1, 1, null)));
        javafx.collections.ObservableList<ModelChoice> models = javafx.collections.FXCollections.observableArrayList(
                new ModelChoice(tmp.resolve("pair"), pair, true));
        ModelStepViewModel step = new ModelStepViewModel(new ArchitectureAvailability(tmp), prefs, models);
        assertThat(step.startingPoints()).containsExactly(StartingPoint.RANDOM);

        models.add(new ModelChoice(tmp.resolve("mine"), cnn3, false));
        assertThat(step.startingPoints()).extracting(StartingPoint::label)
                .containsExactly(StartingPoint.RANDOM.label(), new ModelChoice(tmp.resolve("mine"), cnn3, false).displayName());
        step.startFromProperty().set(step.startingPoints().get(1));
        assertThat(step.startMessageProperty().get()).startsWith("Fine-tunes mine");
        assertThat(step.config().startFrom()).isEqualTo(new TrainingConfig.StartingModel("mine",
                tmp.resolve("mine").toAbsolutePath().normalize().toString(), cnn3.weights().sha256()));

        models.add(new ModelChoice(tmp.resolve("other"), cnn3.withName("other"), true));
        assertThat(step.startFromProperty().get().model().name()).as("the choice survives a refresh").isEqualTo("mine");
        step.restoreDefaults();
        assertThat(step.startFromProperty().get()).isEqualTo(StartingPoint.RANDOM);
        assertThat(step.config().startFrom()).isNull();
    }
}
