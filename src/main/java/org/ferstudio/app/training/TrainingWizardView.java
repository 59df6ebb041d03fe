package org.ferstudio.app.training;

import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.ferstudio.app.common.AppPane;
import org.ferstudio.app.common.AppServices;

/**
 * The Training tab: a step indicator, the current step's view and Back/Next. Thin: every decision is
 * the {@link TrainingWizardViewModel}'s.
 */
public final class TrainingWizardView implements AppPane {

    private static final String CURRENT_STEP =
            "-fx-font-weight: bold; -fx-background-color: -fx-accent; -fx-text-fill: white; -fx-background-radius: 10;";

    private final TrainingWizardViewModel vm;
    private final BorderPane root = new BorderPane();
    private final Map<WizardStep, Label> indicators = new EnumMap<>(WizardStep.class);

    /** The wizard as the app uses it: real training, runs in {@code ~/.fer-studio/runs}. */
    public TrainingWizardView(AppServices services) {
        this(new TrainingWizardViewModel(services, new PipelineTrainer(),
                TrainingWizardViewModel.defaultRunsRoot(services),
                ArchitectureAvailability.defaultPretrainedDir()));
    }

    public TrainingWizardView(TrainingWizardViewModel vm) {
        this.vm = vm;
        root.setId("trainingWizard");
        root.setTop(stepIndicator());
        root.setCenter(steps());
        root.setBottom(navigation());
        vm.stepProperty().addListener((obs, old, now) -> highlight(now));
        highlight(vm.stepProperty().get());
    }

    public TrainingWizardViewModel viewModel() {
        return vm;
    }

    @Override
    public String title() {
        return "Training";
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void shown() {
        vm.shown();
    }

    @Override
    public void close() {
        vm.close();
    }

    private HBox stepIndicator() {
        HBox bar = new HBox(6);
        bar.setId("stepIndicator");
        bar.setPadding(new Insets(10, 12, 4, 12));
        bar.setAlignment(Pos.CENTER_LEFT);
        for (WizardStep step : WizardStep.values()) {
            if (step.ordinal() > 0) {
                bar.getChildren().add(new Label("›"));
            }
            Label label = new Label((step.ordinal() + 1) + "  " + step.title());
            label.setPadding(new Insets(3, 10, 3, 10));
            indicators.put(step, label);
            bar.getChildren().add(label);
        }
        return bar;
    }

    private StackPane steps() {
        StackPane stack = new StackPane();
        add(stack, WizardStep.DATASET, scrolling(new DatasetStepView(vm.dataset()).root()));
        add(stack, WizardStep.MODEL, scrolling(new ModelStepView(vm.model()).root()));
        add(stack, WizardStep.TRAINING, new TrainingStepView(vm.training()).root());
        add(stack, WizardStep.RESULTS, scrolling(new ResultsStepView(vm.results()).root()));
        return stack;
    }

    private void add(StackPane stack, WizardStep step, Node content) {
        content.visibleProperty().bind(vm.stepProperty().isEqualTo(step));
        content.managedProperty().bind(content.visibleProperty());
        stack.getChildren().add(content);
    }

    private static ScrollPane scrolling(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private HBox navigation() {
        Button back = new Button("‹ Back");
        back.setId("backButton");
        back.disableProperty().bind(vm.canGoBackProperty().not());
        back.setOnAction(e -> vm.back());
        Button next = new Button("Next ›");
        next.setId("nextButton");
        next.disableProperty().bind(vm.canGoNextProperty().not());
        next.setOnAction(e -> vm.next());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, back, spacer, next);
        bar.setPadding(new Insets(8, 12, 10, 12));
        bar.setStyle("-fx-border-color: derive(-fx-base, -15%) transparent transparent transparent;");
        return bar;
    }

    private void highlight(WizardStep current) {
        indicators.forEach((step, label) -> label.setStyle(step == current ? CURRENT_STEP
                : step.ordinal() < current.ordinal() ? "" : "-fx-opacity: 0.55;"));
    }
}
