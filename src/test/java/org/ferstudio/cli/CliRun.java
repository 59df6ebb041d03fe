package org.ferstudio.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One command-line run in the test's JVM, with what it printed. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        CommandLine cmd = Cli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /**
     * A quick {@code train} on a {@link org.ferstudio.testutil.SyntheticFaces} CSV: one epoch, batch 30, no
     * augmentation, no test-time augmentation, no test evaluation, then the {@code more} options.
     */
    static CliRun trainSynthetic(java.nio.file.Path data, String... more) {
        String[] base = {"train", "--data", data.toString(), "--labels",
                String.join(",", org.ferstudio.testutil.SyntheticFaces.LABELS.names()), "--epochs", "1", "--batch", "30",
                "--augment", "none", "--tta", "none", "--no-test"};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return of(all);
    }
}
