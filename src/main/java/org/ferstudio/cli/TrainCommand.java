package org.ferstudio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ferstudio.data.AugmentationConfig;
import org.ferstudio.data.ClassMatching;
import org.ferstudio.data.DataSplits;
import org.ferstudio.data.Dataset;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.nets.Architecture;
import org.ferstudio.nets.Architectures;
import org.ferstudio.nets.Nd4jRuntime;
import org.ferstudio.nets.OptimizerSettings;
import org.ferstudio.nets.TransferArchitecture;
import org.ferstudio.store.ModelLocator;
import org.ferstudio.store.OutputRefusedException;
import org.ferstudio.store.OutputTargets;
import org.ferstudio.store.ModelStore;
import org.ferstudio.task.CancellationToken;
import org.ferstudio.train.CheckpointStore;
import org.ferstudio.train.ClassBalancing;
import org.ferstudio.train.Distillation;
import org.ferstudio.train.FeatureCache;
import org.ferstudio.train.LrSchedule;
import org.ferstudio.train.RecipePreset;
import org.ferstudio.train.StartingWeights;
import org.ferstudio.train.TeacherProbabilities;
import org.ferstudio.train.TrainingConfig;
import org.ferstudio.train.TrainingPipeline;
import org.ferstudio.train.TrainingRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code train}: trains a model, checkpointing every epoch, and saves it with its card. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = TrainingDefaults.class,
        description = {"Train a model on a dataset and save it as a model folder with its card.",
                "Checkpoints are written after every epoch; an interrupted run continues with --resume."})
public final class TrainCommand implements Callable<Integer> {

    @Mixin
    DataArgs dataArgs;

    @Mixin
    ModelOutputArgs output;

    @Option(names = "--arch", description = {"architecture: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            "Block CNNs of 2 convolutions a block and dense 256: cnn3 (32-64-128 filters): 1.47M parameters, "
            + "173.6 MFLOP per face; cnn4 (32-64-128-256): 1.77M parameters, 236.1 MFLOP per face; cnn3w (48-96-192): "
            + "2.42M parameters, 387.7 MFLOP per face"},
            completionCandidates = ArchitectureIds.class)
    String architecture;

    @Option(names = "--recipe", paramLabel = "NAME", description = {"start from a recipe's settings: quick (Adam, "
            + "the rate halved on plateaus, early stopping: the defaults below) or long (SGD with Nesterov momentum "
            + "0.9 at 0.01, weight decay 1e-4, the rate x0.75 after 5 epochs without improvement, 100 epochs, no early "
            + "stopping, --ema 0.999: the long runs of docs/RESULTS.md).",
            "Options given beside it win over the recipe's values"})
    String recipe;

    @Option(names = "--epochs", description = "maximum epochs (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch", description = "batch size (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--optimizer", description = "adam or sgd (Nesterov) (default: ${DEFAULT-VALUE})")
    String optimizer;

    @Option(names = "--lr", description = "initial learning rate (default: 0.001 for adam, 0.01 for sgd)")
    Double learningRate;

    @Option(names = "--momentum", description = "Nesterov momentum for sgd (default: ${DEFAULT-VALUE})")
    double momentum;

    @Option(names = "--weight-decay", description = "L2 weight decay (default: ${DEFAULT-VALUE})")
    double weightDecay;

    @Option(names = "--schedule", description = {"constant, plateau or cosine (default: ${DEFAULT-VALUE}).",
            "With --resume it may change: cosine then anneals from where the run is to --min-lr at the last epoch"})
    String schedule;

    @Option(names = "--plateau-patience", description = "epochs without improvement before the LR is lowered (default: ${DEFAULT-VALUE})")
    int plateauPatience;

    @Option(names = "--plateau-factor", description = "LR factor on a plateau (default: ${DEFAULT-VALUE})")
    double plateauFactor;

    @Option(names = "--min-lr", description = "lowest learning rate (default: ${DEFAULT-VALUE})")
    double minLearningRate;

    @Option(names = "--label-smoothing", description = "label smoothing, 0 = off (default: ${DEFAULT-VALUE})")
    double labelSmoothing;

    @Option(names = "--early-stopping", description = "stop after N epochs without a better validation accuracy, 0 = never (default: ${DEFAULT-VALUE})")
    int earlyStopping;

    @Option(names = "--augment", description = {"standard, strong or none (default: ${DEFAULT-VALUE}): standard flips, "
            + "shifts 4 px, rotates 10 degrees, zooms 0.9-1.1, changes light 20%% and erases a patch 1 time in 4;",
            "strong zooms 0.8-1.2 (a random resized crop either way) and shifts 10 px (20%% of the side)"})
    String augment;

    @Option(names = "--ema", paramLabel = "DECAY", description = {"keep an exponential moving average of all the "
            + "weights with this decay, e.g. 0.999; 0 = off (default: ${DEFAULT-VALUE}).",
            "Both the trained weights and the average are validated every epoch; the saved model is the better of "
            + "the best epoch's two (the card's training.weights says which: raw or ema)"})
    double ema;

    @Option(names = "--balance", description = "class balancing: none, weights or sampling (default: ${DEFAULT-VALUE})")
    String balance;

    @Option(names = "--seed", description = "seed of weights, shuffling and augmentation (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--max-train-rows", defaultValue = "0", paramLabel = "N",
            description = "read at most N rows per split, for quick experiments; 0 = all (default: ${DEFAULT-VALUE})")
    int maxRows;

    @Option(names = "--fine-tune-blocks", defaultValue = "0", paramLabel = "N",
            description = "pretrained architectures (mobilenet): after training the head on cached features, train the "
                    + "last N blocks of the base with the head on the images; 0 = head only (default: ${DEFAULT-VALUE})")
    int fineTuneBlocks;

    @Option(names = "--fine-tune-epochs", defaultValue = "5", paramLabel = "N",
            description = "maximum epochs of fine-tuning (default: ${DEFAULT-VALUE})")
    int fineTuneEpochs;

    @Option(names = "--fine-tune-lr", paramLabel = "RATE", description = "learning rate of fine-tuning (default: a tenth of --lr)")
    Double fineTuneLearningRate;

    @Option(names = "--feature-cache", paramLabel = "DIR",
            description = "where pretrained architectures keep their base's features of the data, computed once "
                    + "(default: ~/.fer-studio/cache/features)")
    Path featureCache;

    @Option(names = "--checkpoints", paramLabel = "DIR", description = "checkpoint folder (default: <out>.checkpoints)")
    Path checkpoints;

    @Option(names = "--init", paramLabel = "DIR", description = {"start from this trained model's weights instead of "
            + "random ones: fine-tune a shipped model on your own faces, or train another snapshot of it.",
            "Same architecture and classes; not for pretrained (transfer) architectures"})
    Path init;

    @Option(names = "--teacher", paramLabel = "MODEL", split = ",", description = {"distil: learn from this trained "
            + "model's class probabilities of the training faces, mixed with the labels. An ensemble model, or several "
            + "folders separated by commas (their probabilities averaged), make an ensemble teacher.",
            "Computed once, with the teacher's own preprocessing, and cached (see --distill-cache); "
                    + "one-stage architectures, one machine"})
    List<Path> teachers;

    @Option(names = "--distill-weight", paramLabel = "W", defaultValue = "" + Distillation.DEFAULT_WEIGHT,
            description = "the teacher's share of each target, in (0, 1]: W x teacher + (1 - W) x label, the label "
                    + "smoothed by --label-smoothing (default: ${DEFAULT-VALUE})")
    double distillWeight;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "" + Distillation.DEFAULT_TEMPERATURE,
            description = "softens the teacher's probabilities to softmax(logits / T) before mixing; the student's "
                    + "own softmax stays at 1, so the model predicts as any other (default: ${DEFAULT-VALUE})")
    double temperature;

    @Option(names = "--teacher-tta", paramLabel = "TTA", defaultValue = "model",
            description = "test-time augmentation of the teacher's probabilities: model (what its card chose for "
                    + "photos), none, flip or tencrop (default: ${DEFAULT-VALUE})")
    String teacherTta;

    @Option(names = "--distill-cache", paramLabel = "DIR",
            description = "where the teachers' probabilities are kept, keyed by the SHA-256 of the training rows and "
                    + "of the teachers' weights (default: ~/.fer-studio/cache/teachers)")
    Path distillCache;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "continue the run whose checkpoints are in DIR, with its settings (only --epochs and --schedule may change)")
    Path resume;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter outWriter = spec.commandLine().getOut();
        List<TestTimeAugmentation> candidates = output.ttaCandidates();
        output.checkOut();
        Path checkpointDir = resume != null ? resume
                : checkpoints != null ? checkpoints : output.out.resolveSibling(output.out.getFileName() + ".checkpoints");
        TrainingConfig config = config(checkpointDir);
        Dataset dataset = dataArgs.readImages(maxRows);
        dataset.report().classSetNote().ifPresent(outWriter::println);
        if (config.startFrom() != null) {
            // the starting model's output units are its classes: pair them with the data's by name
            Path start = Path.of(config.startFrom().folder());
            dataset = ClassMatching.inModelOrder(dataset, ModelStore.readCard(start).classLabels(), start.toString());
        }
        if (dataset.report().hasProblems()) {
            outWriter.printf("%d bad rows or files skipped; see './fer-studio validate --data %s'%n",
                    dataset.report().problems().size(), dataArgs.data);
        }
        DataSplits splits = DataSplits.resolve(dataset, dataArgs.splitOptions());
        // the backend loads once the data is known to be usable, so bad data is reported in a moment
        Nd4jRuntime.initialise();
        outWriter.printf("%s: train %d, validation %d, test %d images (%s)%n", dataset.source().name(),
                splits.train().size(), splits.validation().size(), splits.test() == null ? 0 : splits.test().size(),
                splits.description());
        outWriter.printf("%s, %d epochs, batch %d, %s lr %s, %s schedule; backend %s%n", config.architecture(),
                config.epochs(), config.batchSize(), config.optimizer().type(), config.optimizer().learningRate(),
                config.schedule().name().toLowerCase(), Nd4jRuntime.describe());
        if (config.distillation() != null) {
            Distillation d = config.distillation();
            outWriter.printf("distilling %s: target = W x teacher + (1 - W) x label, W = %s, temperature %s%n",
                    d.teachers().stream().map(t -> t.name() + " (TTA " + t.tta() + ")").toList(), d.weight(),
                    d.temperature());
        }
        if (config.fineTuning() != null) {
            outWriter.printf("then fine-tuning of the last %d blocks, up to %d epochs, lr %s%n",
                    config.fineTuning().blocks(), config.fineTuning().epochs(), config.fineTuning().learningRate());
        }
        if (config.ema() > 0) {
            outWriter.printf("weight average (EMA) with decay %s, validated beside the trained weights every epoch%n",
                    config.ema());
        }
        outWriter.printf("checkpoints in %s%n", checkpointDir);
        outWriter.flush();

        CancellationToken control = new CancellationToken();
        TrainingRequest request = new TrainingRequest(dataset.labels(), splits, dataset.source(), config);
        TrainingPipeline.Result result = TrainingPipeline.run(request, new TrainingPipeline.Output(output.modelName(),
                output.out, checkpointDir, !output.noTest,
                featureCache != null ? featureCache : FeatureCache.defaultDirectory(), candidates,
                distillCache != null ? distillCache : TeacherProbabilities.defaultDirectory()),
                List.of(new ConsoleTrainingListener(outWriter)), control);
        if (result.card() == null) {
            outWriter.printf("no model saved (%s); continue with --resume %s%n", result.outcome().stopReason(),
                    checkpointDir);
            outWriter.flush();
            return 1;
        }
        outWriter.printf("%nbest epoch %d: validation accuracy %.2f%% with test-time augmentation %s%s%n",
                result.outcome().bestEpoch(), 100 * result.validation().accuracy(), result.tta().id(),
                ModelOutputArgs.describeChoice(result.card().inference()));
        if (result.test() != null) {
            outWriter.println("test set:");
            outWriter.println(result.test().toFormattedString());
        }
        outWriter.printf("saved %s%n", output.out);
        outWriter.flush();
        return 0;
    }

    private TrainingConfig config(Path checkpointDir) throws java.io.IOException {
        if (resume != null) {
            CheckpointStore store = new CheckpointStore(resume);
            TrainingConfig saved = store.load().orElseThrow(() -> new IllegalArgumentException(
                    "no checkpoint to resume in " + resume + " (" + CheckpointStore.STATE_FILE + " missing)")).config();
            rejectChangesOnResume();
            TrainingConfig resumed = spec.commandLine().getParseResult().hasMatchedOption("--epochs")
                    ? saved.withEpochs(epochs) : saved;
            return spec.commandLine().getParseResult().hasMatchedOption("--schedule")
                    ? resumed.withSchedule(LrSchedule.parse(schedule)) : resumed;
        }
        if (new CheckpointStore(checkpointDir).exists()) {
            throw new IllegalArgumentException(checkpointDir + " already holds a training run; continue it with "
                    + "--resume " + checkpointDir + ", or delete it to start again");
        }
        OutputTargets.Existing there = OutputTargets.inspect(checkpointDir);
        if (there == OutputTargets.Existing.FILE || there == OutputTargets.Existing.OTHER_FOLDER) {
            // a run writes and prunes epoch-NNN files there: only in a folder of its own
            throw new OutputRefusedException("--checkpoints " + checkpointDir + (there == OutputTargets.Existing.FILE
                    ? " is a file" : " holds files that are not a training run's") + "; name a new or empty folder");
        }
        Architecture arch = Architectures.byId(architecture);
        TrainingConfig config = settings();
        double lr = config.optimizer().learningRate();
        if (config.ema() != 0 && arch instanceof TransferArchitecture) {
            throw new IllegalArgumentException("--ema needs a one-stage architecture; " + architecture
                    + " trains a head on cached features, then fine-tunes");
        }
        if (init != null) {
            StartingWeights.requireOneStage(arch);
            config = config.withStartFrom(StartingWeights.describe(ModelLocator.resolve(init)));
        }
        config = config.toBuilder().distillation(distillation(arch)).build();
        if (fineTuneBlocks == 0) {
            return config;
        }
        if (!(arch instanceof TransferArchitecture transfer)) {
            throw new IllegalArgumentException("--fine-tune-blocks needs a pretrained architecture; " + architecture
                    + " trains in one stage");
        }
        if (fineTuneBlocks < 0 || fineTuneBlocks > transfer.blocks()) {
            throw new IllegalArgumentException("--fine-tune-blocks must be 0.." + transfer.blocks() + " for "
                    + architecture + ", got " + fineTuneBlocks);
        }
        return config.withFineTuning(new TrainingConfig.FineTuning(fineTuneBlocks, fineTuneEpochs,
                fineTuneLearningRate != null ? fineTuneLearningRate : lr / 10));
    }

    /**
     * The training settings of a new run: the options as given, and for those a {@code --recipe} sets and the
     * command line leaves out, the recipe's values.
     */
    TrainingConfig settings() {
        // an option left out holds TrainingConfig's default (TrainingDefaults), so without --recipe the base is
        // the defaults and "given or the base's value" is the option's value either way
        TrainingConfig base = recipe == null ? TrainingConfig.defaults() : RecipePreset.parse(recipe).config();
        String type = given("--optimizer") ? optimizer : base.optimizer().type();
        double lr = learningRate != null ? learningRate
                : !given("--optimizer") ? base.optimizer().learningRate()
                : type.equalsIgnoreCase("sgd") ? 0.01 : TrainingConfig.defaults().optimizer().learningRate();
        return TrainingConfig.builder().architecture(architecture)
                .epochs(given("--epochs") ? epochs : base.epochs()).batchSize(batch)
                .optimizer(new OptimizerSettings(type, lr,
                        given("--momentum") ? momentum : base.optimizer().momentum(),
                        given("--weight-decay") ? weightDecay : base.optimizer().weightDecay()))
                .schedule(given("--schedule") ? LrSchedule.parse(schedule) : base.schedule())
                .plateauPatience(given("--plateau-patience") ? plateauPatience : base.plateauPatience())
                .plateauFactor(given("--plateau-factor") ? plateauFactor : base.plateauFactor())
                .minLearningRate(minLearningRate).labelSmoothing(labelSmoothing)
                .earlyStoppingPatience(given("--early-stopping") ? earlyStopping : base.earlyStoppingPatience())
                .augmentation(AugmentationConfig.parse(augment)).balancing(ClassBalancing.parse(balance)).seed(seed)
                .ema(given("--ema") ? ema : base.ema()).build();
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** The teachers and their settings, or null without --teacher (whose settings are then refused). */
    private Distillation distillation(Architecture arch) throws java.io.IOException {
        if (teachers == null || teachers.isEmpty()) {
            List<String> orphans = List.of("--distill-weight", "--temperature", "--teacher-tta", "--distill-cache")
                    .stream().filter(spec.commandLine().getParseResult()::hasMatchedOption).toList();
            if (!orphans.isEmpty()) {
                throw new IllegalArgumentException(String.join(", ", orphans) + " set how a run distils; add "
                        + "--teacher MODEL");
            }
            return null;
        }
        if (arch instanceof TransferArchitecture) {
            throw new IllegalArgumentException("--teacher: distillation trains architectures trained in one stage; "
                    + arch.id() + " trains a head on its pretrained base's cached features");
        }
        List<Distillation.Teacher> described = new java.util.ArrayList<>();
        for (Path teacher : teachers) {
            described.add(Distillation.describe(ModelLocator.resolve(teacher), teacherTta));
        }
        return new Distillation(described, distillWeight, temperature);
    }

    /**
     * A resumed run keeps the settings in its checkpoint; only the epoch count and the schedule may change.
     * Any other training option is refused by name rather than silently ignored.
     */
    private void rejectChangesOnResume() {
        List<String> fixed = List.of("--recipe", "--arch", "--batch", "--optimizer", "--lr", "--momentum", "--weight-decay",
                "--plateau-patience", "--plateau-factor", "--min-lr", "--label-smoothing", "--early-stopping",
                "--augment", "--ema", "--balance", "--seed", "--init", "--fine-tune-blocks", "--fine-tune-epochs", "--fine-tune-lr",
                "--teacher", "--distill-weight", "--temperature", "--teacher-tta");
        List<String> given = fixed.stream().filter(spec.commandLine().getParseResult()::hasMatchedOption).toList();
        if (!given.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", given) + ": a resumed run keeps the settings in "
                    + resume.resolve(CheckpointStore.STATE_FILE) + "; only --epochs and --schedule can change");
        }
    }

    /** Architecture ids for the help text. */
    static final class ArchitectureIds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Architectures.all().stream().map(a -> a.id()).iterator();
        }
    }
}
