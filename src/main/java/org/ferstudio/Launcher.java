package org.ferstudio;

import org.ferstudio.cli.Cli;

/**
 * Entry point. A plain class (not a JavaFX Application) so the JavaFX runtime can live on the class
 * path; with arguments it runs the command line and never touches JavaFX.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            // the desktop app arrives with the GUI issue; until then show what the command line offers
            System.exit(Cli.run("--help"));
        }
        System.exit(Cli.run(args));
    }
}
