package org.ferstudio.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ferstudio.data.AugmentationConfig;
import org.ferstudio.data.DataSplits;
import org.ferstudio.data.Dataset;
import org.ferstudio.data.DatasetReader;
import org.ferstudio.data.ReadOptions;
import org.ferstudio.data.SplitOptions;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.nets.OptimizerSettings;
import org.ferstudio.task.ProgressReporter;
import org.ferstudio.train.DataParallelPipeline;
import org.ferstudio.train.DataParallelTrainer;
import org.ferstudio.train.EpochResult;
import org.ferstudio.train.LrSchedule;
import org.ferstudio.train.TrainingConfig;
import org.ferstudio.train.TrainingListener;
import org.ferstudio.train.TrainingPipeline;
import org.ferstudio.train.TrainingRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fer-studio-spark train}: synchronous data-parallel training of a one-stage architecture (cnn3). The driver
 * reads the dataset as {@code train} does, splits the training images over the workers and validates each epoch; the
 * result is an ordinary model folder. Running it again with the same {@code --out} resumes from the checkpoints.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a model with synchronous data-parallel rounds on Spark: every round each worker trains "
                + "K mini-batches on its shard, then the driver averages the parameters and optimiser state.",
                "Checkpoints after every epoch; the same command resumes after the driver stopped."})
final class TrainJobCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "FILE|DIR",
            description = "FER2013-style CSV or image folder, as for train (read by the driver)")
    Path data;

    @Option(names = "--max-train-rows", defaultValue = "0", paramLabel = "N",
            description = "read at most N rows of each split, 0 = all (default: ${DEFAULT-VALUE})")
    int maxRows;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "model folder to write")
    Path out;

    @Option(names = "--name", description = "model name for the card (default: the folder name)")
    String name;

    @Option(names = "--checkpoints", paramLabel = "DIR", description = "checkpoint folder (default: <out>.checkpoints)")
    Path checkpoints;

    @Option(names = "--workers", defaultValue = "0", paramLabel = "N",
            description = "workers (shards, one task each); 0 = Spark's default parallelism (default: ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--steps-per-round", defaultValue = "8", paramLabel = "K",
            description = "mini-batches each worker trains between two averagings (default: ${DEFAULT-VALUE})")
    int stepsPerRound;

    @Option(names = "--epochs", defaultValue = "30", description = "maximum epochs (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch", defaultValue = "64", description = "batch size on each worker (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", defaultValue = "0.001", description = "Adam's initial learning rate (default: ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--schedule", defaultValue = "cosine", description = "constant, plateau or cosine (default: ${DEFAULT-VALUE})")
    LrSchedule schedule;

    @Option(names = "--label-smoothing", defaultValue = "0", description = "label smoothing, 0 = off (default: ${DEFAULT-VALUE})")
    double labelSmoothing;

    @Option(names = "--early-stopping", defaultValue = "12",
            description = "stop after N epochs without a better validation accuracy, 0 = never (default: ${DEFAULT-VALUE})")
    int earlyStopping;

    @Option(names = "--augment", defaultValue = "standard", description = "standard, strong or none, as in train (default: ${DEFAULT-VALUE})")
    String augment;

    @Option(names = "--seed", defaultValue = "42", description = "seed of weights, shuffling and augmentation (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--tta", defaultValue = "auto", paramLabel = "auto|none|flip|tencrop",
            description = "the model's test-time augmentation; auto chooses on the validation split, as train does "
                    + "(default: ${DEFAULT-VALUE})")
    String tta;

    @Option(names = "--no-test", description = "do not evaluate the test split")
    boolean noTest;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master, e.g. local[2]; default: spark-submit's, else local[*]")
    String master;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        TrainingConfig config = TrainingConfig.builder().architecture("cnn3").epochs(epochs).batchSize(batch)
                .optimizer(OptimizerSettings.adam(lr)).schedule(schedule).labelSmoothing(labelSmoothing)
                .earlyStoppingPatience(earlyStopping).augmentation(AugmentationConfig.parse(augment)).seed(seed).build();
        Path checkpointDir = checkpoints != null ? checkpoints : out.resolveSibling(out.getFileName() + ".checkpoints");
        Dataset dataset = DatasetReader.read(data, ReadOptions.defaults().withMaxRowsPerSplit(maxRows), ProgressReporter.NONE);
        DataSplits splits = DataSplits.resolve(dataset, SplitOptions.defaults());
        SparkSession spark = Sessions.open("FER Studio train", master);
        try {
            int n = workers > 0 ? workers : spark.sparkContext().defaultParallelism();
            w.printf("%s: train %d, validation %d, test %d images; %d workers, %d steps of %d a round; checkpoints in %s%n",
                    dataset.source().name(), splits.train().size(), splits.validation().size(),
                    splits.test() == null ? 0 : splits.test().size(), n, stepsPerRound, batch, checkpointDir);
            w.flush();
            TrainingRequest request = new TrainingRequest(dataset.labels(), splits, dataset.source(), config);
            TrainingPipeline.Output output = new TrainingPipeline.Output(name != null ? name : out.getFileName().toString(),
                    out, checkpointDir, !noTest, checkpointDir.resolve("features"), TestTimeAugmentation.candidates(tta));
            TrainingPipeline.Result result = DataParallelPipeline.run(request, output,
                    new DataParallelTrainer.Settings(n, stepsPerRound), new SparkWorkers(spark),
                    List.of(new EpochLines(w)), ProgressReporter.NONE);
            if (result.card() == null) {
                w.printf("no model saved (%s)%n", result.outcome().stopReason());
                return 1;
            }
            w.printf("best epoch %d: validation accuracy %.2f%% (test-time augmentation %s); model in %s%n",
                    result.outcome().bestEpoch(), 100 * result.validation().accuracy(), result.tta().id(), out);
            if (result.test() != null) {
                w.println(result.test().toFormattedString());
            }
            w.flush();
            return 0;
        } finally {
            spark.stop();
        }
    }



    /** One line per epoch, with the figures {@code train} prints. */
    private record EpochLines(PrintWriter out) implements TrainingListener {
        @Override
        public void onEpoch(EpochResult e) {
            out.printf(Locale.ROOT, "epoch %d/%d: loss %.4f, train acc %.2f%%, val loss %.4f, val acc %.2f%%%s, lr %.2g, "
                            + "%.0f s, %.1f img/s%n", e.epoch(), e.epochs(), e.trainLoss(), 100 * e.trainAccuracy(),
                    e.validationLoss(), 100 * e.validationAccuracy(), e.best() ? " (best)" : "", e.learningRate(),
                    e.seconds(), e.imagesPerSecond());
            out.flush();
        }
    }
}
