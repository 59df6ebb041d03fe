package org.ferstudio.app.common;

import java.util.prefs.Preferences;
import org.ferstudio.task.TaskExecutor;

/**
 * What every screen's view-model needs from the app, handed to it explicitly (no global injector):
 * the one task executor for slow work, the model catalogue with the active model, where errors go,
 * the preferences node under which each screen keeps its own small settings, and how faces are found.
 */
public record AppServices(TaskExecutor executor, ModelCatalog models, ErrorReporter errors, Preferences preferences,
                          DetectionOptions detection) {

    /** Services whose detection options live in the {@code "detection"} node under {@code preferences}. */
    public AppServices(TaskExecutor executor, ModelCatalog models, ErrorReporter errors, Preferences preferences) {
        this(executor, models, errors, preferences, new DetectionOptions(preferences.node("detection")));
    }

    /** The preferences node of one screen or feature, e.g. {@code "photos"}. */
    public Preferences preferences(String feature) {
        return preferences.node(feature);
    }
}
