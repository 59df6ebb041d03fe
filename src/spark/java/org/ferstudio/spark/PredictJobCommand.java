package org.ferstudio.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ferstudio.cli.OnOff;
import org.ferstudio.store.ModelLocator;
import org.ferstudio.vision.DetectorChoice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fer-studio-spark predict}: one row per face of every photo and sampled video frame. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Find faces in photos and MJPG videos on any Hadoop file system and classify their expressions.",
                "Writes one row per face (and one per file without a face or that failed, with the reason) to a new "
                        + "folder, as Parquet or CSV part files."})
final class PredictJobCommand implements Callable<Integer> {

    // one path a time, never split: commas are legal in file names and in globs ({a,b}); repeat for several
    @Option(names = "--input", required = true, paramLabel = "PATH",
            description = {"a file, folder (searched recursively) or glob; file:, hdfs:, s3a: ...",
                    "Repeat --input for several paths; each is taken whole, commas included (a glob's {a,b} "
                            + "or a file name)"})
    List<String> inputs;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "folder to create for the table")
    String output;

    @Option(names = "--format", defaultValue = "parquet", paramLabel = "parquet|csv",
            description = "table format (default: ${DEFAULT-VALUE})")
    BatchPrediction.Format format;

    @Option(names = "--model", paramLabel = "DIR", description = "model folder (default: the shipped default model)")
    Path model;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[2]; default: spark-submit's, else local[*]")
    String master;

    @Option(names = "--partitions", defaultValue = "0", paramLabel = "N",
            description = "tasks to spread the files over; 0 = four per core (default: ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--frame-every", defaultValue = "1000", paramLabel = "MS",
            description = "sample a video frame every MS milliseconds (default: ${DEFAULT-VALUE})")
    long frameEveryMs;

    @Option(names = "--tta", defaultValue = "model", paramLabel = "model|none|flip|tencrop",
            description = "test-time augmentation, as in predict (default: ${DEFAULT-VALUE})")
    String tta;

    @Option(names = "--min-face", defaultValue = "30", paramLabel = "PX",
            description = "smallest face to find, in pixels (default: ${DEFAULT-VALUE})")
    int minFace;

    @Option(names = "--detector", defaultValue = "yunet", paramLabel = "yunet|haar",
            description = "face detector, as in predict: yunet (finds turned and partly covered faces, gives "
                    + "landmarks) or haar (the frontal-face cascade) (default: ${DEFAULT-VALUE})")
    DetectorChoice detector;

    @Option(names = "--align", defaultValue = "off", paramLabel = "on|off", arity = "1", converter = OnOff.class,
            description = "level each face by its eyes before classifying it (needs landmarks: yunet) "
                    + "(default: ${DEFAULT-VALUE})")
    boolean align;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PredictionSettings settings = PredictionSettings.defaults().withDetector(detector).withAlign(align)
                .withTta(tta).withMinFace(minFace).withFrameEveryMs(frameEveryMs);
        Path modelFolder = ModelLocator.resolve(model);
        SparkSession spark = Sessions.open("FER Studio predict", master);
        try {
            long start = System.nanoTime();
            BatchPrediction.Summary s = new BatchPrediction(spark).run(inputs, modelFolder, settings, partitions,
                    output, format);
            double seconds = (System.nanoTime() - start) / 1e9;
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%d files, %d faces, %d failed files in %.1f s (%.1f files/s); model %s (%s); table in %s%n",
                    s.files(), s.faces(), s.failedFiles(), seconds, s.files() / seconds, s.model(),
                    s.sha256().substring(0, 12), output);
            out.flush();
            return 0;
        } finally {
            spark.stop();
        }
    }
}
