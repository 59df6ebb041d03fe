package org.ferstudio.app.photos;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.Observable;
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
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ferstudio.app.common.AppServices;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.model.FaceBox;
import org.ferstudio.model.FaceResult;
import org.ferstudio.model.PhotoResult;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.task.BackgroundTask;
import org.ferstudio.vision.ImageLoadException;
import org.ferstudio.vision.ImageLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State and commands of the Photos pane: the photos opened, each pending, analysed or failed with the
 * reason; the selected photo, its image and faces, and the selected face; analysis in the background with
 * progress and cancel; exports. Follows the active model: when it changes every photo is analysed again.
 *
 * <p>All state changes happen on the task executor's callback thread (the FX thread in the app, the
 * calling thread in tests); workers only read their own snapshot of files.
 */
public final class PhotosViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(PhotosViewModel.class);

    /** The status while there is no model to analyse with. */
    static final String NO_MODEL = "No model is active: choose a model to analyse the photos";

    private final AppServices services;
    private final PhotosPreferences preferences;
    private final AnalyzerFactory analyzers = new AnalyzerFactory();
    private final ImageLoader imageLoader = new ImageLoader();
    private final RecentImages recentImages = new RecentImages(4);
    private final ChangeListener<LoadedModel> modelListener = (obs, old, model) -> modelChanged(model);
    private final ChangeListener<Object> detectionListener = (obs, old, now) -> detectionChanged();

    // the extractor makes a state change of an entry a list update, so list rows redraw without losing selection
    private final ObservableList<PhotoEntry> photos =
            FXCollections.observableArrayList(entry -> new Observable[] {entry.stateProperty()});
    private final Map<Path, PhotoEntry> photosByFile = new HashMap<>();
    private final ObservableList<FaceResult> faces = FXCollections.observableArrayList();
    // one read-only view each: a wrapper made per call would be collected along with the listeners added to it
    private final ObservableList<PhotoEntry> photosView = FXCollections.unmodifiableObservableList(photos);
    private final ObservableList<FaceResult> facesView = FXCollections.unmodifiableObservableList(faces);
    private final ReadOnlyObjectWrapper<PhotoEntry> selectedPhoto = new ReadOnlyObjectWrapper<>(this, "selectedPhoto");
    private final ReadOnlyObjectWrapper<BufferedImage> selectedImage = new ReadOnlyObjectWrapper<>(this, "selectedImage");
    private final ReadOnlyObjectWrapper<FaceResult> selectedFace = new ReadOnlyObjectWrapper<>(this, "selectedFace");
    private final ReadOnlyIntegerWrapper selectedFaceIndex = new ReadOnlyIntegerWrapper(this, "selectedFaceIndex", -1);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
    private final ReadOnlyBooleanWrapper canExportResults = new ReadOnlyBooleanWrapper(this, "canExportResults");
    private final ReadOnlyBooleanWrapper canExportImage = new ReadOnlyBooleanWrapper(this, "canExportImage");

    /** The running analysis, null when idle; a batch that is no longer this one has its results ignored. */
    private AnalysisBatch batch;
    private String batchMessage;
    /** Folder searches under way; one removed from here (cancel, clear) has its result ignored. */
    private final Set<Object> scans = new HashSet<>();
    /** The classes of the model that produced the current results (CSV columns). */
    private ClassLabels resultClasses;
    /** The outcome of the last action (e.g. "Saved ..."), shown while idle until the next action. */
    private String notice;

    public PhotosViewModel(AppServices services) {
        this.services = services;
        this.preferences = new PhotosPreferences(services.preferences("photos"));
        services.models().activeProperty().addListener(modelListener);
        services.detection().detectorProperty().addListener(detectionListener);
        services.detection().alignProperty().addListener(detectionListener);
        refresh();
    }

    // ---- state for the view ----

    /** The photos in the order they were added. */
    public ObservableList<PhotoEntry> photos() {
        return photosView;
    }

    /** The faces of the selected photo, largest first (the detector's order). */
    public ObservableList<FaceResult> faces() {
        return facesView;
    }

    public ReadOnlyObjectProperty<PhotoEntry> selectedPhotoProperty() {
        return selectedPhoto.getReadOnlyProperty();
    }

    /** The selected photo as read from its file (upright, full size); null while loading or when it failed. */
    public ReadOnlyObjectProperty<BufferedImage> selectedImageProperty() {
        return selectedImage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FaceResult> selectedFaceProperty() {
        return selectedFace.getReadOnlyProperty();
    }

    /** Whether the faces' landmarks are drawn (the app-wide detection option). */
    public ReadOnlyBooleanProperty showLandmarksProperty() {
        return services.detection().showLandmarksProperty();
    }

    /** Index of the selected face in {@link #faces()}, -1 for none. */
    public ReadOnlyIntegerProperty selectedFaceIndexProperty() {
        return selectedFaceIndex.getReadOnlyProperty();
    }

    /** True while photos are searched for or analysed. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** 0..1 through the running analysis, -1 while the amount of work is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** One line for the user: what is happening, or what there is, or why nothing can be analysed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canExportResultsProperty() {
        return canExportResults.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canExportImageProperty() {
        return canExportImage.getReadOnlyProperty();
    }

    /** Where the open dialogs start: the folder photos were last opened from. */
    public Optional<Path> lastFolder() {
        return preferences.lastFolder();
    }

    /** Where the save dialogs start. */
    public Optional<Path> exportFolder() {
        return preferences.exportFolder();
    }

    /** "photo.annotated.png" for the selected photo, as {@code predict --annotate} names it. */
    public String suggestedImageName() {
        PhotoEntry entry = selectedPhoto.get();
        String stem = entry == null ? "photo" : entry.name().replaceFirst("\\.[^.]*$", "");
        return stem + ".annotated.png";
    }

    // ---- commands ----

    /**
     * Adds photo files and folders (searched recursively), skipping those already listed, and analyses the
     * new ones, and any left over from a cancelled run, in the background.
     */
    public void addFiles(List<Path> paths) {
        if (paths.isEmpty()) {
            return;
        }
        preferences.rememberOpened(paths.get(0));
        notice = null;
        Object scan = new Object();
        scans.add(scan);
        BackgroundTask.wrap(reporter -> PhotoFiles.expand(paths)).onSuccess(found -> {
            if (scans.contains(scan)) {
                addFound(found, paths);
            }
        }).onFailure(e -> services.errors().report("Could not open the photos", message(e), e))
                .onFinished(() -> {
                    scans.remove(scan);
                    refresh();
                })
                .executeWith(services.executor());
        refresh();
    }

    /** Stops the search and the analysis; photos not reached stay pending. */
    public void cancel() {
        scans.clear();
        if (batch != null) {
            batch.cancel();
        }
        refresh();
    }

    /** Empties the list. */
    public void clear() {
        detachBatch();
        scans.clear();
        selectPhoto(null);
        photos.clear();
        photosByFile.clear();
        recentImages.clear();
        resultClasses = null;
        notice = null;
        refresh();
    }

    /** Shows a photo (null for none) with its faces, the largest selected. */
    public void selectPhoto(PhotoEntry entry) {
        if (entry == selectedPhoto.get()) {
            return;
        }
        selectedPhoto.set(entry);
        showFacesOf(entry);
        showImageOf(entry);
        refresh();
    }

    /** Selects a face of the selected photo by its index in {@link #faces()}; -1 or out of range for none. */
    public void selectFace(int index) {
        int valid = index >= 0 && index < faces.size() ? index : -1;
        selectedFace.set(valid < 0 ? null : faces.get(valid));
        selectedFaceIndex.set(valid);
    }

    /**
     * Selects the face whose box holds a point in image pixels, widened by {@code tolerance} pixels so that a
     * click on the box's outline counts. The smallest such box wins: it is the most specific one where boxes
     * overlap.
     *
     * @return false (selection unchanged) when no box is there
     */
    public boolean selectFaceAt(double imageX, double imageY, double tolerance) {
        int best = -1;
        for (int i = 0; i < faces.size(); i++) {
            FaceBox b = faces.get(i).box();
            boolean inside = imageX >= b.x() - tolerance && imageX <= b.x() + b.width() + tolerance
                    && imageY >= b.y() - tolerance && imageY <= b.y() + b.height() + tolerance;
            if (inside && (best < 0 || b.area() < faces.get(best).box().area())) {
                best = i;
            }
        }
        if (best < 0) {
            return false;
        }
        selectFace(best);
        return true;
    }

    /** Saves the selected photo with its boxes and labels drawn, as PNG, in the background. */
    public void exportAnnotatedPng(Path target) {
        PhotoEntry entry = selectedPhoto.get();
        if (entry == null || entry.status() != PhotoStatus.ANALYSED) {
            services.errors().report("Nothing to export", "Select a photo that has been analysed first.", null);
            return;
        }
        List<FaceResult> photoFaces = entry.faces();
        int fileWidth = entry.state().result().width();
        BufferedImage shown = selectedImage.get();
        export(target, "annotated image", () -> PhotoExports.writeAnnotatedPng(target,
                shown != null ? shown : imageLoader.load(entry.file()), photoFaces, fileWidth));
    }

    /** Saves the results of all finished photos (one row per face, failed files with their reason) as CSV. */
    public void exportCsv(Path target) {
        List<PhotoResult> results = finishedResults();
        if (results.isEmpty()) {
            reportNothingToExport();
            return;
        }
        ClassLabels classes = resultClasses;
        export(target, "CSV file", () -> PhotoExports.writeCsv(target, results, classes));
    }

    /** Saves the results of all finished photos as JSON, as {@code predict --json} prints them. */
    public void exportJson(Path target) {
        List<PhotoResult> results = finishedResults();
        if (results.isEmpty()) {
            reportNothingToExport();
            return;
        }
        export(target, "JSON file", () -> PhotoExports.writeJson(target, results));
    }

    /** The pane is closing: stop the work and stop following the model. */
    public void close() {
        detachBatch();
        scans.clear();
        services.models().activeProperty().removeListener(modelListener);
        services.detection().detectorProperty().removeListener(detectionListener);
        services.detection().alignProperty().removeListener(detectionListener);
    }

    // ---- adding and analysing ----

    private void addFound(PhotoFiles.Found found, List<Path> paths) {
        List<PhotoEntry> added = new ArrayList<>();
        for (Path file : found.files()) {
            if (!photosByFile.containsKey(file)) {
                PhotoEntry entry = new PhotoEntry(file);
                photosByFile.put(file, entry);
                added.add(entry);
            }
        }
        photos.addAll(added);
        if (!found.problems().isEmpty()) {
            services.errors().report("Some folders could not be searched", String.join("\n", found.problems()), null);
        } else if (found.files().isEmpty()) {
            notice = "No photos (.jpg, .jpeg, .png, .bmp, .gif, .webp) in " + describe(paths);
        }
        if (selectedPhoto.get() == null && !added.isEmpty()) {
            selectPhoto(added.get(0));
        }
        analysePending();
    }

    /** Starts a batch over the pending photos, unless one is running (it takes them on when it ends) or no model is active. */
    private void analysePending() {
        if (batch != null) {
            return;
        }
        Optional<LoadedModel> model = services.models().active();
        List<Path> files = photos.stream().filter(e -> e.status() == PhotoStatus.PENDING).map(PhotoEntry::file).toList();
        if (model.isPresent() && !files.isEmpty()) {
            startBatch(new AnalysisBatch(files, model.get(), services.detection().detector(),
                    services.detection().align()));
        }
    }

    private void startBatch(AnalysisBatch started) {
        batch = started;
        batchMessage = null;
        progress.set(0);
        refresh();
        BackgroundTask.wrap(reporter -> started.run(analyzers, reporter))
                .onProgress((fraction, message) -> {
                    if (batch == started) {
                        apply(started);
                        progress.set(fraction);
                        batchMessage = message;
                        refresh();
                    }
                })
                .onSuccess(none -> batchEnded(started, false, null))
                .onCancelled(() -> batchEnded(started, true, null))
                .onFailure(e -> batchEnded(started, false, e))
                .executeWith(services.executor());
    }

    private void batchEnded(AnalysisBatch ended, boolean cancelled, Throwable failure) {
        if (batch != ended) {
            return;
        }
        apply(ended);
        batch = null;
        if (failure != null) {
            services.errors().report("Could not analyse the photos", message(failure), failure);
        } else if (!cancelled) {
            analysePending();
        }
        refresh();
    }

    /** Shows the photos the batch finished since the last call. */
    private void apply(AnalysisBatch from) {
        List<AnalysedPhoto> finished = from.takeFinished();
        for (AnalysedPhoto done : finished) {
            PhotoEntry entry = photosByFile.get(done.result().file());
            if (entry == null) {
                continue;
            }
            entry.finished(done.result(), done.thumbnail());
            if (done.image() != null) {
                recentImages.put(entry.file(), done.image());
            }
            if (entry == selectedPhoto.get()) {
                selectedImage.set(done.image());
                showFacesOf(entry);
            }
        }
        if (!finished.isEmpty()) {
            resultClasses = from.model().card().classLabels();
        }
    }

    private void modelChanged(LoadedModel model) {
        detachBatch();
        notice = null;
        if (model != null) {
            // results of another model are not this model's: analyse everything again
            photos.forEach(PhotoEntry::markPending);
            showFacesOf(selectedPhoto.get());
            analysePending();
        }
        refresh();
    }

    /** Another detector or alignment finds or frames the faces differently: analyse everything again. */
    private void detectionChanged() {
        modelChanged(services.models().active().orElse(null));
    }

    /** Drops the running batch at once: it stops at its next photo and nothing it still delivers is shown. */
    private void detachBatch() {
        if (batch != null) {
            batch.cancel();
            batch = null;
        }
    }

    // ---- selection ----

    private void showFacesOf(PhotoEntry entry) {
        faces.setAll(entry == null ? List.of() : entry.faces());
        selectFace(faces.isEmpty() ? -1 : 0);
    }

    private void showImageOf(PhotoEntry entry) {
        selectedImage.set(null);
        if (entry == null || entry.status() == PhotoStatus.FAILED) {
            return;
        }
        BufferedImage recent = recentImages.get(entry.file());
        if (recent != null) {
            selectedImage.set(recent);
            return;
        }
        BackgroundTask.wrap(reporter -> loadForDisplay(entry.file()))
                .onSuccess(image -> {
                    if (image != null) {
                        recentImages.put(entry.file(), image);
                    }
                    if (selectedPhoto.get() == entry) {
                        selectedImage.set(image);
                    }
                })
                .executeWith(services.executor());
    }

    /** Worker thread: the photo to show, or null when it cannot be read. */
    private BufferedImage loadForDisplay(Path file) {
        try {
            return imageLoader.load(file);
        } catch (ImageLoadException e) {
            // the analysis lists the reason with the photo; here it only means there is nothing to show
            LOG.debug("cannot show {}: {}", file, e.getMessage());
            return null;
        }
    }

    // ---- exports ----

    /** Writes one export file. */
    @FunctionalInterface
    private interface ExportWriter {
        void write() throws IOException;
    }

    private void export(Path target, String what, ExportWriter writer) {
        preferences.rememberExported(target);
        BackgroundTask.wrap(reporter -> {
            writer.write();
            return target;
        }).onSuccess(saved -> {
            notice = "Saved " + saved;
            refresh();
        }).onFailure(e -> services.errors().report("Could not save the " + what, message(e), e))
                .executeWith(services.executor());
    }

    /** Results of the photos analysed or failed so far, in list order. */
    private List<PhotoResult> finishedResults() {
        return photos.stream().filter(e -> e.status() != PhotoStatus.PENDING).map(e -> e.state().result()).toList();
    }

    private void reportNothingToExport() {
        services.errors().report("Nothing to export", "No photo has been analysed yet.", null);
    }

    // ---- status ----

    private void refresh() {
        boolean scanning = !scans.isEmpty();
        busy.set(batch != null || scanning);
        if (batch == null) {
            progress.set(scanning ? -1 : 0);
        }
        status.set(describeStatus(scanning));
        canExportResults.set(photos.stream().anyMatch(e -> e.status() != PhotoStatus.PENDING));
        PhotoEntry selected = selectedPhoto.get();
        canExportImage.set(selected != null && selected.status() == PhotoStatus.ANALYSED);
    }

    private String describeStatus(boolean scanning) {
        if (batch != null) {
            return batch.cancelRequested() ? "Cancelling…" : batchMessage != null ? batchMessage : "Analysing…";
        }
        if (scanning) {
            return "Looking for photos…";
        }
        PhotoCounts counts = PhotoCounts.of(photos);
        if (services.models().active().isEmpty()) {
            return counts.pending() == 0 ? NO_MODEL + "."
                    : NO_MODEL + " (" + PhotoCounts.plural(counts.pending(), "photo") + " waiting).";
        }
        if (notice != null) {
            return notice;
        }
        return photos.isEmpty() ? "Open photos, or drop files and folders here." : counts.summary();
    }

    private static String describe(List<Path> paths) {
        return paths.stream().map(p -> p.getFileName() == null ? p.toString() : p.getFileName().toString())
                .collect(Collectors.joining(", "));
    }

    private static String message(Throwable e) {
        return e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : e.toString();
    }
}
