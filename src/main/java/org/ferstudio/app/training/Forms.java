package org.ferstudio.app.training;

import java.util.function.Function;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

/** Small layout helpers shared by the step views. */
final class Forms {

    private Forms() {
    }

    /** A red message under a field; takes no space while empty. */
    static Label errorLabel(String id, ObservableStringValue message) {
        Label label = wrapping(id, message);
        label.setStyle("-fx-text-fill: #b00020;");
        return label;
    }

    /** An amber warning; takes no space while empty. */
    static Label warningLabel(String id, ObservableStringValue message) {
        Label label = wrapping(id, message);
        label.setStyle("-fx-text-fill: #8a5a00;");
        return label;
    }

    /** A wrapping label bound to a message; takes no space while empty. */
    static Label wrapping(String id, ObservableStringValue message) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(message);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.managedProperty());
        return label;
    }

    static Label heading(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-font-weight: bold;");
        return label;
    }

    /** Adds a row "caption: field" to a two-column form. */
    static void row(GridPane form, int row, String caption, Node field) {
        Label label = new Label(caption);
        label.setLabelFor(field);
        form.add(label, 0, row);
        form.add(field, 1, row);
    }

    /** Shows a combo box's items as {@code text} words them: the items are values that know nothing of display. */
    static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : text.apply(item);
            }

            @Override
            public T fromString(String string) {
                return null; // the choices are picked, never typed
            }
        };
    }
}
