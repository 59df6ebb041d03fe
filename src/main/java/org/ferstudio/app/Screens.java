package org.ferstudio.app;

import java.util.List;
import javafx.application.Platform;
import org.ferstudio.app.common.AppPane;
import org.ferstudio.app.common.AppServices;
import org.ferstudio.app.photos.PhotosView;
import org.ferstudio.app.photos.PhotosViewModel;
import org.ferstudio.app.training.TrainingWizardView;
import org.ferstudio.app.training.TrainingWizardViewModel;
import org.ferstudio.app.webcam.WebcamView;
import org.ferstudio.app.webcam.WebcamViewModel;

/** The app's screens in tab order, each a view over its view-model; the view-models stay reachable for tours and tests. */
record Screens(PhotosViewModel photos, WebcamViewModel webcam, TrainingWizardViewModel training,
               List<AppPane> panes) {

    static Screens create(AppServices services) {
        PhotosViewModel photos = new PhotosViewModel(services);
        WebcamViewModel webcam = new WebcamViewModel(services, Platform::runLater);
        TrainingWizardView trainingView = new TrainingWizardView(services);
        return new Screens(photos, webcam, trainingView.viewModel(),
                List.of(new PhotosView(photos), new WebcamView(webcam), trainingView));
    }
}
