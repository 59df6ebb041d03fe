package org.ferstudio.app.training;

import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.ferstudio.train.ClassBalancing;
import org.ferstudio.train.RecipePreset;

/** Step 2's controls, bound to a {@link ModelStepViewModel}. */
final class ModelStepView {

    private final ModelStepViewModel vm;
    private final VBox root = new VBox(10);

    ModelStepView(ModelStepViewModel vm) {
        this.vm = vm;
        root.setPadding(new Insets(12));
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        Forms.row(form, 0, "Architecture:", architecture());
        Forms.row(form, 1, "Start from:", startingPoint());
        Forms.row(form, 2, "Recipe:", recipe());
        Forms.row(form, 3, "Epochs (at most):", field("epochs", vm.epochsProperty(), vm.epochsErrorProperty()));
        Forms.row(form, 4, "Batch size:", field("batch", vm.batchProperty(), vm.batchErrorProperty()));
        Forms.row(form, 5, "Learning rate:",
                field("learningRate", vm.learningRateProperty(), vm.learningRateErrorProperty()));
        CheckBox augmentation = new CheckBox("Augment training images (flip, shift, rotate, zoom, light, erasing)");
        augmentation.setId("augmentationCheck");
        augmentation.selectedProperty().bindBidirectional(vm.augmentationProperty());
        CheckBox strong = new CheckBox("Stronger: zoom 0.8-1.2 and shift 10 px (for long runs)");
        strong.setId("strongAugmentationCheck");
        strong.selectedProperty().bindBidirectional(vm.strongAugmentationProperty());
        strong.disableProperty().bind(augmentation.selectedProperty().not());
        Forms.row(form, 6, "Augmentation:", new VBox(4, augmentation, strong));
        Forms.row(form, 7, "Class balancing:", balancing());
        Button defaults = new Button("Restore defaults");
        defaults.setId("restoreDefaultsButton");
        defaults.setOnAction(e -> vm.restoreDefaults());
        Label note = new Label("Training keeps the epoch with the best validation accuracy. The defaults suit "
                + "FER2013; an epoch of FER2013 takes several minutes on a laptop CPU.");
        note.setWrapText(true);
        root.getChildren().addAll(Forms.heading("2. Choose the model and how to train it"), form, defaults, note);
    }

    Node root() {
        return root;
    }

    private VBox architecture() {
        ComboBox<ArchitectureOption> combo = new ComboBox<>(vm.architectures());
        combo.setId("architectureCombo");
        combo.valueProperty().bindBidirectional(vm.architectureProperty());
        // unavailable architectures stay listed, greyed out, so users learn they exist and why they cannot pick them
        combo.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ArchitectureOption option, boolean empty) {
                super.updateItem(option, empty);
                setText(empty || option == null ? null : option.toString());
                setDisable(!empty && option != null && !option.available());
                setTooltip(empty || option == null || option.available() ? null : new Tooltip(option.reason()));
            }
        });
        return new VBox(4, combo, message("architectureMessage", vm.architectureMessageProperty()));
    }

    private VBox recipe() {
        ComboBox<RecipePreset> combo = new ComboBox<>(FXCollections.observableArrayList(RecipePreset.values()));
        combo.setId("recipeCombo");
        combo.valueProperty().bindBidirectional(vm.recipeProperty());
        return new VBox(4, combo, message("recipeMessage", vm.recipeMessageProperty()));
    }

    private VBox startingPoint() {
        ComboBox<StartingPoint> combo = new ComboBox<>(vm.startingPoints());
        combo.setId("startFromCombo");
        combo.valueProperty().bindBidirectional(vm.startFromProperty());
        Label message = message("startFromMessage", vm.startMessageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        return new VBox(4, combo, message);
    }

    /** The wrapped explanation under a choice, bound to the view-model's text for it. */
    private static Label message(String id, ObservableStringValue text) {
        Label message = new Label();
        message.setId(id);
        message.setWrapText(true);
        message.setMaxWidth(560);
        message.textProperty().bind(text);
        return message;
    }

    /** A text field with ids {@code <name>Field} and, for its message, {@code <name>Error}. */
    private static VBox field(String name, StringProperty value, ObservableStringValue error) {
        TextField field = new TextField();
        field.setId(name + "Field");
        field.setPrefColumnCount(10);
        field.setMaxWidth(Region.USE_PREF_SIZE);
        field.textProperty().bindBidirectional(value);
        return new VBox(2, field, Forms.errorLabel(name + "Error", error));
    }

    private ComboBox<ClassBalancing> balancing() {
        ComboBox<ClassBalancing> combo = new ComboBox<>(FXCollections.observableArrayList(ClassBalancing.values()));
        combo.setId("balancingCombo");
        combo.setConverter(new StringConverter<>() {
            @Override
            public String toString(ClassBalancing b) {
                return b == null ? "" : ModelStepViewModel.describe(b);
            }

            @Override
            public ClassBalancing fromString(String text) {
                return null;
            }
        });
        combo.valueProperty().bindBidirectional(vm.balancingProperty());
        return combo;
    }
}
