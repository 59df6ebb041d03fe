package org.ferstudio.app.training;

import org.ferstudio.data.DataSplits;
import org.ferstudio.data.DatasetSource;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.train.TrainingConfig;

/** What the first two steps decided: the data and its split, and the settings to train with. */
public record TrainingPlan(ClassLabels labels, DataSplits splits, DatasetSource source, TrainingConfig config) {
}
