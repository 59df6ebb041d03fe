package org.ferstudio.cli;

import java.util.concurrent.Callable;
import org.ferstudio.data.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code validate}: counts per split and class, and every bad row or file. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a dataset: counts per split and class, and every bad row or file with the reason.",
                "Exit code 0 when clean, 3 when bad rows or files were found (they are skipped by train), 1 when the data "
                        + "holds no images at all."})
public final class ValidateCommand implements Callable<Integer> {

    static final int EXIT_PROBLEMS = 3;

    @Mixin
    DataArgs dataArgs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Dataset dataset = dataArgs.read(0);
        spec.commandLine().getOut().println(dataset.source().name() + (dataset.source().sha256() == null ? ""
                : "  sha256 " + dataset.source().sha256()));
        spec.commandLine().getOut().println(dataset.report().toFormattedString());
        spec.commandLine().getOut().flush();
        if (dataset.totalImages() == 0) {
            spec.commandLine().getErr().println("error: " + dataArgs.noImages(dataset));
            spec.commandLine().getErr().flush();
            return dataset.report().hasProblems() ? EXIT_PROBLEMS : 1;
        }
        return dataset.report().hasProblems() ? EXIT_PROBLEMS : 0;
    }
}
