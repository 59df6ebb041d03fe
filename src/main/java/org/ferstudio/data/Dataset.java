package org.ferstudio.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ferstudio.model.ClassLabels;

/**
 * A read dataset: images per split in the order the data gave them ("all" when the data has no splits),
 * where it came from, and what its validation found.
 */
public record Dataset(ClassLabels labels, Map<String, FaceImages> splits, DatasetSource source,
                      ValidationReport report) {

    /** The split name used when the data itself has no splits. */
    public static final String ALL = "all";

    public Dataset {
        splits = Collections.unmodifiableMap(new LinkedHashMap<>(splits));
    }

    /** The images of one split; the exception lists the splits there are. */
    public FaceImages split(String name) {
        FaceImages images = splits.get(name);
        if (images == null) {
            throw new IllegalArgumentException("dataset " + source.name() + " has no split '" + name
                    + "'; its splits are " + splits.keySet());
        }
        return images;
    }

    public int totalImages() {
        return splits.values().stream().mapToInt(FaceImages::size).sum();
    }

    /** Whether the data brings splits of its own (a Usage column or split folders). */
    public boolean hasOwnSplits() {
        return !(splits.size() == 1 && splits.containsKey(ALL));
    }

    /**
     * The same images as one split named {@link #ALL}, in split order, so that a random three-way split
     * ({@link DataSplits#resolve}) can be cut from data that brings splits of its own.
     */
    public Dataset pooled() {
        if (!hasOwnSplits()) {
            return this;
        }
        FaceImages all = new FaceImages(totalImages());
        for (FaceImages split : splits.values()) {
            for (int i = 0; i < split.size(); i++) {
                all.add(split.image(i), split.label(i));
            }
        }
        return new Dataset(labels, Map.of(ALL, all), source, report);
    }
}
