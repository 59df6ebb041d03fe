package org.ferstudio.data;

import java.util.Random;

/**
 * The order in which one epoch visits the training images: a plain shuffle, or class-balanced sampling
 * with replacement where an image's chance is inversely proportional to its class's size (so every
 * present class is equally likely and rare classes such as Disgust are repeated). An epoch has as many
 * draws as there are images either way, and its order depends only on (seed, epoch).
 */
public final class BalancedSampler {

    private BalancedSampler() {
    }

    /** All indices 0..size-1, shuffled. */
    public static int[] shuffledOrder(int size, long seed, int epoch) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        IndexArrays.shuffle(order, epochRandom(seed, epoch));
        return order;
    }

    /** {@code labels.length} indices drawn with replacement, each present class equally likely. */
    public static int[] balancedOrder(int[] labels, int numClasses, long seed, int epoch) {
        int[][] byClass = IndexArrays.byClass(labels);
        if (byClass.length > numClasses) {
            throw new IllegalArgumentException("label " + (byClass.length - 1) + " is outside 0.." + (numClasses - 1));
        }
        int[] present = presentClasses(byClass);
        Random rng = epochRandom(seed, epoch);
        int[] order = new int[labels.length];
        for (int i = 0; i < order.length; i++) {
            int[] members = byClass[present[rng.nextInt(present.length)]];
            order[i] = members[rng.nextInt(members.length)];
        }
        return order;
    }

    /**
     * Loss weights per class: inverse frequency, scaled so the present classes average 1; classes without
     * images get 0.
     */
    public static double[] classWeights(int[] counts) {
        double[] weights = new double[counts.length];
        double sum = 0;
        int present = 0;
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0) {
                weights[c] = 1.0 / counts[c];
                sum += weights[c];
                present++;
            }
        }
        for (int c = 0; c < counts.length && present > 0; c++) {
            weights[c] *= present / sum;
        }
        return weights;
    }

    private static int[] presentClasses(int[][] byClass) {
        int count = 0;
        for (int[] members : byClass) {
            count += members.length > 0 ? 1 : 0;
        }
        int[] present = new int[count];
        for (int c = 0, k = 0; c < byClass.length; c++) {
            if (byClass[c].length > 0) {
                present[k++] = c;
            }
        }
        return present;
    }

    /** A generator per (seed, epoch); the SplitMix64 finaliser keeps neighbouring epochs unrelated. */
    private static Random epochRandom(long seed, int epoch) {
        long z = seed + 0x9E3779B97F4A7C15L * (epoch + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }
}
