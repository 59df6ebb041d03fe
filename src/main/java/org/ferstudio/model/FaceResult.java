package org.ferstudio.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One face found in an image: where it is and the expression probabilities, in the model's class order;
 * with the detector's score and five landmarks where the detector gives them (NaN and null otherwise).
 */
public record FaceResult(FaceBox box, ClassLabels classes, float[] probabilities, double score,
                         FaceLandmarks landmarks) {

    public FaceResult {
        if (probabilities.length != classes.size()) {
            throw new IllegalArgumentException(probabilities.length + " probabilities for " + classes.size() + " classes");
        }
        probabilities = probabilities.clone();
    }

    /** A face known by its box alone (no detector score, no landmarks). */
    public FaceResult(FaceBox box, ClassLabels classes, float[] probabilities) {
        this(box, classes, probabilities, Double.NaN, null);
    }

    /**
     * This face in an image {@code factor} times the size of the one it was found in: box and landmarks scaled,
     * probabilities and score kept (a photo decoded at reduced resolution, reported in the file's pixels).
     */
    public FaceResult scaled(double factor) {
        return factor == 1 ? this : new FaceResult(box.scaled(factor), classes, probabilities, score,
                landmarks == null ? null : landmarks.scaled(factor, factor));
    }

    public boolean hasScore() {
        return !Double.isNaN(score);
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    public float probability(int classIndex) {
        return probabilities[classIndex];
    }

    /** Index of the most probable class (the lowest index on ties). */
    public int bestIndex() {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return best;
    }

    public String label() {
        return classes.name(bestIndex());
    }

    public float confidence() {
        return probabilities[bestIndex()];
    }

    /** The k most probable classes, most probable first. */
    public List<Classification> topK(int k) {
        List<Classification> all = new ArrayList<>();
        for (int i = 0; i < probabilities.length; i++) {
            all.add(new Classification(classes.name(i), probabilities[i]));
        }
        all.sort(Comparator.comparingDouble(Classification::probability).reversed());
        return all.subList(0, Math.min(k, all.size()));
    }

    /** A class name with its probability. */
    public record Classification(String label, float probability) {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaceResult r && r.box.equals(box) && r.classes.equals(classes)
                && java.util.Arrays.equals(r.probabilities, probabilities) && Double.compare(r.score, score) == 0
                && java.util.Objects.equals(r.landmarks, landmarks);
    }

    @Override
    public int hashCode() {
        return box.hashCode() * 31 + java.util.Arrays.hashCode(probabilities);
    }

    @Override
    public String toString() {
        return "FaceResult[" + box + ", " + label() + " " + confidence() + "]";
    }
}
