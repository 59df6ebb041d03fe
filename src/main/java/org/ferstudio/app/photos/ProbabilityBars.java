package org.ferstudio.app.photos;

import java.util.Locale;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.ferstudio.model.FaceResult;

/**
 * One face's probabilities as horizontal bars, one row per class in the model's order, each bar in its
 * emotion's colour. Plain bars rather than a BarChart: class names stay readable at the side panel's width
 * and there are no axes to tune.
 */
final class ProbabilityBars extends GridPane {

    /** Style class of each bar, one per class. */
    static final String BAR_STYLE_CLASS = "probability-bar";
    private static final Background TRACK = new Background(new BackgroundFill(Color.gray(0.9), new CornerRadii(3), Insets.EMPTY));
    private static final double BAR_HEIGHT = 14;

    ProbabilityBars() {
        setId("probabilityChart");
        setHgap(8);
        setVgap(5);
        ColumnConstraints name = new ColumnConstraints();
        ColumnConstraints bar = new ColumnConstraints(40, 120, Double.MAX_VALUE);
        bar.setHgrow(Priority.ALWAYS);
        ColumnConstraints percent = new ColumnConstraints(48);
        percent.setHalignment(HPos.RIGHT);
        getColumnConstraints().addAll(name, bar, percent);
        show(null);
    }

    /** Shows a face's probabilities, or a hint when no face is selected. */
    void show(FaceResult face) {
        getChildren().clear();
        if (face == null) {
            Label hint = new Label("Select a face to see its probabilities.");
            hint.setWrapText(true);
            add(hint, 0, 0, 3, 1);
            return;
        }
        int best = face.bestIndex();
        for (int c = 0; c < face.classes().size(); c++) {
            Label name = new Label(face.classes().name(c));
            Label percent = new Label(String.format(Locale.ROOT, "%.1f%%", 100 * face.probability(c)));
            if (c == best) {
                name.setStyle("-fx-font-weight: bold;");
                percent.setStyle("-fx-font-weight: bold;");
            }
            addRow(c, name, bar(c, face.probability(c)), percent);
        }
    }

    private static StackPane bar(int classIndex, double probability) {
        Region bar = new Region();
        bar.getStyleClass().add(BAR_STYLE_CLASS);
        bar.setBackground(new Background(new BackgroundFill(EmotionColours.of(classIndex), new CornerRadii(3), Insets.EMPTY)));
        bar.setMinWidth(0);
        StackPane track = new StackPane(bar);
        track.setAlignment(Pos.CENTER_LEFT);
        track.setBackground(TRACK);
        track.setMinSize(0, BAR_HEIGHT);
        track.setPrefHeight(BAR_HEIGHT);
        // the track stretches the bar to at most this width: the probability's share of the track
        bar.maxWidthProperty().bind(track.widthProperty().multiply(probability));
        return track;
    }
}
