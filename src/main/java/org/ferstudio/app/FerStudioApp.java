package org.ferstudio.app;

import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.ferstudio.app.common.AppLog;
import org.ferstudio.app.common.AppPane;
import org.ferstudio.app.common.AppServices;
import org.ferstudio.app.common.DialogErrorReporter;
import org.ferstudio.app.common.ModelCatalog;
import org.ferstudio.nets.Nd4jRuntime;
import org.ferstudio.store.ModelLocator;
import org.ferstudio.store.ModelStore;
import org.ferstudio.store.RuntimeInfo;
import org.ferstudio.task.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app: wires the services, builds the three screens into the main window, restores the
 * window's size and last tab, and routes every uncaught error to a dialog and the log file instead of
 * closing.
 */
public final class FerStudioApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(FerStudioApp.class);

    private MainWindow window;

    /** Starts the JavaFX runtime with this app; returns when the last window closed. */
    public static void launchDesktop(String[] args) {
        Application.launch(FerStudioApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Path logFile = AppLog.install(AppLog.defaultFile());
        DialogErrorReporter errors = new DialogErrorReporter(logFile);
        Thread.setDefaultUncaughtExceptionHandler(
                (thread, e) -> errors.report("Unexpected error in " + thread.getName(), String.valueOf(e), e));
        LOG.info("FER Studio {} starting; models in {} and {}", RuntimeInfo.current().appVersion(),
                ModelLocator.shippedModels(), ModelLocator.userModels());

        TaskExecutor executor = TaskExecutor.background(Platform::runLater);
        ModelCatalog catalog = new ModelCatalog(ModelLocator.shippedModels(), ModelLocator.userModels(),
                ModelStore::load, executor, errors);
        AppServices services = new AppServices(executor, catalog, errors, Preferences.userRoot().node("org/ferstudio"));
        List<AppPane> panes = Screens.create(services).panes();
        MainViewModel viewModel = new MainViewModel(services, ModelLocator.defaultModel(), Nd4jRuntime::describe);
        window = new MainWindow(viewModel, panes, about(logFile));
        window.setOnQuit(stage::close);

        WindowPreferences prefs = new WindowPreferences(services.preferences("window"));
        stage.setTitle("FER Studio");
        stage.setScene(new Scene(window.root(), prefs.width(), prefs.height()));
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        stage.setMaximized(prefs.maximised());
        window.select(prefs.tab());
        errors.setOwner(stage);
        stage.setOnHiding(e -> {
            prefs.save(stage.getWidth(), stage.getHeight(), stage.isMaximized(), window.selectedTitle());
            window.close();
        });
        stage.show();
        viewModel.start();
    }

    @Override
    public void stop() {
        LOG.info("FER Studio closing");
        // the backend keeps native worker threads alive; the window is gone and every pane has closed
        System.exit(0);
    }

    private static String about(Path logFile) {
        RuntimeInfo rt = RuntimeInfo.current();
        return "Version " + rt.appVersion() + "\nDL4J " + rt.dl4jVersion() + ", Java " + rt.javaVersion()
                + "\nShipped models: " + ModelLocator.shippedModels() + "\nYour models: " + ModelLocator.userModels()
                + "\nLog file: " + logFile;
    }
}
