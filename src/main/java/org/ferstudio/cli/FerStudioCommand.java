package org.ferstudio.cli;

import picocli.CommandLine.Command;

/** The top-level {@code fer-studio} command. */
@Command(name = "fer-studio",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"FER Studio: facial expression recognition in photos and video, and training of the models.",
                "Without a command the desktop app starts."},
        subcommands = {TrainCommand.class, EvaluateCommand.class, ValidateCommand.class, InfoCommand.class,
                BenchmarkCommand.class, PredictCommand.class, VideoCommand.class, CurvesCommand.class,
                EnsembleCommand.class})
public final class FerStudioCommand implements Runnable {

    @Override
    public void run() {
        // reached only when arguments were given but no subcommand; the launcher handles "no arguments"
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "choose a command");
    }
}
