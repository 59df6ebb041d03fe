package org.ferstudio.app.training;

/** One point of a chart series: x in epochs (fractional for batches), y the value. */
public record ChartPoint(double x, double y) {
}
