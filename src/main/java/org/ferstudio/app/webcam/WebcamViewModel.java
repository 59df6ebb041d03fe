package org.ferstudio.app.webcam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.ObservableList;
import org.ferstudio.app.common.AppServices;
import org.ferstudio.infer.video.FrameAnalysis;
import org.ferstudio.infer.video.LiveLoop;
import org.ferstudio.infer.video.LoopStats;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.task.BackgroundTask;
import org.ferstudio.vision.DetectorChoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webcam pane's state and commands: which camera or file to play, start and stop, the latest frame
 * with its faces, fps and latency, smoothing, snapshots and the timeline recording. Call it on the UI
 * thread only; everything slow (opening a camera, stopping the loop, writing files) goes through the task
 * executor, and frames arrive from the video thread through a latest-wins hand-off, so the UI thread never
 * waits on capture or inference. A change of model or source during a run restarts it; smoothing changes
 * without a restart.
 */
public final class WebcamViewModel {

    /** Where a run is: nothing open, opening the source, playing, releasing the source. */
    public enum Phase { IDLE, STARTING, RUNNING, STOPPING }

    /** Weight of the past in the per-face smoothing when it is on; the command line's default. */
    static final double SMOOTHING = 0.5;

    private static final Logger LOG = LoggerFactory.getLogger(WebcamViewModel.class);

    private final AppServices services;
    private final Executor uiThread;
    private final WebcamPreferences preferences;
    private final SourcePicker picker;
    private final LiveSession.Events events = new SessionEvents();
    private final BooleanProperty smoothing = new SimpleBooleanProperty(this, "smoothing");
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.IDLE);
    private final ReadOnlyObjectWrapper<LiveFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ReadOnlyDoubleWrapper fps = new ReadOnlyDoubleWrapper(this, "fps");
    private final ReadOnlyDoubleWrapper latencyMs = new ReadOnlyDoubleWrapper(this, "latencyMs");
    private final ReadOnlyIntegerWrapper faceCount = new ReadOnlyIntegerWrapper(this, "faceCount");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper recording = new ReadOnlyBooleanWrapper(this, "recording");
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper(this, "canStart");
    private final ReadOnlyBooleanWrapper canStop = new ReadOnlyBooleanWrapper(this, "canStop");
    private final ReadOnlyBooleanWrapper canRecord = new ReadOnlyBooleanWrapper(this, "canRecord");
    private final ReadOnlyBooleanWrapper canSnapshot = new ReadOnlyBooleanWrapper(this, "canSnapshot");
    private final ChangeListener<LoadedModel> modelListener = (observable, was, now) -> modelChanged(now);
    private final ChangeListener<DetectorChoice> detectorListener = (observable, was, now) -> detectorChanged(now);
    private final ChangeListener<Boolean> alignListener = (observable, was, now) -> alignChanged(now);
    private LiveSession session;
    private boolean restartWhenStopped;
    private boolean closed;

    /** @param uiThread where results are delivered: {@code Platform::runLater} in the app */
    public WebcamViewModel(AppServices services, Executor uiThread) {
        this(services, uiThread, CameraDevices.system());
    }

    WebcamViewModel(AppServices services, Executor uiThread, CameraDevices cameras) {
        this.services = services;
        this.uiThread = uiThread;
        this.preferences = new WebcamPreferences(services.preferences("webcam"));
        this.picker = new SourcePicker(cameras, preferences);
        smoothing.set(preferences.smoothing());
        picker.selected().addListener((observable, was, now) -> sourceChosen(now));
        smoothing.addListener((observable, was, now) -> smoothingChanged(now));
        services.models().activeProperty().addListener(modelListener);
        services.detection().detectorProperty().addListener(detectorListener);
        services.detection().alignProperty().addListener(alignListener);
        canStart.bind(phase.isEqualTo(Phase.IDLE).and(picker.selected().isNotNull()));
        canStop.bind(phase.isEqualTo(Phase.STARTING).or(phase.isEqualTo(Phase.RUNNING)));
        canRecord.bind(phase.isEqualTo(Phase.RUNNING).or(recording));
        canSnapshot.bind(frame.isNotNull());
        status.set("Choose a camera or open a video file, then press Start.");
    }

    // ---- sources

    /** The cameras found, then the video file opened last (if any). */
    public ObservableList<VideoChoice> sources() {
        return picker.sources();
    }

    public ObjectProperty<VideoChoice> selectedSourceProperty() {
        return picker.selected();
    }

    /** Lists the cameras again (one may have been plugged in); keeps the file and the selection. */
    public void refreshCameras() {
        picker.refreshCameras();
    }

    /** Plays {@code file}: selects it and starts, or switches the running video over to it. */
    public void openVideo(Path file) {
        VideoChoice choice = picker.chooseFile(file);
        if (phase.get() == Phase.IDLE) {
            start();
        } else {
            // also when the user is stopping the previous video: opening a file means "play this"
            restartWhenStopped = true;
            requestStop("Switching to " + choice.displayName() + "…");
        }
    }

    /** The folder of the last video opened, where the file dialogs start. */
    public Optional<Path> videoFolder() {
        return picker.videoFolder();
    }

    /** "camera-0-20250101-120000.png": the source and the time, so that snapshots do not overwrite each other. */
    public String suggestedSnapshotName() {
        return picker.suggestedName("png");
    }

    /** As {@link #suggestedSnapshotName()}, for the timeline CSV. */
    public String suggestedTimelineName() {
        return picker.suggestedName("csv");
    }

    // ---- settings

    /** Whether the overlay and snapshots show the faces' five landmarks (the app-wide detection option). */
    public ReadOnlyBooleanProperty showLandmarksProperty() {
        return services.detection().showLandmarksProperty();
    }

    /** Per-face smoothing of the probabilities over frames; a change applies to a running video from its next frame. */
    public BooleanProperty smoothingProperty() {
        return smoothing;
    }

    // ---- run state and results

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** True from Start until the source is released again. */
    public boolean isRunning() {
        return phase.get() != Phase.IDLE;
    }

    /** The latest frame with its faces; null before the first. It stays shown after the video stopped. */
    public ReadOnlyObjectProperty<LiveFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** Frames processed per second over the last second; 0 when not running. */
    public ReadOnlyDoubleProperty fpsProperty() {
        return fps.getReadOnlyProperty();
    }

    /** Milliseconds from reading the latest frame to its results. */
    public ReadOnlyDoubleProperty latencyMsProperty() {
        return latencyMs.getReadOnlyProperty();
    }

    /** Faces in the latest frame. */
    public ReadOnlyIntegerProperty faceCountProperty() {
        return faceCount.getReadOnlyProperty();
    }

    /** One line about what is happening or went wrong, for the status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the timeline CSV is being recorded. */
    public ReadOnlyBooleanProperty recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStartProperty() {
        return canStart.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStopProperty() {
        return canStop.getReadOnlyProperty();
    }

    /** Recording can start while a video plays and stop whenever it runs. */
    public ReadOnlyBooleanProperty canRecordProperty() {
        return canRecord.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSnapshotProperty() {
        return canSnapshot.getReadOnlyProperty();
    }

    // ---- commands

    /** Opens the selected source and starts recognising; problems end up in the status and the error dialog. */
    public void start() {
        if (closed || phase.get() != Phase.IDLE) {
            return;
        }
        VideoChoice choice = picker.selected().get();
        if (choice == null) {
            fail("Nothing to play", StatusMessages.noSource(), null);
            return;
        }
        Optional<LoadedModel> model = services.models().active();
        if (model.isEmpty()) {
            fail("Could not start the video", StatusMessages.noModel(), null);
            return;
        }
        LiveSession starting = new LiveSession(choice, model.get(), services.detection().detector(),
                services.detection().align(), settings(), uiThread, events);
        session = starting;
        phase.set(Phase.STARTING);
        fps.set(0);
        latencyMs.set(0);
        status.set("Opening " + choice.displayName() + "…");
        BackgroundTask.wrap(progress -> starting.open())
                .onSuccess(started -> opened(starting, started))
                .onFailure(e -> openFailed(starting, e))
                .executeWith(services.executor());
    }

    /** Stops the video and releases the camera or file; the last frame stays shown. */
    public void stop() {
        restartWhenStopped = false;
        requestStop("Stopping…");
    }

    /**
     * Saves the shown frame with its boxes and labels (and landmarks, when they are shown) as a PNG (".png" is
     * added when missing).
     */
    public void snapshot(Path target) {
        snapshot(frame.get(), target);
    }

    /**
     * Saves {@code shown}, e.g. the frame that was on screen when the user asked for a snapshot, before a
     * file dialog let the video run on.
     */
    public void snapshot(LiveFrame shown, Path target) {
        if (shown == null) {
            status.set("There is no frame to save yet: start a camera or a video first.");
            return;
        }
        Path png = withExtension(target, "png");
        if (replacesUnasked(target, png)) {
            return;
        }
        boolean landmarks = services.detection().showLandmarksProperty().get();
        BackgroundTask.wrap(progress -> {
            SnapshotWriter.write(shown, png, landmarks);
            return png;
        }).onSuccess(saved -> status.set("Snapshot saved to " + saved))
                .onFailure(e -> fail("Could not save the snapshot", StatusMessages.detail(e), e))
                .executeWith(services.executor());
    }

    /**
     * Records every frame's faces to a CSV (".csv" is added when missing) until {@link #stopRecording()} or
     * the end of the run; the file appears under its name only then, complete.
     */
    public void startRecording(Path target) {
        LiveSession running = session;
        if (running == null || phase.get() != Phase.RUNNING || recording.get()) {
            status.set("Start a camera or a video first, then record its timeline.");
            return;
        }
        Path csv = withExtension(target, "csv");
        if (replacesUnasked(target, csv)) {
            return;
        }
        recording.set(true);
        BackgroundTask.wrap(progress -> {
            running.startTimeline(csv);
            return csv;
        }).onSuccess(file -> status.set("Recording the timeline to " + file))
                .onFailure(e -> timelineFailed(e))
                .executeWith(services.executor());
    }

    /** Ends the recording and moves the CSV into place. */
    public void stopRecording() {
        LiveSession running = session;
        if (!recording.get() || running == null) {
            // without a run, its end has committed the timeline already
            return;
        }
        BackgroundTask.wrap(progress -> running.stopTimeline())
                .onSuccess(saved -> saved.ifPresent(s -> {
                    recording.set(false);
                    status.set(StatusMessages.timelineSaved(s));
                }))
                .onFailure(this::timelineFailed)
                .executeWith(services.executor());
    }

    /**
     * The pane is going away for good (the app closes): stops following the model and releases the source.
     * The release runs on its own non-daemon thread, so the UI thread does not wait for it but the JVM
     * does, and a timeline being recorded is still committed at exit.
     */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        restartWhenStopped = false;
        services.models().activeProperty().removeListener(modelListener);
        services.detection().detectorProperty().removeListener(detectorListener);
        services.detection().alignProperty().removeListener(alignListener);
        LiveSession running = session;
        if (running == null) {
            return;
        }
        phase.set(Phase.STOPPING);
        Thread release = new Thread(() -> stopQuietly(running), "webcam-release");
        release.setDaemon(false);
        release.start();
    }

    // ---- run life cycle

    private LiveLoop.Settings settings() {
        // real time: a file plays at its own speed, as a camera does, dropping frames when behind
        return new LiveLoop.Settings(0, smoothingWeight(), true, 0);
    }

    private void opened(LiveSession started, boolean running) {
        if (!running) {
            ended(started, null);
        } else if (started == session && phase.get() == Phase.STARTING) {
            playing(started);
        }
    }

    private void playing(LiveSession running) {
        phase.set(Phase.RUNNING);
        status.set("Playing " + running.choice().displayName() + (smoothing.get() ? ", smoothed" : ""));
    }

    private void openFailed(LiveSession failed, Throwable error) {
        if (failed != session) {
            return;
        }
        session = null;
        restartWhenStopped = false;
        phase.set(Phase.IDLE);
        // LiveSession words the source problems itself; anything else is unexpected
        String message = error instanceof IOException ? error.getMessage()
                : "Could not start " + failed.choice().displayName() + ": " + StatusMessages.detail(error);
        fail("Could not start the video", message, error);
    }

    private void requestStop(String message) {
        LiveSession running = session;
        if (running == null || phase.get() == Phase.STOPPING) {
            return;
        }
        phase.set(Phase.STOPPING);
        status.set(message);
        BackgroundTask.<Void>wrap(progress -> {
            running.stop();
            return null;
        }).onFailure(e -> services.errors().report("Could not stop the video", StatusMessages.detail(e), e))
                .executeWith(services.executor());
    }

    /** A change of source or model applies to a running video by restarting it. */
    private void restart(String message) {
        if (session == null || phase.get() == Phase.STOPPING) {
            return;
        }
        restartWhenStopped = true;
        requestStop(message);
    }

    private void shown(LiveSession from, LiveFrame latest) {
        if (from != session) {
            return;
        }
        if (phase.get() == Phase.STARTING) {
            playing(from);
        }
        FrameAnalysis analysis = latest.analysis();
        frame.set(latest);
        fps.set(analysis.fps());
        latencyMs.set(analysis.latencyMs());
        faceCount.set(analysis.faces().size());
    }

    private void ended(LiveSession finished, LoopStats stats) {
        if (finished != session) {
            return;
        }
        session = null;
        phase.set(Phase.IDLE);
        fps.set(0);
        latencyMs.set(0);
        // after a failure the status keeps saying what went wrong
        String message = finished.failed() ? status.get()
                : StatusMessages.ended(finished.choice(), stats, finished.stopRequested());
        Optional<TimelineRecorder.Saved> timeline = finished.timelineSavedAtEnd();
        if (timeline.isPresent()) {
            message += " " + StatusMessages.timelineSaved(timeline.get());
        }
        status.set(message);
        recording.set(false);
        finished.timelineErrorAtEnd().ifPresent(this::timelineFailed);
        if (restartWhenStopped && !closed) {
            restartWhenStopped = false;
            start();
        }
    }

    private void sourceChosen(VideoChoice choice) {
        if (choice != null && session != null && !choice.equals(session.choice())) {
            restart("Switching to " + choice.displayName() + "…");
        }
    }

    private void smoothingChanged(boolean on) {
        preferences.smoothing(on);
        // applies to the running video from its next frame: no restart, the timeline recording goes on
        LiveSession running = session;
        if (running != null && phase.get() != Phase.STOPPING) {
            running.smoothing(smoothingWeight());
            if (phase.get() == Phase.RUNNING) {
                playing(running);
            }
        }
    }

    private double smoothingWeight() {
        return smoothing.get() ? SMOOTHING : 0;
    }

    private void modelChanged(LoadedModel model) {
        if (session == null || model == session.model()) {
            return;
        }
        if (model == null) {
            stop();
        } else {
            restart("Switching to the model " + model.card().name() + "…");
        }
    }

    /** The running video goes on with the other detector from a fresh start (its own models and tracks). */
    private void detectorChanged(DetectorChoice now) {
        if (session != null && now != session.detector()) {
            restart("Switching to the " + now.displayName() + " face detector…");
        }
    }

    /** Levelling changes the crops the model sees: the running video goes on from a fresh start with it. */
    private void alignChanged(boolean now) {
        if (session != null && now != session.aligns()) {
            restart(now ? "Levelling faces by their eyes…" : "No longer levelling faces…");
        }
    }

    private void timelineFailed(Throwable error) {
        recording.set(false);
        fail("Could not record the timeline", "The timeline was not saved: " + StatusMessages.detail(error), error);
    }

    private void fail(String title, String message, Throwable cause) {
        status.set(message);
        services.errors().report(title, message, cause);
    }

    private static void stopQuietly(LiveSession running) {
        try {
            running.stop();
        } catch (InterruptedException e) {
            LOG.warn("interrupted while releasing {}", running.choice());
            Thread.currentThread().interrupt();
        }
    }

    /**
     * True (and says so) when the added extension names a file that exists: the file dialog asked about
     * {@code chosen}, not about it, and FER Studio replaces nothing it was not told to.
     */
    private boolean replacesUnasked(Path chosen, Path written) {
        if (written.equals(chosen) || !Files.exists(written)) {
            return false;
        }
        status.set("Not saved: " + written + " already exists; choose it by its full name to replace it.");
        return true;
    }

    static Path withExtension(Path file, String extension) {
        String name = String.valueOf(file.getFileName());
        boolean has = name.toLowerCase(Locale.ROOT).endsWith("." + extension);
        return has ? file : file.resolveSibling(name + "." + extension);
    }

    /** Runs on the UI thread; results of runs that were replaced are dropped. */
    private final class SessionEvents implements LiveSession.Events {

        @Override
        public void frame(LiveSession from, LiveFrame latest) {
            shown(from, latest);
        }

        @Override
        public void failed(LiveSession from, Throwable error) {
            if (from == session) {
                fail("The video stopped", StatusMessages.stopped(from.choice(), error, from.hadFrames()), error);
            }
        }

        @Override
        public void timelineFailed(LiveSession from, Throwable error) {
            WebcamViewModel.this.timelineFailed(error);
        }

        @Override
        public void ended(LiveSession from, LoopStats stats) {
            WebcamViewModel.this.ended(from, stats);
        }
    }
}
