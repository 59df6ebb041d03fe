package org.ferstudio.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The few numbers worth keeping from an evaluation, e.g. on a model card: accuracy, macro-F1, sample
 * count and recall per class (recall, because it shows which expressions the model misses).
 */
public record MetricsSummary(double accuracy, double macroF1, int n, Map<String, Double> perClassRecall) {

    public MetricsSummary {
        // a copy that keeps the class order, so cards and tables list classes as the model outputs them
        perClassRecall = Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(perClassRecall, "perClassRecall")));
    }
}
