package org.ferstudio.app.training;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.ferstudio.train.InterruptedRun;

/** Step 3's controls and live charts, bound to a {@link TrainingStepViewModel}. */
final class TrainingStepView {

    private final TrainingStepViewModel vm;
    private final VBox root = new VBox(10);

    TrainingStepView(TrainingStepViewModel vm) {
        this.vm = vm;
        root.setPadding(new Insets(12));
        Label status = new Label();
        status.setId("trainingStatusLabel");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        HBox charts = new HBox(12, lossChart(), accuracyChart());
        VBox.setVgrow(charts, Priority.ALWAYS);
        root.getChildren().addAll(Forms.heading("3. Train"), buttons(), earlierRunRow(), progressRow(), status, charts);
    }

    Node root() {
        return root;
    }

    private HBox buttons() {
        Button start = button("startTrainingButton", "Start training", vm.canStartProperty().not());
        start.setOnAction(e -> vm.start());
        Button cancel = button("cancelTrainingButton", "Cancel", vm.canCancelProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Button resume = button("resumeButton", "Resume", vm.canResumeProperty().not());
        resume.setOnAction(e -> vm.resume());
        Button finish = button("finishWithBestButton", "Finish with the best epoch",
                vm.canFinishWithBestProperty().not());
        finish.setOnAction(e -> vm.finishWithBestEpoch());
        return new HBox(8, start, cancel, resume, finish);
    }

    /** Shown only when the runs folder holds interrupted runs. */
    private HBox earlierRunRow() {
        ComboBox<InterruptedRun> runs = new ComboBox<>(vm.earlierRuns());
        runs.setId("earlierRunCombo");
        runs.setConverter(Forms.converter(TrainingStepViewModel::describe));
        runs.valueProperty().bindBidirectional(vm.earlierRunProperty());
        runs.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(runs, Priority.ALWAYS);
        Button resume = button("resumeEarlierButton", "Resume this run", vm.canResumeEarlierProperty().not());
        resume.setOnAction(e -> vm.resumeEarlier());
        HBox row = new HBox(8, new Label("Interrupted run:"), runs, resume);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(Bindings.isNotEmpty(vm.earlierRuns()));
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private static Button button(String id, String text, ObservableBooleanValue disabled) {
        Button button = new Button(text);
        button.setId(id);
        button.disableProperty().bind(disabled);
        return button;
    }

    private HBox progressRow() {
        ProgressBar bar = new ProgressBar();
        bar.setId("trainingProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label epoch = new Label();
        epoch.setId("epochLabel");
        epoch.textProperty().bind(vm.epochTextProperty());
        Label speed = new Label();
        speed.setId("speedLabel");
        speed.textProperty().bind(vm.speedTextProperty());
        Label eta = new Label();
        eta.setId("etaLabel");
        eta.textProperty().bind(vm.etaTextProperty().map(t -> "ETA " + t));
        HBox row = new HBox(12, bar, epoch, speed, eta);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private LineChart<Number, Number> lossChart() {
        LineChart<Number, Number> chart = chart("lossChart", "Loss", "loss");
        chart.getData().add(PointSeries.following("batch loss (smoothed)", vm.smoothedBatchLoss()));
        chart.getData().add(PointSeries.following("training", vm.trainLoss()));
        chart.getData().add(PointSeries.following("validation", vm.validationLoss()));
        return chart;
    }

    private LineChart<Number, Number> accuracyChart() {
        LineChart<Number, Number> chart = chart("accuracyChart", "Accuracy", "accuracy");
        ((NumberAxis) chart.getYAxis()).setForceZeroInRange(false);
        chart.getData().add(PointSeries.following("training", vm.trainAccuracy()));
        chart.getData().add(PointSeries.following("validation", vm.validationAccuracy()));
        return chart;
    }

    private static LineChart<Number, Number> chart(String id, String title, String yLabel) {
        NumberAxis epochs = new NumberAxis();
        epochs.setLabel("epoch");
        epochs.setForceZeroInRange(true);
        NumberAxis values = new NumberAxis();
        values.setLabel(yLabel);
        LineChart<Number, Number> chart = new LineChart<>(epochs, values);
        chart.setId(id);
        chart.setTitle(title);
        // frequent updates: animation would lag behind and cost CPU the training needs
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setPrefSize(480, 320);
        HBox.setHgrow(chart, Priority.ALWAYS);
        return chart;
    }
}
