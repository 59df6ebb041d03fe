package org.ferstudio.nets;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The frozen, pretrained part of a transfer network: faces in, feature vectors out. Its output does not
 * change during head training, so it is computed once per image and cached.
 */
public interface FeatureExtractor {

    /** Values per face. */
    int featureSize();

    /**
     * Names everything the features depend on (the pretrained weights' checksum, the input adaptation);
     * part of the feature-cache key.
     */
    String fingerprint();

    /** Features {@code [N, featureSize]} of preprocessed faces {@code [N, 1, 48, 48]}; safe from any thread. */
    INDArray features(INDArray faces);
}
