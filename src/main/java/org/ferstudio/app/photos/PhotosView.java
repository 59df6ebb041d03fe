package org.ferstudio.app.photos;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.ferstudio.app.common.AppPane;
import org.ferstudio.model.FaceResult;
import org.ferstudio.model.PhotoResult;

/**
 * The Photos pane: a toolbar (open, export, clear), the photo list on the left, the selected photo with its
 * face boxes in the centre, the face list and the selected face's probabilities on the right, and status,
 * progress and Cancel along the bottom. Files and folders can be dropped anywhere on the pane. Everything it
 * shows comes from {@link PhotosViewModel}; everything it does is a view-model command, apart from the file
 * dialogs.
 */
public final class PhotosView implements AppPane {

    private static final String DROP_HIGHLIGHT = "-fx-border-color: #1e88e5; -fx-border-width: 3;";

    private final PhotosViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final ListView<PhotoEntry> photoList = new ListView<>();
    private final ListView<FaceResult> faceList = new ListView<>();
    private final PhotoCanvas photoCanvas = new PhotoCanvas();
    private final ProbabilityBars probabilityChart = new ProbabilityBars();
    private final Label placeholder = new Label();

    public PhotosView(PhotosViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId("photosPane");
        root.setTop(toolbar());
        root.setLeft(photoListPane());
        root.setCenter(viewer());
        root.setRight(facePane());
        root.setBottom(statusBar());
        acceptDroppedFiles();
    }

    @Override
    public String title() {
        return "Photos";
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void close() {
        viewModel.close();
    }

    // ---- layout ----

    private ToolBar toolbar() {
        Button open = button("openButton", "Open…", "Open photo files", e -> openFiles());
        Button openFolder = button("openFolderButton", "Open folder…", "Open every photo in a folder and its subfolders",
                e -> openFolder());
        Button exportPng = button("exportPngButton", "Export image…", "Save the selected photo with its boxes and labels (PNG)",
                e -> exportPng());
        exportPng.disableProperty().bind(viewModel.canExportImageProperty().not());
        Button exportCsv = button("exportCsvButton", "Export CSV…", "Save the results of all photos, one row per face",
                e -> exportCsv());
        exportCsv.disableProperty().bind(viewModel.canExportResultsProperty().not());
        Button exportJson = button("exportJsonButton", "Export JSON…", "Save the results of all photos as JSON",
                e -> exportJson());
        exportJson.disableProperty().bind(viewModel.canExportResultsProperty().not());
        Button clear = button("clearButton", "Clear", "Remove all photos from the list", e -> viewModel.clear());
        clear.disableProperty().bind(Bindings.isEmpty(viewModel.photos()));

        return new ToolBar(open, openFolder, new Separator(), exportPng, exportCsv, exportJson, new Separator(), clear);
    }

    /** Status, progress and Cancel in a bar of their own, so a narrow window never pushes them into an overflow menu. */
    private Node statusBar() {
        Label statusLabel = new Label();
        statusLabel.setId("statusLabel");
        statusLabel.textProperty().bind(viewModel.statusProperty());
        statusLabel.setMinWidth(0);
        statusLabel.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(statusLabel, Priority.ALWAYS);
        // the full text when the bar is too narrow for it
        Tooltip statusTip = new Tooltip();
        statusTip.textProperty().bind(viewModel.statusProperty());
        statusLabel.setTooltip(statusTip);

        ProgressBar progressBar = new ProgressBar();
        progressBar.setId("progressBar");
        progressBar.setPrefWidth(160);
        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressBar.visibleProperty().bind(viewModel.busyProperty());
        Button cancel = button("cancelButton", "Cancel", "Stop analysing; photos not reached stay in the list",
                e -> viewModel.cancel());
        cancel.disableProperty().bind(viewModel.busyProperty().not());

        HBox bar = new HBox(8, statusLabel, progressBar, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        return bar;
    }

    private Node photoListPane() {
        photoList.setId("photoList");
        photoList.setItems(viewModel.photos());
        FxImages thumbnails = new FxImages();
        photoList.setCellFactory(list -> new PhotoCell(thumbnails));
        photoList.setPrefWidth(260);
        photoList.setPlaceholder(new Label("No photos yet"));
        photoList.getSelectionModel().selectedItemProperty().addListener((obs, old, entry) -> viewModel.selectPhoto(entry));
        viewModel.selectedPhotoProperty().addListener((obs, old, entry) -> {
            if (entry == null) {
                photoList.getSelectionModel().clearSelection();
            } else if (photoList.getSelectionModel().getSelectedItem() != entry) {
                photoList.getSelectionModel().select(entry);
                photoList.scrollTo(entry);
            }
        });
        return photoList;
    }

    /** Boxes are in the photo file's pixels; the bitmap shown may be smaller (a large photo, decoded reduced). */
    private void showFileSize() {
        PhotoEntry entry = viewModel.selectedPhotoProperty().get();
        PhotoResult result = entry == null ? null : entry.state().result();
        photoCanvas.setFileSize(result == null ? 0 : result.width(), result == null ? 0 : result.height());
    }

    private Node viewer() {
        photoCanvas.setOnClick(viewModel::selectFaceAt);
        viewModel.selectedImageProperty().addListener((obs, old, image) -> {
            showFileSize();
            photoCanvas.setImage(toFx(image));
        });
        viewModel.faces().addListener((ListChangeListener<FaceResult>) change -> {
            showFileSize();
            photoCanvas.setFaces(viewModel.faces());
        });
        viewModel.selectedFaceIndexProperty().addListener((obs, old, index) -> photoCanvas.setSelected(index.intValue()));
        showFileSize();
        photoCanvas.setImage(toFx(viewModel.selectedImageProperty().get()));
        photoCanvas.setFaces(viewModel.faces());
        photoCanvas.setSelected(viewModel.selectedFaceIndexProperty().get());
        viewModel.showLandmarksProperty().addListener((obs, old, show) -> photoCanvas.setShowLandmarks(show));
        photoCanvas.setShowLandmarks(viewModel.showLandmarksProperty().get());

        placeholder.setMouseTransparent(true);
        placeholder.setWrapText(true);
        placeholder.setPadding(new Insets(16));
        InvalidationListener updatePlaceholder = obs -> placeholder.setText(placeholderText());
        viewModel.selectedPhotoProperty().addListener(updatePlaceholder);
        viewModel.selectedImageProperty().addListener(updatePlaceholder);
        viewModel.photos().addListener(updatePlaceholder);
        placeholder.setText(placeholderText());
        return new StackPane(photoCanvas, placeholder);
    }

    private Node facePane() {
        faceList.setId("faceList");
        faceList.setItems(viewModel.faces());
        faceList.setCellFactory(list -> new FaceCell());
        faceList.setPlaceholder(new Label("No faces"));
        faceList.setPrefHeight(150);
        faceList.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
            if (index.intValue() != viewModel.selectedFaceIndexProperty().get()) {
                viewModel.selectFace(index.intValue());
            }
        });
        viewModel.selectedFaceIndexProperty().addListener((obs, old, index) -> {
            int i = index.intValue();
            if (faceList.getSelectionModel().getSelectedIndex() != i) {
                if (i < 0) {
                    faceList.getSelectionModel().clearSelection();
                } else {
                    faceList.getSelectionModel().select(i);
                }
            }
        });
        viewModel.selectedFaceProperty().addListener((obs, old, face) -> probabilityChart.show(face));
        probabilityChart.show(viewModel.selectedFaceProperty().get());

        VBox pane = new VBox(6, heading("Faces"), faceList, heading("Probabilities"), probabilityChart);
        pane.setPadding(new Insets(8));
        pane.setPrefWidth(290);
        VBox.setVgrow(faceList, Priority.SOMETIMES);
        return pane;
    }

    // ---- opening ----

    private void acceptDroppedFiles() {
        root.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        root.setOnDragEntered(event -> {
            if (event.getDragboard().hasFiles()) {
                root.setStyle(DROP_HIGHLIGHT);
            }
        });
        root.setOnDragExited(event -> root.setStyle(""));
        root.setOnDragDropped(this::dropped);
    }

    private void dropped(DragEvent event) {
        boolean hasFiles = event.getDragboard().hasFiles();
        if (hasFiles) {
            viewModel.addFiles(toPaths(event.getDragboard().getFiles()));
        }
        event.setDropCompleted(hasFiles);
        event.consume();
    }

    private void openFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open photos");
        chooser.getExtensionFilters().addAll(
                // GTK matches patterns case-sensitively; cameras often write .JPG
                new FileChooser.ExtensionFilter("Photos", "*.jpg", "*.jpeg", "*.png", "*.bmp", "*.gif", "*.webp",
                        "*.JPG", "*.JPEG", "*.PNG", "*.BMP", "*.GIF", "*.WEBP"),
                new FileChooser.ExtensionFilter("All files", "*"));
        viewModel.lastFolder().ifPresent(folder -> chooser.setInitialDirectory(folder.toFile()));
        List<File> files = chooser.showOpenMultipleDialog(window());
        if (files != null) {
            viewModel.addFiles(toPaths(files));
        }
    }

    private void openFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of photos");
        viewModel.lastFolder().ifPresent(folder -> chooser.setInitialDirectory(folder.toFile()));
        File folder = chooser.showDialog(window());
        if (folder != null) {
            viewModel.addFiles(List.of(folder.toPath()));
        }
    }

    // ---- exporting ----

    private void exportPng() {
        chooseTarget("Export the annotated photo", viewModel.suggestedImageName(),
                new FileChooser.ExtensionFilter("PNG image", "*.png")).ifPresent(viewModel::exportAnnotatedPng);
    }

    private void exportCsv() {
        chooseTarget("Export the results as CSV", "photos.csv", new FileChooser.ExtensionFilter("CSV file", "*.csv"))
                .ifPresent(viewModel::exportCsv);
    }

    private void exportJson() {
        chooseTarget("Export the results as JSON", "photos.json", new FileChooser.ExtensionFilter("JSON file", "*.json"))
                .ifPresent(viewModel::exportJson);
    }

    private Optional<Path> chooseTarget(String title, String fileName, FileChooser.ExtensionFilter filter) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(fileName);
        chooser.getExtensionFilters().add(filter);
        viewModel.exportFolder().ifPresent(folder -> chooser.setInitialDirectory(folder.toFile()));
        return Optional.ofNullable(chooser.showSaveDialog(window())).map(File::toPath);
    }

    // ---- helpers ----

    private String placeholderText() {
        PhotoEntry entry = viewModel.selectedPhotoProperty().get();
        if (entry == null) {
            return viewModel.photos().isEmpty() ? "Open photos, or drop files and folders here." : "Select a photo.";
        }
        if (entry.status() == PhotoStatus.FAILED) {
            return entry.reason();
        }
        return viewModel.selectedImageProperty().get() == null ? "Loading " + entry.name() + "…" : "";
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private static Image toFx(BufferedImage image) {
        return image == null ? null : SwingFXUtils.toFXImage(image, null);
    }

    private static List<Path> toPaths(List<File> files) {
        return files.stream().map(File::toPath).toList();
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-font-weight: bold;");
        return label;
    }

    private static Button button(String id, String text, String tip, EventHandler<ActionEvent> action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(action);
        return button;
    }
}
