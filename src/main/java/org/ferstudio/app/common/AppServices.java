package org.ferstudio.app.common;

import java.util.prefs.Preferences;
import org.ferstudio.task.TaskExecutor;

/**
 * What every screen's view-model needs from the app, handed to it explicitly (no global injector):
 * the one task executor for slow work, the model catalogue with the active model, where errors go,
 * and the preferences node under which each screen keeps its own small settings.
 */
public record AppServices(TaskExecutor executor, ModelCatalog models, ErrorReporter errors, Preferences preferences) {

    /** The preferences node of one screen or feature, e.g. {@code "photos"}. */
    public Preferences preferences(String feature) {
        return preferences.node(feature);
    }
}
