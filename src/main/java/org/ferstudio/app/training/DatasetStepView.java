package org.ferstudio.app.training;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.ferstudio.data.ClassCount;
import org.ferstudio.data.DataProblem;
import org.ferstudio.data.SplitMode;

/** Step 1's controls, bound to a {@link DatasetStepViewModel}. */
final class DatasetStepView {

    private final DatasetStepViewModel vm;
    private final VBox root = new VBox(10);
    private final CategoryAxis classAxis = new CategoryAxis();
    private final StackedBarChart<String, Number> chart = new StackedBarChart<>(classAxis, new NumberAxis());

    DatasetStepView(DatasetStepViewModel vm) {
        this.vm = vm;
        root.setPadding(new Insets(12));
        root.getChildren().addAll(Forms.heading("1. Choose and check the data"), pathRow(), classNamesRow(),
                progressRow(), Forms.wrapping("datasetSummaryLabel", vm.summaryProperty()), results(), splitRow());
    }

    Node root() {
        return root;
    }

    private HBox pathRow() {
        TextField path = new TextField();
        path.setId("datasetPathField");
        path.setPromptText("fer2013.csv.gz, or a folder with train/ and test/ class folders");
        path.textProperty().bindBidirectional(vm.pathProperty());
        path.setOnAction(e -> vm.validate());
        HBox.setHgrow(path, Priority.ALWAYS);
        Button csv = new Button("CSV file...");
        csv.setId("browseDatasetButton");
        csv.setOnAction(e -> chooseFile());
        Button folder = new Button("Image folder...");
        folder.setId("browseFolderButton");
        folder.setOnAction(e -> chooseFolder());
        Button validate = new Button("Validate");
        validate.setId("validateButton");
        validate.disableProperty().bind(vm.canValidateProperty().not());
        validate.setOnAction(e -> vm.validate());
        csv.disableProperty().bind(vm.busyProperty());
        folder.disableProperty().bind(vm.busyProperty());
        HBox row = new HBox(8, new Label("Data:"), path, csv, folder, validate);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private HBox classNamesRow() {
        TextField names = new TextField();
        names.setId("classNamesField");
        names.setPromptText("empty: the 7 FER2013 classes; else the class names in label order, comma-separated");
        names.textProperty().bindBidirectional(vm.classNamesProperty());
        HBox.setHgrow(names, Priority.ALWAYS);
        HBox row = new HBox(8, new Label("Classes:"), names);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private HBox progressRow() {
        ProgressBar bar = new ProgressBar();
        bar.setId("datasetProgress");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.busyProperty());
        bar.managedProperty().bind(vm.busyProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelValidationButton");
        cancel.visibleProperty().bind(vm.busyProperty());
        cancel.managedProperty().bind(vm.busyProperty());
        cancel.setOnAction(e -> vm.cancel());
        Label status = new Label();
        status.setId("datasetStatusLabel");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        HBox row = new HBox(8, bar, cancel, status);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private HBox results() {
        chart.setId("classDistributionChart");
        chart.setTitle("Images per class");
        chart.setAnimated(false);
        chart.setPrefSize(520, 300);
        classAxis.setAnimated(false);
        vm.classCounts().addListener((ListChangeListener<ClassCount>) c -> showCounts());
        showCounts();
        ListView<DataProblem> problems = new ListView<>(vm.problems());
        problems.setId("problemList");
        problems.setPlaceholder(new Label("No bad rows or files"));
        problems.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(DataProblem problem, boolean empty) {
                super.updateItem(problem, empty);
                setText(empty || problem == null ? null : problem.toString());
                setTooltip(empty || problem == null ? null : new Tooltip(problem.toString()));
            }
        });
        VBox problemBox = new VBox(4, new Label("Bad rows and files (skipped when training):"), problems);
        VBox.setVgrow(problems, Priority.ALWAYS);
        HBox.setHgrow(chart, Priority.ALWAYS);
        HBox.setHgrow(problemBox, Priority.ALWAYS);
        problemBox.setPrefWidth(420);
        return new HBox(12, chart, problemBox);
    }

    private VBox splitRow() {
        ComboBox<SplitMode> mode = new ComboBox<>(vm.splitModes());
        mode.setId("splitChoice");
        mode.setConverter(Forms.converter(DatasetStepViewModel::describe));
        mode.valueProperty().bindBidirectional(vm.splitModeProperty());
        mode.disableProperty().bind(vm.datasetProperty().isNull());
        TextField seed = new TextField();
        seed.setId("splitSeedField");
        seed.setPrefColumnCount(8);
        seed.textProperty().bindBidirectional(vm.splitSeedProperty());
        seed.disableProperty().bind(vm.splitModeProperty().isNotEqualTo(SplitMode.RANDOM));
        HBox controls = new HBox(8, new Label("Split:"), mode, new Label("Seed:"), seed);
        controls.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, controls, Forms.errorLabel("splitSeedError", vm.seedErrorProperty()),
                Forms.wrapping("splitDescriptionLabel", vm.splitDescriptionProperty()));
    }

    /** One stacked series per split; the category axis is set first, as StackedBarChart needs. */
    private void showCounts() {
        Map<String, XYChart.Series<String, Number>> bySplit = new LinkedHashMap<>();
        List<String> classes = new ArrayList<>();
        for (ClassCount count : vm.classCounts()) {
            if (!classes.contains(count.className())) {
                classes.add(count.className());
            }
            bySplit.computeIfAbsent(count.split(), split -> {
                XYChart.Series<String, Number> series = new XYChart.Series<>();
                series.setName(split);
                return series;
            }).getData().add(new XYChart.Data<>(count.className(), count.count()));
        }
        chart.getData().clear();
        classAxis.setCategories(FXCollections.observableArrayList(classes));
        chart.getData().addAll(bySplit.values());
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a FER2013-style CSV file");
        chooser.setInitialDirectory(vm.initialDirectory().toFile());
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("FER2013 CSV (*.csv, *.csv.gz)", "*.csv", "*.csv.gz", "*.gz"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            vm.choose(file.toPath());
        }
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose a folder of class folders (or of train/ and test/ folders)");
        chooser.setInitialDirectory(vm.initialDirectory().toFile());
        File folder = chooser.showDialog(window());
        if (folder != null) {
            vm.choose(folder.toPath());
        }
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
