package org.ferstudio.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import org.ferstudio.app.common.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard's step rules, with the scripted trainer and everything on the calling thread. */
class TrainingWizardViewModelTest {

    @TempDir
    Path tmp;

    private TestServices services;
    private ScriptedTrainer trainer;
    private TrainingWizardViewModel wizard;

    @BeforeEach
    void setUp() {
        services = TestServices.direct(tmp);
        trainer = new ScriptedTrainer();
        wizard = new TrainingWizardViewModel(services.services(), trainer, tmp.resolve("runs"), tmp.resolve("pretrained"));
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        services.cleanUp();
    }

    @Test
    void nextStaysDisabledUntilTheDatasetValidates() throws Exception {
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.DATASET);
        assertThat(wizard.canGoNextProperty().get()).isFalse();
        assertThat(wizard.canGoBackProperty().get()).isFalse();

        wizard.dataset().pathProperty().set(tmp.resolve("missing.csv").toString());
        wizard.dataset().validate();
        assertThat(wizard.canGoNextProperty().get()).as("a file that cannot be read").isFalse();
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.DATASET);

        wizard.dataset().pathProperty().set(WizardData.csv(tmp, "faces.csv", 30, 9, 9).toString());
        assertThat(wizard.canGoNextProperty().get()).as("typed but not validated").isFalse();
        wizard.dataset().validate();
        assertThat(wizard.canGoNextProperty().get()).isTrue();
    }

    @Test
    void walksThroughAllStepsWithAScriptedRun() throws Exception {
        wizard.dataset().classNamesProperty().set(WizardData.CLASS_NAMES);
        wizard.dataset().pathProperty().set(WizardData.csv(tmp, "faces.csv", 30, 9, 9).toString());
        wizard.dataset().validate();
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.MODEL);
        assertThat(wizard.canGoBackProperty().get()).isTrue();

        wizard.model().epochsProperty().set("0");
        assertThat(wizard.canGoNextProperty().get()).isFalse();
        assertThat(wizard.training().canStartProperty().get()).isFalse();
        wizard.model().epochsProperty().set("2");
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.TRAINING);
        assertThat(wizard.canGoNextProperty().get()).as("nothing trained yet").isFalse();

        List<Boolean> backWhileRunning = new ArrayList<>();
        wizard.training().epochsDoneProperty().addListener((obs, old, now) ->
                backWhileRunning.add(wizard.canGoBackProperty().get()));
        wizard.training().start();

        assertThat(backWhileRunning).containsOnly(false);
        assertThat(trainer.jobs).singleElement().satisfies(job -> {
            assertThat(job.request().config().epochs()).isEqualTo(2);
            assertThat(job.request().labels().names()).containsExactly("top", "bottom", "left");
            assertThat(job.request().splits().train().size()).isEqualTo(30);
            assertThat(job.runDir().getParent()).isEqualTo(tmp.resolve("runs"));
        });
        assertThat(wizard.canGoNextProperty().get()).isTrue();
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.RESULTS);
        assertThat(wizard.results().heatmap()).hasSize(9);
        assertThat(wizard.results().modelNameProperty().get()).isEqualTo(trainer.jobs.get(0).modelName());
        assertThat(wizard.canGoNextProperty().get()).isFalse();

        wizard.back();
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.TRAINING);
    }

    @Test
    void theRunsFolderSitsBesideTheUserModels() {
        assertThat(TrainingWizardViewModel.defaultRunsRoot(services.services()))
                .isEqualTo(services.services().models().userRoot().toAbsolutePath().getParent().resolve("runs"));
    }
}
