package org.ferstudio.data;

import static org.ferstudio.face.FaceTranslator.PIXELS;

import java.util.Arrays;

/**
 * A compact, growable list of 48x48 grey face images with integer labels: one byte per pixel in one
 * array, so FER2013's 28,709 training images take about 66 MB. Not thread-safe while growing; read-only
 * use from several threads is safe once filled.
 */
public final class FaceImages {

    private byte[] pixels;
    private int[] labels;
    private int size;

    public FaceImages() {
        this(1024);
    }

    public FaceImages(int initialCapacity) {
        int cap = Math.max(1, initialCapacity);
        pixels = new byte[cap * PIXELS];
        labels = new int[cap];
    }

    /** Appends one image; {@code grey} holds {@link #PIXELS} values, row-major, top row first. */
    public void add(byte[] grey, int label) {
        if (grey.length != PIXELS) {
            throw new IllegalArgumentException("expected " + PIXELS + " pixels, got " + grey.length);
        }
        if (label < 0) {
            throw new IllegalArgumentException("label must be >= 0, got " + label);
        }
        ensureCapacity(size + 1);
        System.arraycopy(grey, 0, pixels, size * PIXELS, PIXELS);
        labels[size] = label;
        size++;
    }

    public int size() {
        return size;
    }

    public int label(int index) {
        checkIndex(index);
        return labels[index];
    }

    /** A copy of all labels, in image order (for stratified splits and epoch samplers). */
    public int[] labels() {
        return Arrays.copyOf(labels, size);
    }

    /** A copy of one image's pixels. */
    public byte[] image(int index) {
        checkIndex(index);
        return Arrays.copyOfRange(pixels, index * PIXELS, (index + 1) * PIXELS);
    }

    /** Copies one image's pixels into {@code dst} at {@code offset} without allocating. */
    public void copyImage(int index, byte[] dst, int offset) {
        checkIndex(index);
        System.arraycopy(pixels, index * PIXELS, dst, offset, PIXELS);
    }

    /** Number of images per label, for labels 0..numClasses-1. */
    public int[] classCounts(int numClasses) {
        int[] counts = new int[numClasses];
        for (int i = 0; i < size; i++) {
            if (labels[i] < numClasses) {
                counts[labels[i]]++;
            }
        }
        return counts;
    }

    /** A new list with the images at the given indices, in that order. */
    public FaceImages subset(int[] indices) {
        FaceImages out = new FaceImages(indices.length);
        for (int idx : indices) {
            checkIndex(idx);
            System.arraycopy(pixels, idx * PIXELS, out.pixels, out.size * PIXELS, PIXELS);
            out.labels[out.size] = labels[idx];
            out.size++;
        }
        return out;
    }

    /** The first {@code n} images (all when n >= size). */
    public FaceImages head(int n) {
        int k = Math.min(n, size);
        int[] idx = new int[k];
        Arrays.setAll(idx, i -> i);
        return subset(idx);
    }

    private void ensureCapacity(int needed) {
        if (needed > labels.length) {
            int cap = Math.max(needed, labels.length + (labels.length >> 1) + 16);
            pixels = Arrays.copyOf(pixels, cap * PIXELS);
            labels = Arrays.copyOf(labels, cap);
        }
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("image " + index + " of " + size);
        }
    }
}
