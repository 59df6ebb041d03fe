package org.ferstudio.spark;

import java.io.PrintWriter;
import org.ferstudio.cli.VersionProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code fer-studio-spark}: the Spark jobs, run by {@code spark-submit} (the job jar's main class) or, in local
 * mode, by the {@code ./fer-studio-spark} launcher. Errors become one line and exit code 1, as in {@code fer-studio}.
 */
@Command(name = "fer-studio-spark", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "FER Studio on Apache Spark: label many photos and videos, or train on a cluster.",
        subcommands = {PredictJobCommand.class, TrainJobCommand.class})
public final class SparkMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cmd = commandLine();
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            org.slf4j.LoggerFactory.getLogger(SparkMain.class).debug("job failed", ex);
            err.println("error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            err.flush();
            return 1;
        });
        return cmd.execute(args);
    }

    /** The command line with its parsing settings (enum values in any letter case: {@code --format csv}). */
    static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new SparkMain());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        return cmd;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "give a job: predict or train");
    }
}
