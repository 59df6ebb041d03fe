package org.ferstudio.app.common;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows errors in a dialog (on the FX thread, whichever thread reported) and logs them with their stack
 * trace. The dialog says where the log file is, so a user can send it with a bug report.
 */
public final class DialogErrorReporter implements ErrorReporter {

    private static final Logger LOG = LoggerFactory.getLogger(DialogErrorReporter.class);

    private final Path logFile;
    private Window owner;

    public DialogErrorReporter(Path logFile) {
        this.logFile = logFile;
    }

    /** The window dialogs are centred on; set once the main window exists. */
    public void setOwner(Window owner) {
        this.owner = owner;
    }

    @Override
    public void report(String title, String message, Throwable cause) {
        LOG.error("{}: {}", title, message, cause);
        if (Platform.isFxApplicationThread()) {
            show(title, message);
        } else {
            Platform.runLater(() -> show(title, message));
        }
    }

    private void show(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle("FER Studio");
        alert.setHeaderText(title);
        TextArea text = new TextArea((message == null || message.isBlank() ? "An unexpected error occurred." : message)
                + "\n\nDetails are in the log file: " + logFile);
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(6);
        alert.getDialogPane().setContent(text);
        alert.show();
    }
}
