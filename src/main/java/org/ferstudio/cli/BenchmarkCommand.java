package org.ferstudio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ferstudio.infer.PipelineBenchmark;
import org.ferstudio.nets.Architectures;
import org.ferstudio.nets.NetworkBenchmark;
import org.ferstudio.nets.Nd4jRuntime;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.store.ModelLocator;
import org.ferstudio.store.ModelStore;
import org.ferstudio.store.RuntimeInfo;
import org.ferstudio.vision.DetectorChoice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code benchmark}: training and inference speed on this machine, one {@code key=value} line per figure. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Measure training and inference speed on this machine.",
                "Prints one key=value line per figure (lines starting with # are context). Threads come from "
                        + "OMP_NUM_THREADS (./fer-studio --threads N sets it). Figures are only valid when "
                        + "other_cores stays near 0: run it on a quiet machine."})
public final class BenchmarkCommand implements Callable<Integer> {

    @Option(names = "--arch", defaultValue = "cnn3", description = "architecture (default: ${DEFAULT-VALUE})")
    String architecture;

    @Option(names = "--batch", defaultValue = "64", description = "batch size (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--train-batches", defaultValue = "40", description = "timed training batches (default: ${DEFAULT-VALUE})")
    int trainBatches;

    @Option(names = "--infer-images", defaultValue = "3200", description = "images in the timed batch inference (default: ${DEFAULT-VALUE})")
    int inferImages;

    @Option(names = "--reps", defaultValue = "500", description = "timed single-face inferences (default: ${DEFAULT-VALUE})")
    int reps;

    @Option(names = "--pipeline", description = "also measure face detection by image size, one-face classification "
            + "and 640x480 video end to end (needs a model and a photo)")
    boolean pipeline;

    @Option(names = "--photo", paramLabel = "FILE", description = "photo with a face for the pipeline figures "
            + "(default: ../shared/photos/obama.jpg next to the app)")
    Path photo;

    @Option(names = "--model", paramLabel = "DIR", description = "model for the pipeline figures (default: the shipped default)")
    Path model;

    @Option(names = "--detector", defaultValue = "yunet", paramLabel = "yunet|haar",
            description = "face detector for the pipeline figures (default: ${DEFAULT-VALUE})")
    DetectorChoice detectorChoice;

    @Option(names = "--photos", paramLabel = "DIR", description = "photos for the per-stage pipeline figures "
            + "(default: ../shared/photos next to the app)")
    Path photos;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RuntimeInfo rt = RuntimeInfo.current();
        out.printf("# %s; %s; DL4J %s; backend %s%n", rt.hardware(), rt.os(), rt.dl4jVersion(), Nd4jRuntime.describe());
        out.flush();
        ConsoleProgressBar bar = new ConsoleProgressBar("benchmark");
        try {
            for (NetworkBenchmark.Figure f : NetworkBenchmark.run(Architectures.byId(architecture),
                    new NetworkBenchmark.Settings(batch, trainBatches, inferImages, reps), bar)) {
                out.println(f.line());
                out.flush();
            }
        } finally {
            bar.done();
        }
        if (pipeline) {
            Path picture = photo != null ? photo : ModelLocator.home().resolve("../shared/photos/obama.jpg").normalize();
            LoadedModel loaded = ModelStore.load(ModelLocator.resolve(model));
            ConsoleProgressBar pipelineBar = new ConsoleProgressBar("pipeline");
            try {
                for (NetworkBenchmark.Figure f : PipelineBenchmark.run(loaded, picture,
                        photos != null ? photos : picture.getParent(), detectorChoice, pipelineBar)) {
                    out.println(f.line());
                    out.flush();
                }
            } finally {
                pipelineBar.done();
            }
        }
        return 0;
    }
}
