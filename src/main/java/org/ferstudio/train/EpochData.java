package org.ferstudio.train;

import java.security.MessageDigest;
import java.util.Random;
import org.ferstudio.nets.FerNetwork;
import org.ferstudio.task.ProgressReporter;
import org.nd4j.linalg.dataset.DataSet;

/**
 * What the trainer trains or validates on: face images, augmented on the fly ({@link ImageEpochData}), or a
 * pretrained base's cached features ({@link FeatureEpochData}). The loop, checkpoints, schedule and early
 * stopping are the same for both.
 */
interface EpochData {

    int size();

    /** A copy of the labels, in item order. */
    int[] labels();

    /** The training batch of items {@code order[from]..order[from + n - 1]}. */
    DataSet batch(int[] order, int from, int n, int numClasses, double labelSmoothing, Random rng);

    /** Class probabilities of every item, in item order, in inference mode. */
    float[][] predict(FerNetwork net, ProgressReporter progress);

    /** Adds the items and their labels to a checkpoint's data fingerprint. */
    void digest(MessageDigest md);
}
