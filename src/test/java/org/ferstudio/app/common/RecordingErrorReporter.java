package org.ferstudio.app.common;

import java.util.ArrayList;
import java.util.List;

/** Keeps the errors a view-model reported, for assertions. */
public final class RecordingErrorReporter implements ErrorReporter {

    /** One reported error. */
    public record Reported(String title, String message, Throwable cause) {
    }

    private final List<Reported> reported = new ArrayList<>();

    @Override
    public synchronized void report(String title, String message, Throwable cause) {
        reported.add(new Reported(title, message, cause));
    }

    public synchronized List<Reported> reported() {
        return List.copyOf(reported);
    }
}
