package org.ferstudio.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ferstudio.store.OutputTargets;
import org.ferstudio.train.CheckpointState;
import org.ferstudio.train.CheckpointStore;
import org.ferstudio.train.TrainingCurvesImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code curves}: draws a training run's loss and accuracy per epoch from its checkpoint folder. */
@Command(name = "curves", mixinStandardHelpOptions = true,
        description = "Draw the loss and accuracy curves of a training run (from its checkpoint folder) as a PNG.")
public final class CurvesCommand implements Callable<Integer> {

    @Option(names = "--checkpoints", required = true, paramLabel = "DIR",
            description = "the run's checkpoint folder (the one given to train --checkpoints)")
    Path checkpoints;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "the picture to write")
    Path out;

    @Option(names = "--force", description = "replace the --out file if it exists")
    boolean force;

    @Option(names = "--title", paramLabel = "TEXT", description = "title above the curves (default: the folder name)")
    String title;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OutputTargets.checkFile(out, force, "add --force to replace it");
        CheckpointState state = new CheckpointStore(checkpoints).load().orElseThrow(() ->
                new IllegalArgumentException("no training state in " + checkpoints + " (expected "
                        + CheckpointStore.STATE_FILE + ")"));
        String heading = title != null ? title : checkpoints.getFileName() + ": " + state.config().architecture()
                + ", " + state.epochsDone() + " epochs, best " + state.bestEpoch();
        TrainingCurvesImage.writePng(state.history(), heading, out);
        spec.commandLine().getOut().printf("wrote %s (%d epochs)%n", out, state.history().size());
        return 0;
    }
}
