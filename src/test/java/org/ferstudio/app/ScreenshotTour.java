package org.ferstudio.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.ferstudio.app.common.AppServices;
import org.ferstudio.app.common.ErrorReporter;
import org.ferstudio.app.common.ModelCatalog;
import org.ferstudio.app.models.ModelDetailsView;
import org.ferstudio.app.models.ModelDetailsViewModel;
import org.ferstudio.infer.video.DemoClip;
import org.ferstudio.nets.Nd4jRuntime;
import org.ferstudio.store.ModelLocator;
import org.ferstudio.store.ModelStore;
import org.ferstudio.task.TaskExecutor;

/**
 * Takes the README's screenshots from a real window (run under Xvfb by {@code scripts/screenshots.sh}):
 * starts the main window as the app does, with the shipped models, opens the sample photos, plays a clip
 * made from one of them in the Webcam pane, validates a dataset in the Training wizard, and captures the
 * screen at each step with JavaFX's robot. Not a test; it runs only when the script asks for it.
 *
 * <p>Arguments: the output folder, the photos folder, the dataset for the wizard.
 */
public final class ScreenshotTour {

    private ScreenshotTour() {
    }

    /** A plain main class, as in the app's Launcher, so JavaFX can stay on the class path. */
    public static void main(String[] args) {
        Application.launch(Tour.class, args);
    }

    /** The tour itself. */
    public static final class Tour extends Application {

    private static final long TIMEOUT_SECONDS = 180;

    private Stage stage;
    private Screens screens;
    private MainWindow window;

    @Override
    public void start(Stage primary) {
        stage = primary;
        List<String> args = getParameters().getRaw();
        Path out = Path.of(args.get(0));
        Path photos = Path.of(args.get(1));
        Path dataset = Path.of(args.get(2));
        ErrorReporter errors = (title, message, cause) -> System.err.println("error shown to the user: " + title
                + ": " + message);
        TaskExecutor executor = TaskExecutor.background(Platform::runLater);
        ModelCatalog catalog = new ModelCatalog(ModelLocator.shippedModels(), ModelLocator.userModels(),
                ModelStore::load, executor, errors);
        AppServices services = new AppServices(executor, catalog, errors, freshPreferences());
        screens = Screens.create(services);
        MainViewModel viewModel = new MainViewModel(services, ModelLocator.defaultModel(), Nd4jRuntime::describe);
        window = new MainWindow(viewModel, screens.panes(), "screenshot tour");
        stage.setTitle("FER Studio");
        stage.setScene(new Scene(window.root(), 1280, 800));
        stage.setX(0);
        stage.setY(0);
        stage.show();
        viewModel.start();
        Thread tour = new Thread(() -> {
            int exit = 0;
            try {
                run(catalog, out, photos, dataset);
            } catch (Exception e) {
                e.printStackTrace();
                exit = 1;
            }
            int code = exit;
            Platform.runLater(() -> {
                window.close();
                stage.close();
                System.exit(code);
            });
        }, "screenshot-tour");
        tour.setDaemon(true);
        tour.start();
    }

    private static final String PREFERENCES_NODE = "org/ferstudio/screenshot-tour";

    /** The tour shows what a new user sees: the default model and settings, not the last tour's choices. */
    private static Preferences freshPreferences() {
        Preferences node = Preferences.userRoot().node(PREFERENCES_NODE);
        try {
            node.removeNode();
            node.flush();
        } catch (BackingStoreException e) {
            throw new IllegalStateException("cannot clear the screenshot tour's preferences", e);
        }
        return Preferences.userRoot().node(PREFERENCES_NODE);
    }

    private void run(ModelCatalog catalog, Path out, Path photos, Path dataset) throws Exception {
        Files.createDirectories(out);
        waitUntil("a model is active", () -> catalog.active().isPresent());

        List<Path> files;
        try (Stream<Path> list = Files.list(photos)) {
            files = list.filter(p -> p.toString().toLowerCase().endsWith(".jpg")).sorted().toList();
        }
        onFx(() -> screens.photos().addFiles(files));
        waitUntil("the photos are analysed", () -> !screens.photos().busyProperty().get()
                && screens.photos().photos().size() == files.size());
        onFx(() -> screens.photos().photos().stream()
                .filter(p -> p.file().getFileName().toString().equals("2008_002506.jpg")).findFirst()
                .ifPresent(screens.photos()::selectPhoto));
        settle(2000);
        capture(out.resolve("photos.png"));

        Path clip = DemoClip.make(photos.resolve("2008_002506.jpg"), Files.createTempFile("tour", ".avi"), 240, 640,
                480, 15);
        onFx(() -> window.select("Webcam"));
        onFx(() -> screens.webcam().openVideo(clip));
        waitUntil("the video shows faces", () -> screens.webcam().faceCountProperty().get() > 0);
        settle(3000);
        capture(out.resolve("webcam.png"));
        onFx(() -> screens.webcam().stop());

        onFx(() -> window.select("Training"));
        onFx(() -> screens.training().dataset().choose(dataset));
        onFx(() -> screens.training().dataset().validate());
        waitUntil("the dataset is validated", () -> screens.training().dataset().datasetProperty().get() != null
                && !screens.training().dataset().busyProperty().get());
        settle(1500);
        capture(out.resolve("training.png"));
        Files.deleteIfExists(clip);

        Stage details = callFx(() -> catalog.active().map(m -> ModelDetailsView.show(stage,
                new ModelDetailsViewModel(m.folder(), m.card()))).orElseThrow());
        settle(2500);
        capture(details, out.resolve("model-details.png"));
        onFx(details::close);
    }

    private void capture(Path file) throws Exception {
        capture(stage, file);
    }

    private static void capture(Stage window, Path file) throws Exception {
        BufferedImage image = callFx(() -> {
            Scene scene = window.getScene();
            Bounds b = scene.getRoot().localToScreen(scene.getRoot().getBoundsInLocal());
            WritableImage shot = new Robot().getScreenCapture(null, b.getMinX(), b.getMinY(), b.getWidth(),
                    b.getHeight());
            return SwingFXUtils.fromFXImage(shot, null);
        });
        ImageIO.write(image, "png", file.toFile());
        System.out.println("wrote " + file + " (" + image.getWidth() + "x" + image.getHeight() + ")");
    }

    private static void settle(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    private static void onFx(Runnable action) throws Exception {
        callFx(() -> {
            action.run();
            return null;
        });
    }

    private static <T> T callFx(java.util.concurrent.Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static void waitUntil(String what, BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!callFx(condition::getAsBoolean)) {
            if (System.nanoTime() > end) {
                throw new IOException("timed out waiting until " + what);
            }
            Thread.sleep(200);
        }
    }
}
}
