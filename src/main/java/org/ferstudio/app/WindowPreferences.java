package org.ferstudio.app;

import java.util.prefs.Preferences;

/** The main window's size, maximised state and selected tab, kept between runs. */
final class WindowPreferences {

    private static final double MIN_WIDTH = 900;
    private static final double MIN_HEIGHT = 600;

    private final Preferences node;

    WindowPreferences(Preferences node) {
        this.node = node;
    }

    double width() {
        return Math.max(MIN_WIDTH, node.getDouble("width", 1280));
    }

    double height() {
        return Math.max(MIN_HEIGHT, node.getDouble("height", 800));
    }

    boolean maximised() {
        return node.getBoolean("maximised", false);
    }

    String tab() {
        return node.get("tab", "");
    }

    void save(double width, double height, boolean maximised, String tab) {
        if (!maximised) {
            node.putDouble("width", width);
            node.putDouble("height", height);
        }
        node.putBoolean("maximised", maximised);
        node.put("tab", tab);
    }
}
