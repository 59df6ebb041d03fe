package org.ferstudio.cli;

import java.io.PrintWriter;
import org.ferstudio.task.CancelledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Runs the command line: errors become one clear line on stderr and a non-zero exit code. */
public final class Cli {

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    private Cli() {
    }

    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new FerStudioCommand());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionStrategy(parseResult -> {
            OptionRules.check(parseResult);
            return new CommandLine.RunLast().execute(parseResult);
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof CancelledException) {
                err.println("cancelled");
                return 130;
            }
            LOG.debug("command failed", ex);
            err.println("error: " + describe(ex));
            err.flush();
            return 1;
        });
        return cmd;
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /**
     * Says why the desktop app cannot open (no display, e.g. over ssh or in a container) and what to use
     * instead; returns the exit code.
     */
    public static int explainNoDisplay() {
        System.err.println("error: FER Studio's window needs a graphical display, and none is set (DISPLAY or "
                + "WAYLAND_DISPLAY).\nRun it from a desktop session, or use the command line: ./fer-studio --help");
        return 1;
    }

    /** The message of the exception and of its causes, without stack traces. */
    static String describe(Throwable ex) {
        String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        Throwable cause = ex.getCause();
        if (cause != null && cause.getMessage() != null && !msg.contains(cause.getMessage())) {
            msg += " (" + cause.getMessage() + ")";
        }
        return msg;
    }
}
