package org.ferstudio.model;

import java.util.List;
import java.util.Optional;

/**
 * The class names of a dataset or model, in output order. The class set is data, not code:
 * FER2013 has seven, other datasets may have more or other classes.
 */
public record ClassLabels(List<String> names) {

    public static final ClassLabels FER2013 =
            new ClassLabels(List.of("Angry", "Disgust", "Fear", "Happy", "Sad", "Surprise", "Neutral"));

    public ClassLabels {
        names = List.copyOf(names);
        if (names.size() < 2) {
            throw new IllegalArgumentException("at least two classes are needed, got " + names);
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("class names must be unique: " + names);
        }
        for (String n : names) {
            if (n.isBlank()) {
                throw new IllegalArgumentException("class names must not be blank: " + names);
            }
        }
    }

    public int size() {
        return names.size();
    }

    public String name(int index) {
        return names.get(index);
    }

    /** Index of a class name, case-insensitive; empty when unknown. */
    public Optional<Integer> indexOf(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name.trim())) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
