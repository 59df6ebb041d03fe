package org.ferstudio.app.training;

import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;

/**
 * The confusion matrix as a grid of coloured cells with their counts: rows are the true classes,
 * columns the predicted ones, and a cell's colour is its share of the row, so a class the model
 * confuses stands out whatever its size.
 */
final class ConfusionMatrixHeatmap {

    private static final Color EMPTY = Color.web("#f7f9fc");
    private static final Color FULL = Color.web("#1f5fa8");
    private static final double CELL_WIDTH = 56;
    private static final double CELL_HEIGHT = 30;

    private final GridPane grid = new GridPane();
    private final ObservableList<String> classNames;
    private final ObservableList<HeatmapCell> cells;

    ConfusionMatrixHeatmap(ObservableList<String> classNames, ObservableList<HeatmapCell> cells) {
        this.classNames = classNames;
        this.cells = cells;
        grid.setId("confusionMatrixView");
        grid.setHgap(1);
        grid.setVgap(1);
        cells.addListener((InvalidationListener) o -> rebuild());
        rebuild();
    }

    Node node() {
        return grid;
    }

    private void rebuild() {
        grid.getChildren().clear();
        if (cells.isEmpty()) {
            return;
        }
        grid.add(header("true \\ predicted"), 0, 0);
        for (int c = 0; c < classNames.size(); c++) {
            grid.add(header(classNames.get(c)), c + 1, 0);
            grid.add(header(classNames.get(c)), 0, c + 1);
        }
        for (HeatmapCell cell : cells) {
            grid.add(cell(cell), cell.predictedClass() + 1, cell.trueClass() + 1);
        }
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-font-weight: bold;");
        label.setPadding(new Insets(2, 6, 2, 6));
        return label;
    }

    private Label cell(HeatmapCell cell) {
        Label label = new Label(String.valueOf(cell.count()));
        label.getStyleClass().add("heatmap-cell");
        label.setMinSize(CELL_WIDTH, CELL_HEIGHT);
        label.setPrefSize(CELL_WIDTH, CELL_HEIGHT);
        // fill columns a long class name widened, so the colours form an unbroken grid
        label.setMaxWidth(Double.MAX_VALUE);
        label.setAlignment(Pos.CENTER);
        label.setBackground(new Background(new BackgroundFill(EMPTY.interpolate(FULL, cell.rowShare()),
                CornerRadii.EMPTY, Insets.EMPTY)));
        label.setTextFill(cell.rowShare() > 0.5 ? Color.WHITE : Color.BLACK);
        if (cell.onDiagonal()) {
            label.setStyle("-fx-font-weight: bold;");
        }
        String trueName = classNames.get(cell.trueClass());
        label.setTooltip(new Tooltip(String.format(Locale.ROOT, "true %s, predicted %s: %d (%s of %s)", trueName,
                classNames.get(cell.predictedClass()), cell.count(), Formats.percent(cell.rowShare()), trueName)));
        return label;
    }
}
