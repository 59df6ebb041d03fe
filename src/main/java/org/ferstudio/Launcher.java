package org.ferstudio;

import java.util.Optional;
import org.ferstudio.app.FerStudioApp;
import org.ferstudio.cli.Cli;
import org.ferstudio.nets.ThreadSetting;

/**
 * Entry point. A plain class (not a JavaFX Application) so the JavaFX runtime can live on the class
 * path. Without arguments it opens the desktop app; with arguments it runs the command line, which never
 * touches JavaFX.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // before anything loads the native backend, which would misread a bad value
        Optional<String> threads = ThreadSetting.problem(System.getenv(ThreadSetting.VARIABLE));
        if (threads.isPresent()) {
            System.err.println("error: " + threads.get());
            System.exit(2);
        }
        if (args.length == 0) {
            if (!hasDisplay()) {
                System.exit(Cli.explainNoDisplay());
            }
            FerStudioApp.launchDesktop(args);
            return;
        }
        System.exit(Cli.run(args));
    }

    /** On Linux and other X11/Wayland systems a window needs a display; macOS and Windows always have one. */
    private static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null
                || "Monocle".equals(System.getProperty("glass.platform"));
    }
}
