package org.ferstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ferstudio.app.common.AppServices;
import org.ferstudio.app.common.ModelCatalog;
import org.ferstudio.app.common.ModelChoice;
import org.ferstudio.app.common.TestServices;
import org.ferstudio.store.ModelStore;
import org.ferstudio.task.TaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {

    @TempDir
    Path tmp;

    private TestServices test;

    @AfterEach
    void cleanUp() throws Exception {
        test.cleanUp();
    }

    private MainViewModel viewModel(Path defaultModel) {
        return new MainViewModel(test.services(), defaultModel, () -> "CPU, 2 threads, oneDNN on");
    }

    @Test
    void firstStartActivatesTheDefaultModelAndDescribesIt() throws IOException {
        test = TestServices.direct(tmp);
        test.addShippedModel("alpha");
        Path beta = test.addShippedModel("beta");
        MainViewModel vm = viewModel(beta);

        vm.start();

        assertThat(vm.models()).extracting(ModelChoice::folder).containsExactly(tmp.resolve("models/alpha"), beta);
        assertThat(test.services().models().active()).hasValueSatisfying(m -> assertThat(m.folder()).isEqualTo(beta));
        assertThat(vm.selectedModelProperty().get().folder()).isEqualTo(beta);
        assertThat(vm.modelStatus().get()).contains("beta").contains("validation accuracy 65.2% (no test score)");
        assertThat(vm.backendProperty().get()).isEqualTo("CPU, 2 threads, oneDNN on");
        assertThat(test.errors().reported()).isEmpty();
    }

    @Test
    void theUsersChoiceIsActivatedAndRememberedForTheNextStart() throws IOException {
        test = TestServices.direct(tmp);
        Path alpha = test.addShippedModel("alpha");
        Path beta = test.addShippedModel("beta");
        MainViewModel vm = viewModel(alpha);
        vm.start();

        vm.selectedModelProperty().set(vm.models().get(1));

        assertThat(test.services().models().active().orElseThrow().folder()).isEqualTo(beta);
        ModelCatalog afterRestart = new ModelCatalog(tmp.resolve("models"), tmp.resolve("user-models"),
                ModelStore::load, TaskExecutor.currentThread(), test.errors());
        AppServices restarted = new AppServices(TaskExecutor.currentThread(), afterRestart, test.errors(),
                test.services().preferences());
        new MainViewModel(restarted, alpha, () -> "CPU").start();
        assertThat(afterRestart.active().orElseThrow().folder()).isEqualTo(beta);
    }

    @Test
    void aBrokenModelIsReportedAndTheActiveModelStays() throws IOException {
        test = TestServices.direct(tmp);
        Path good = test.addShippedModel("good");
        Path broken = test.addShippedModel("broken");
        Files.write(broken.resolve(ModelStore.WEIGHTS_FILE), new byte[] {1, 2, 3});
        MainViewModel vm = viewModel(good);
        vm.start();

        vm.selectedModelProperty().set(vm.models().stream().filter(c -> c.folder().equals(broken)).findFirst()
                .orElseThrow());

        assertThat(test.errors().reported()).singleElement()
                .satisfies(e -> assertThat(e.title()).contains("Could not load the model").contains("broken"));
        assertThat(test.services().models().active().orElseThrow().folder()).isEqualTo(good);
    }

    @Test
    void withoutModelsTheStatusSaysHowToGetOne() {
        test = TestServices.direct(tmp);
        MainViewModel vm = viewModel(tmp.resolve("models/none"));

        vm.start();

        assertThat(vm.models()).isEmpty();
        assertThat(vm.modelStatus().get()).contains("No model").contains("Training tab");
    }

    @Test
    void aFailingBackendIsReportedNotThrown() {
        test = TestServices.direct(tmp);
        MainViewModel vm = new MainViewModel(test.services(), tmp, () -> {
            throw new IllegalStateException("no native library for this CPU");
        });

        vm.start();

        assertThat(vm.backendProperty().get()).isEqualTo("backend failed to start");
        assertThat(test.errors().reported()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("no native library"));
    }

    @Test
    void aGpuTheCudaBuildCannotRunIsNamedInTheStatusBar() {
        test = TestServices.direct(tmp);
        MainViewModel vm = new MainViewModel(test.services(), tmp, () -> {
            throw new org.ferstudio.nets.UnsupportedGpuException("NVIDIA H100 80GB HBM3", 9, 0);
        });

        vm.start();

        assertThat(vm.backendProperty().get())
                .isEqualTo("GPU NVIDIA H100 80GB HBM3 (compute capability 9.0) not supported by the CUDA build; "
                        + "see docs/GPU.md");
        assertThat(test.errors().reported()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("use the CPU build"));
    }
}
