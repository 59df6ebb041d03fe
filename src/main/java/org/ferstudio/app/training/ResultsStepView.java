package org.ferstudio.app.training;

import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.ferstudio.eval.ClassMetrics;

/** Step 4's results and save controls, bound to a {@link ResultsStepViewModel}. */
final class ResultsStepView {

    /** Faces are shown at twice their size: 48 px is too small to read an expression. */
    private static final double FACE_SIZE = 96;

    private final ResultsStepViewModel vm;
    private final VBox root = new VBox(10);
    private final FlowPane faces = new FlowPane(8, 8);

    ResultsStepView(ResultsStepViewModel vm) {
        this.vm = vm;
        vm.setOverwriteConfirmation(this::confirmOverwrite);
        root.setPadding(new Insets(12));
        Label headline = new Label();
        headline.setId("resultsHeadline");
        headline.setStyle("-fx-font-size: 1.3em; -fx-font-weight: bold;");
        headline.textProperty().bind(vm.headlineProperty());
        Label details = Forms.wrapping("resultsDetails", vm.detailsProperty());
        VBox matrix = new VBox(4, Forms.heading("Confusion matrix (rows: true class, columns: predicted)"),
                new ConfusionMatrixHeatmap(vm.classNames(), vm.heatmap()).node());
        VBox table = new VBox(4, Forms.heading("Per class"), perClassTable());
        HBox.setHgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(Forms.heading("4. Results"), headline, details, new HBox(16, matrix, table),
                Forms.heading("Most confident mistakes"), misclassified(), saveRow(),
                Forms.errorLabel("modelNameError", vm.nameErrorProperty()),
                Forms.warningLabel("overwriteWarning", vm.overwriteWarningProperty()),
                Forms.wrapping("saveStatusLabel", vm.saveStatusProperty()));
    }

    Node root() {
        return root;
    }

    private TableView<ClassMetrics> perClassTable() {
        TableView<ClassMetrics> table = new TableView<>(vm.perClass());
        table.setId("perClassTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(260);
        table.setPlaceholder(new Label("No results yet"));
        table.getColumns().add(textColumn("Class", ClassMetrics::label));
        table.getColumns().add(textColumn("Precision", m -> Formats.score(m.precision())));
        table.getColumns().add(textColumn("Recall", m -> Formats.score(m.recall())));
        table.getColumns().add(textColumn("F1", m -> Formats.score(m.f1())));
        TableColumn<ClassMetrics, Integer> support = new TableColumn<>("Support");
        support.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().support()));
        table.getColumns().add(support);
        return table;
    }

    private static TableColumn<ClassMetrics, String> textColumn(String title, Function<ClassMetrics, String> value) {
        TableColumn<ClassMetrics, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    private ScrollPane misclassified() {
        faces.setId("misclassifiedGrid");
        faces.setPadding(new Insets(4));
        vm.misclassified().addListener((InvalidationListener) o -> showFaces());
        showFaces();
        ScrollPane scroll = new ScrollPane(faces);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(FACE_SIZE + 40);
        return scroll;
    }

    private void showFaces() {
        faces.getChildren().clear();
        for (MisclassifiedFace face : vm.misclassified()) {
            ImageView image = new ImageView(GreyImages.of(face.pixels()));
            image.setFitWidth(FACE_SIZE);
            image.setFitHeight(FACE_SIZE);
            Label caption = new Label(face.caption());
            caption.setMaxWidth(FACE_SIZE + 24);
            VBox tile = new VBox(2, image, caption);
            tile.setAlignment(Pos.TOP_CENTER);
            Tooltip.install(tile, new Tooltip("True: " + face.trueLabel() + "\nPredicted: " + face.predictedLabel()));
            faces.getChildren().add(tile);
        }
        if (faces.getChildren().isEmpty()) {
            faces.getChildren().add(new Label("No mistakes to show."));
        }
    }

    private HBox saveRow() {
        TextField name = new TextField();
        name.setId("modelNameField");
        name.setPrefColumnCount(28);
        name.textProperty().bindBidirectional(vm.modelNameProperty());
        Button save = new Button("Save model");
        save.setId("saveModelButton");
        save.disableProperty().bind(vm.canSaveProperty().not());
        save.setOnAction(e -> vm.save());
        name.setOnAction(e -> vm.save());
        CheckBox activate = new CheckBox("Make it the active model");
        activate.setId("activateCheck");
        activate.selectedProperty().bindBidirectional(vm.activateProperty());
        HBox row = new HBox(8, new Label("Save as:"), name, save, activate);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private boolean confirmOverwrite(String name) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                "A model named '" + name + "' already exists. Replace it with this one?", ButtonType.OK, ButtonType.CANCEL);
        alert.setHeaderText("Replace the model '" + name + "'?");
        if (root.getScene() != null) {
            alert.initOwner(root.getScene().getWindow());
        }
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }
}
