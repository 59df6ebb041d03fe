package org.ferstudio.app.models;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The model details window: a read-only view of a {@link ModelDetailsViewModel}. */
public final class ModelDetailsView {

    private static final double PICTURE_WIDTH = 460;

    private final ModelDetailsViewModel vm;
    private final ScrollPane root;

    public ModelDetailsView(ModelDetailsViewModel vm) {
        this.vm = vm;
        VBox content = new VBox(10, heading(vm.title()), facts(), heading("Recall per class"), classTable(),
                heading("Test-time augmentation"), augmentationTable(), note(), heading("Pictures"), pictures());
        content.setPadding(new Insets(12));
        root = new ScrollPane(content);
        root.setId("modelDetails");
        root.setFitToWidth(true);
    }

    public Parent root() {
        return root;
    }

    /** Opens the details in their own window beside {@code owner}. */
    public static Stage show(Window owner, ModelDetailsViewModel vm) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(vm.title());
        stage.setScene(new Scene(new ModelDetailsView(vm).root(), 1000, 720));
        stage.show();
        return stage;
    }

    private GridPane facts() {
        GridPane grid = new GridPane();
        grid.setId("modelFacts");
        grid.setHgap(12);
        grid.setVgap(4);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(160);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(names, values);
        List<ModelDetailsViewModel.Fact> facts = vm.facts();
        for (int row = 0; row < facts.size(); row++) {
            Label name = new Label(facts.get(row).name());
            name.setStyle("-fx-font-weight: bold;");
            Label value = new Label(facts.get(row).value());
            value.setWrapText(true);
            grid.addRow(row, name, value);
        }
        return grid;
    }

    private TableView<ModelDetailsViewModel.ClassRow> classTable() {
        TableView<ModelDetailsViewModel.ClassRow> table = new TableView<>(FXCollections.observableArrayList(vm.classes()));
        table.setId("classRecallTable");
        table.getColumns().add(column("Class", ModelDetailsViewModel.ClassRow::className));
        table.getColumns().add(column("Test recall", ModelDetailsViewModel.ClassRow::testRecall));
        table.getColumns().add(column("Validation recall", ModelDetailsViewModel.ClassRow::validationRecall));
        fitRows(table, vm.classes().size());
        return table;
    }

    private TableView<ModelDetailsViewModel.AugmentationRow> augmentationTable() {
        TableView<ModelDetailsViewModel.AugmentationRow> table =
                new TableView<>(FXCollections.observableArrayList(vm.augmentations()));
        table.setId("augmentationTable");
        table.getColumns().add(column("Augmentation", ModelDetailsViewModel.AugmentationRow::augmentation));
        table.getColumns().add(column("Validation accuracy", ModelDetailsViewModel.AugmentationRow::validationAccuracy));
        table.getColumns().add(column("Time per face", ModelDetailsViewModel.AugmentationRow::msPerFace));
        table.getColumns().add(column("Used for", ModelDetailsViewModel.AugmentationRow::usedFor));
        fitRows(table, Math.max(1, vm.augmentations().size()));
        table.setPlaceholder(new Label("Not measured for this model"));
        return table;
    }

    private Label note() {
        Label note = new Label(vm.augmentationsNote());
        note.setId("augmentationNote");
        note.setWrapText(true);
        note.setManaged(!vm.augmentationsNote().isEmpty());
        note.setVisible(note.isManaged());
        return note;
    }

    private FlowPane pictures() {
        FlowPane pane = new FlowPane(12, 12);
        pane.setId("modelPictures");
        pane.getChildren().add(picture("confusionMatrixImage", vm.confusionMatrixPicture(), "confusion matrix"));
        pane.getChildren().add(picture("trainingCurvesImage", vm.trainingCurvesPicture(), "training curves"));
        return pane;
    }

    /** Loads in the background (the Image's own loader), so a large picture never blocks the window. */
    private static javafx.scene.Node picture(String id, Optional<Path> file, String what) {
        if (file.isEmpty()) {
            Label missing = new Label("No " + what + " picture was saved with this model.");
            missing.setId(id + "Missing");
            return missing;
        }
        ImageView view = new ImageView(new Image(file.get().toUri().toString(), PICTURE_WIDTH, 0, true, true, true));
        view.setId(id);
        return view;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setSortable(false);
        column.setPrefWidth(160);
        return column;
    }

    private static void fitRows(TableView<?> table, int rows) {
        table.setFixedCellSize(26);
        table.setPrefHeight(30 + rows * 26.0 + 4);
        table.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-font-size: 1.2em; -fx-font-weight: bold;");
        return label;
    }
}
