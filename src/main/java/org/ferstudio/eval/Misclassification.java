package org.ferstudio.eval;

/**
 * A sample the model got wrong: its position in the evaluated data (so the GUI can show the face),
 * its true and predicted class, and the probability given to the wrong prediction.
 */
public record Misclassification(int sampleIndex, int trueClass, int predictedClass, double confidence) {
}
