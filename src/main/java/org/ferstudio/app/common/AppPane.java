package org.ferstudio.app.common;

import javafx.scene.Node;

/**
 * One screen of the main window (Photos, Webcam, Training). The window tells a pane when it is shown
 * and hidden, so a pane can hold resources only while it is in use (the webcam releases its camera),
 * and closes every pane when the app exits.
 */
public interface AppPane {

    /** The tab title. */
    String title();

    /** The pane's root node; built once. */
    Node root();

    /** The pane became the visible tab. */
    default void shown() {
    }

    /** Another tab was selected. */
    default void hidden() {
    }

    /** The app is closing: stop work and release devices and files. */
    default void close() {
    }
}
