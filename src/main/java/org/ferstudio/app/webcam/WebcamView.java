package org.ferstudio.app.webcam;

import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.ferstudio.app.common.AppPane;
import org.ferstudio.app.common.AppServices;

/**
 * The Webcam tab: a toolbar (source, open a video, start, stop, smoothing, snapshot, record), the video
 * with its face overlay, and a status bar with fps and latency. Only binds controls to the
 * {@link WebcamViewModel}; leaving the tab or closing the app releases the camera.
 */
public final class WebcamView implements AppPane {

    private final WebcamViewModel viewModel;
    private final FileDialogs dialogs;
    private final FramePane framePane = new FramePane();
    private final BorderPane root = new BorderPane();

    public WebcamView(AppServices services) {
        this(new WebcamViewModel(services, Platform::runLater));
    }

    public WebcamView(WebcamViewModel viewModel) {
        this(viewModel, new ChooserFileDialogs());
    }

    WebcamView(WebcamViewModel viewModel, FileDialogs dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
        root.setId("webcamPane");
        root.setTop(toolbar());
        root.setCenter(framePane);
        root.setBottom(statusBar());
        viewModel.frameProperty().addListener((observable, was, now) -> framePane.show(now));
        framePane.setShowLandmarks(viewModel.showLandmarksProperty().get());
        viewModel.showLandmarksProperty().addListener((observable, was, show) -> framePane.setShowLandmarks(show));
    }

    @Override
    public String title() {
        return "Webcam";
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void shown() {
        viewModel.refreshCameras();
    }

    /** Another tab: the camera is not kept busy (and its light on) for a pane nobody looks at. */
    @Override
    public void hidden() {
        viewModel.stop();
    }

    @Override
    public void close() {
        viewModel.close();
    }

    WebcamViewModel viewModel() {
        return viewModel;
    }

    /** The face boxes on screen, in the coordinates of the pane that holds the video. */
    List<Rectangle2D> overlayBoxes() {
        return framePane.overlayBoxes();
    }

    /** The landmark dots on screen, in the same coordinates as {@link #overlayBoxes()}. */
    List<Point2D> overlayLandmarks() {
        return framePane.overlayLandmarks();
    }

    /** Where the video is shown, in the same coordinates as {@link #overlayBoxes()}. */
    Rectangle2D videoArea() {
        return framePane.videoArea();
    }

    private ToolBar toolbar() {
        ComboBox<VideoChoice> sourceCombo = new ComboBox<>(viewModel.sources());
        sourceCombo.setId("sourceCombo");
        sourceCombo.valueProperty().bindBidirectional(viewModel.selectedSourceProperty());
        sourceCombo.setTooltip(new Tooltip("The camera or video file to play"));

        Button openVideoButton = button("openVideoButton", "Open video…", this::openVideo);
        openVideoButton.setTooltip(new Tooltip("Play a video file instead of a camera (MJPG .avi)"));
        Button startButton = button("startButton", "Start", viewModel::start);
        startButton.disableProperty().bind(viewModel.canStartProperty().not());
        Button stopButton = button("stopButton", "Stop", viewModel::stop);
        stopButton.disableProperty().bind(viewModel.canStopProperty().not());

        CheckBox smoothingCheck = new CheckBox("Smoothing");
        smoothingCheck.setId("smoothingCheck");
        smoothingCheck.selectedProperty().bindBidirectional(viewModel.smoothingProperty());
        smoothingCheck.setTooltip(new Tooltip("Average each face's expression over recent frames: steadier labels"));

        Button snapshotButton = button("snapshotButton", "Snapshot…", this::snapshot);
        snapshotButton.disableProperty().bind(viewModel.canSnapshotProperty().not());
        snapshotButton.setTooltip(new Tooltip("Save the shown frame with its labels as a PNG"));
        Button recordButton = button("recordButton", "", this::toggleRecording);
        recordButton.textProperty().bind(Bindings.when(viewModel.recordingProperty())
                .then("Stop recording").otherwise("Record timeline…"));
        recordButton.disableProperty().bind(viewModel.canRecordProperty().not());
        recordButton.setTooltip(new Tooltip("Write every frame's faces and probabilities to a CSV file"));

        return new ToolBar(new Label("Source"), sourceCombo, openVideoButton, new Separator(), startButton, stopButton,
                smoothingCheck, new Separator(), snapshotButton, recordButton);
    }

    private HBox statusBar() {
        Label statusLabel = new Label();
        statusLabel.setId("statusLabel");
        statusLabel.textProperty().bind(viewModel.statusProperty());
        // the guidance for undecodable files is long: the tooltip shows all of it
        Tooltip fullStatus = new Tooltip();
        fullStatus.textProperty().bind(viewModel.statusProperty());
        fullStatus.setWrapText(true);
        fullStatus.setMaxWidth(600);
        statusLabel.setTooltip(fullStatus);
        statusLabel.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(statusLabel, Priority.ALWAYS);

        Label facesLabel = label("facesLabel", Bindings.createStringBinding(
                () -> faces(viewModel.faceCountProperty().get()), viewModel.faceCountProperty()));
        Label fpsLabel = label("fpsLabel", Bindings.createStringBinding(
                () -> figure("%.1f fps", viewModel.fpsProperty().get(), "– fps"), viewModel.fpsProperty()));
        Label latencyLabel = label("latencyLabel", Bindings.createStringBinding(
                () -> figure("latency %.0f ms", viewModel.latencyMsProperty().get(), "latency –"),
                viewModel.latencyMsProperty()));

        HBox bar = new HBox(16, statusLabel, facesLabel, fpsLabel, latencyLabel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        return bar;
    }

    private void openVideo() {
        dialogs.chooseVideo(window(), viewModel.videoFolder()).ifPresent(viewModel::openVideo);
    }

    private void snapshot() {
        // the frame on screen at the click, not the one playing when the dialog closes
        LiveFrame shown = viewModel.frameProperty().get();
        dialogs.chooseSnapshotTarget(window(), viewModel.videoFolder(), viewModel.suggestedSnapshotName())
                .ifPresent(target -> viewModel.snapshot(shown, target));
    }

    private void toggleRecording() {
        if (viewModel.recordingProperty().get()) {
            viewModel.stopRecording();
        } else {
            dialogs.chooseTimelineTarget(window(), viewModel.videoFolder(), viewModel.suggestedTimelineName())
                    .ifPresent(viewModel::startRecording);
        }
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(event -> action.run());
        return button;
    }

    private static Label label(String id, StringBinding text) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    private static String faces(int count) {
        return count == 1 ? "1 face" : count + " faces";
    }

    private static String figure(String format, double value, String none) {
        return value > 0 ? String.format(Locale.ROOT, format, value) : none;
    }
}
