package org.ferstudio.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
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
        return commandLine(CheckedOutput.standardOutput());
    }

    /**
     * The command line writing its results to {@code stdout}. Every write is checked: when standard output
     * fails (a full disk behind {@code > file}, {@code /dev/full}, a closed pipe) the command still finishes its
     * other outputs, then says so and exits 1.
     */
    static CommandLine commandLine(OutputStream stdout) {
        CommandLine cmd = new CommandLine(new FerStudioCommand());
        CheckedOutput checked = stdout instanceof CheckedOutput c ? c : new CheckedOutput(stdout);
        PrintWriter results = checked.writer(Charset.defaultCharset());
        cmd.setOut(results);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        // options are checked by their own names before anything runs; what ran is checked for lost output
        cmd.setExecutionStrategy(parseResult -> {
            OptionRules.check(parseResult);
            return checkOutput(new CommandLine.RunLast().execute(parseResult), cmd,
                    cmd.getOut() == results ? checked : null);
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

    /** {@code exit}, or 1 with the reason on stderr when the results could not all be written to stdout. */
    private static int checkOutput(int exit, CommandLine cmd, CheckedOutput checked) {
        if (!cmd.getOut().checkError()) {
            return exit;
        }
        IOException error = checked == null ? null : checked.firstError();
        PrintWriter err = cmd.getErr();
        err.println("error: could not write the results to standard output"
                + (error == null ? "" : ": " + describe(error)));
        err.flush();
        return exit == 0 ? 1 : exit;
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
