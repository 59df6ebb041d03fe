package org.ferstudio.app.training;

/**
 * One cell of the confusion-matrix heatmap.
 *
 * @param rowShare the cell's share of its true class (0..1): colouring by row share keeps rare classes
 *                 readable, where colouring by raw count would leave every Disgust cell pale
 */
public record HeatmapCell(int trueClass, int predictedClass, int count, double rowShare) {

    public boolean onDiagonal() {
        return trueClass == predictedClass;
    }
}
