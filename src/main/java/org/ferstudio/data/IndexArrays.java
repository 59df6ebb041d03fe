package org.ferstudio.data;

import java.util.Arrays;
import java.util.Random;

/** Index helpers shared by the stratified splits and the epoch samplers. */
final class IndexArrays {

    private IndexArrays() {
    }

    /** Image indices grouped by label, ascending within each class; classes 0..max(label). */
    static int[][] byClass(int[] labels) {
        int classes = Arrays.stream(labels).max().orElse(-1) + 1;
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        int[][] byClass = new int[classes][];
        for (int c = 0; c < classes; c++) {
            byClass[c] = new int[counts[c]];
        }
        int[] filled = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            byClass[labels[i]][filled[labels[i]]++] = i;
        }
        return byClass;
    }

    /** Fisher-Yates, in place; the same generator state gives the same order. */
    static void shuffle(int[] values, Random rng) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
    }
}
