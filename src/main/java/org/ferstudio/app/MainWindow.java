package org.ferstudio.app;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.ferstudio.app.common.AppPane;
import org.ferstudio.app.common.DetectionOptions;
import org.ferstudio.app.common.ModelChoice;
import org.ferstudio.app.models.ModelDetailsView;
import org.ferstudio.vision.DetectorChoice;

/**
 * The main window: menu and model picker on top, one tab per screen, a status bar with the active model
 * and the compute backend. Tells each screen when it is shown or hidden and closes them all at exit.
 */
public final class MainWindow {

    private final MainViewModel viewModel;
    private final List<AppPane> panes;
    private final String aboutText;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private Runnable onQuit = () -> { };

    public MainWindow(MainViewModel viewModel, List<AppPane> panes, String aboutText) {
        this.viewModel = viewModel;
        this.panes = List.copyOf(panes);
        this.aboutText = aboutText;
        root.setId("mainWindow");
        root.setTop(new VBox(menuBar(), toolbar()));
        root.setCenter(tabs());
        root.setBottom(statusBar());
    }

    public Parent root() {
        return root;
    }

    public void setOnQuit(Runnable onQuit) {
        this.onQuit = onQuit;
    }

    /** Selects the tab of the screen with this title (e.g. from a saved preference). */
    public void select(String title) {
        tabs.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    public String selectedTitle() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        return tab == null ? "" : tab.getText();
    }

    /** Stops every screen's work and releases cameras and files. */
    public void close() {
        panes.forEach(AppPane::close);
    }

    private MenuBar menuBar() {
        MenuItem refresh = new MenuItem("Rescan Models");
        refresh.setOnAction(e -> viewModel.refreshModels());
        MenuItem quit = new MenuItem("Quit");
        quit.setOnAction(e -> onQuit.run());
        MenuItem about = new MenuItem("About FER Studio");
        about.setOnAction(e -> showAbout());
        MenuItem details = new MenuItem("Details of the Active Model");
        details.setOnAction(e -> showModelDetails());
        details.disableProperty().bind(viewModel.noActiveModel());
        MenuBar bar = new MenuBar(new Menu("File", null, refresh, quit), new Menu("Model", null, details),
                detectionMenu(), new Menu("Help", null, about));
        bar.setId("menuBar");
        return bar;
    }

    /**
     * The face detector (one of two radio items), levelling faces by their eyes, and drawing the landmarks;
     * the Photos and Webcam panes analyse again when the detector or the levelling changes.
     */
    private Menu detectionMenu() {
        DetectionOptions options = viewModel.detection();
        ToggleGroup detectors = new ToggleGroup();
        Menu menu = new Menu("Detection");
        menu.setId("detectionMenu");
        for (DetectorChoice choice : DetectorChoice.values()) {
            RadioMenuItem item = new RadioMenuItem(choice.displayName() + (choice == DetectorChoice.YUNET
                    ? " (finds turned and covered faces)" : " (frontal faces only)"));
            item.setId(choice.id() + "DetectorItem");
            item.setUserData(choice);
            item.setToggleGroup(detectors);
            item.setSelected(options.detector() == choice);
            menu.getItems().add(item);
        }
        detectors.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                options.detectorProperty().set((DetectorChoice) now.getUserData());
            }
        });
        options.detectorProperty().addListener((obs, old, now) -> detectors.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(t -> t.setSelected(true)));
        CheckMenuItem align = new CheckMenuItem("Level Faces by the Eyes (YuNet)");
        align.setId("alignFacesItem");
        align.selectedProperty().bindBidirectional(options.alignProperty());
        CheckMenuItem landmarks = new CheckMenuItem("Show Landmarks");
        landmarks.setId("showLandmarksItem");
        landmarks.selectedProperty().bindBidirectional(options.showLandmarksProperty());
        menu.getItems().addAll(new SeparatorMenuItem(), align, landmarks);
        return menu;
    }

    private HBox toolbar() {
        ComboBox<ModelChoice> models = new ComboBox<>(viewModel.models());
        models.setId("modelCombo");
        models.setPromptText("No model found");
        models.setPrefWidth(360);
        models.valueProperty().bindBidirectional(viewModel.selectedModelProperty());
        models.setTooltip(new Tooltip("Shipped models and your own (~/.fer-studio/models); every pane uses the active one"));
        Button rescan = new Button("Rescan");
        rescan.setId("rescanModelsButton");
        rescan.setOnAction(e -> viewModel.refreshModels());
        Button details = new Button("Details...");
        details.setId("modelDetailsButton");
        details.setTooltip(new Tooltip("Accuracy, recall per class, time per face, confusion matrix and training curves"));
        details.disableProperty().bind(viewModel.noActiveModel());
        details.setOnAction(e -> showModelDetails());
        HBox bar = new HBox(8, new Label("Model:"), models, details, rescan);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        return bar;
    }

    private TabPane tabs() {
        tabs.setId("mainTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (AppPane pane : panes) {
            Tab tab = new Tab(pane.title(), pane.root());
            tab.setId(tabId(pane.title()));
            tab.selectedProperty().addListener((obs, was, is) -> {
                if (is) {
                    pane.shown();
                } else {
                    pane.hidden();
                }
            });
            tabs.getTabs().add(tab);
        }
        if (!panes.isEmpty()) {
            panes.get(0).shown();
        }
        return tabs;
    }

    static String tabId(String title) {
        return Character.toLowerCase(title.charAt(0)) + title.substring(1).replaceAll("[^A-Za-z0-9]", "") + "Tab";
    }

    private HBox statusBar() {
        Label model = new Label();
        model.setId("statusModelLabel");
        model.textProperty().bind(viewModel.modelStatus());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(14, 14);
        busy.visibleProperty().bind(viewModel.loadingProperty());
        Label backend = new Label();
        backend.setId("statusBackendLabel");
        backend.textProperty().bind(viewModel.backendProperty().map(b -> "Compute: " + b));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label detector = new Label();
        detector.setId("statusDetectorLabel");
        detector.textProperty().bind(viewModel.detection().summary());
        HBox bar = new HBox(8, busy, model, spacer, detector, new Separator(javafx.geometry.Orientation.VERTICAL),
                backend);
        bar.setId("statusBar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.setStyle("-fx-border-color: derive(-fx-base, -15%) transparent transparent transparent;");
        return bar;
    }

    private void showModelDetails() {
        viewModel.activeModelDetails().ifPresent(details ->
                ModelDetailsView.show(root.getScene() == null ? null : root.getScene().getWindow(), details));
    }

    private void showAbout() {
        Alert about = new Alert(Alert.AlertType.INFORMATION);
        about.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
        about.setTitle("About FER Studio");
        about.setHeaderText("FER Studio");
        about.setContentText(aboutText + "\nCompute: " + viewModel.backendProperty().get());
        about.show();
    }
}
