package org.ferstudio.app.training;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * A chart series that follows a view-model's list of points. Appends are passed on as appends (the
 * common case: one point per batch or epoch), anything else re-copies the list.
 */
final class PointSeries {

    private PointSeries() {
    }

    static XYChart.Series<Number, Number> following(String name, ObservableList<ChartPoint> points) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        ObservableList<XYChart.Data<Number, Number>> data = series.getData();
        points.forEach(p -> data.add(point(p)));
        points.addListener((ListChangeListener<ChartPoint>) change -> {
            while (change.next()) {
                boolean append = change.wasAdded() && !change.wasRemoved() && !change.wasPermutated()
                        && change.getFrom() == data.size();
                if (!append) {
                    data.setAll(points.stream().map(PointSeries::point).toList());
                    return;
                }
                change.getAddedSubList().forEach(p -> data.add(point(p)));
            }
        });
        return series;
    }

    private static XYChart.Data<Number, Number> point(ChartPoint p) {
        return new XYChart.Data<>(p.x(), p.y());
    }
}
