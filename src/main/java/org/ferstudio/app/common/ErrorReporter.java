package org.ferstudio.app.common;

/**
 * Where view-models send errors the user must see. The app shows a dialog and logs the stack trace to
 * the log file; tests record them. An error never closes the app.
 */
public interface ErrorReporter {

    /**
     * @param title   what the user was doing, e.g. "Could not open the video"
     * @param message what went wrong and what to do, in the user's terms
     * @param cause   the exception, or null; its stack trace goes to the log file only
     */
    void report(String title, String message, Throwable cause);
}
