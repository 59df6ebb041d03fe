package org.ferstudio.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ferstudio.data.DataSplits;
import org.ferstudio.data.Dataset;
import org.ferstudio.data.FaceImages;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.eval.ConfusionMatrixImage;
import org.ferstudio.eval.EvaluationReport;
import org.ferstudio.eval.EvaluationReportJson;
import org.ferstudio.nets.FaceClassifier;
import org.ferstudio.eval.ModelEvaluator;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.store.ModelStore;
import org.ferstudio.store.OutputTargets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code evaluate}: accuracy, macro-F1, per-class metrics and the confusion matrix of a model. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a model on a labelled split: accuracy, macro-F1, per-class precision/recall/F1, "
                + "confusion matrix.")
public final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "model folder")
    Path model;

    @Mixin
    DataArgs dataArgs;

    @Option(names = "--split", paramLabel = "NAME",
            description = "split to evaluate (default: the test split, PrivateTest or test)")
    String split;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the report as JSON")
    Path json;

    @Option(names = "--confusion-png", paramLabel = "FILE.png", description = "also draw the confusion matrix as a PNG")
    Path confusionPng;

    @Option(names = "--force", description = "replace the --json and --confusion-png files if they exist")
    boolean force;

    @Option(names = "--tta", defaultValue = "model", paramLabel = "model|none|flip|tencrop",
            description = "test-time augmentation; model: the one the model's card chose, which reproduces its "
                    + "figures (default: ${DEFAULT-VALUE})")
    String tta;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        for (Path file : new Path[] {json, confusionPng}) {
            if (file != null) {
                OutputTargets.checkFile(file, force, "add --force to replace it");
            }
        }
        // the data is read and paired with the model's classes before the network (and ND4J) is loaded
        Dataset dataset = dataArgs.readForModel(ModelStore.readCard(model), model.toString());
        LoadedModel loaded = ModelStore.load(model);
        TestTimeAugmentation augmentation = loaded.tta(tta);
        FaceImages images = split != null ? dataset.split(split)
                : DataSplits.resolve(dataset, dataArgs.splitOptions()).test();
        if (images == null || images.size() == 0) {
            throw new IllegalArgumentException("no images to evaluate in " + dataArgs.data
                    + (split == null ? " (no test split; name one with --split)" : " split '" + split + "'")
                    + "; splits: " + dataset.splits().keySet());
        }
        ConsoleProgressBar bar = new ConsoleProgressBar("evaluating", images.size());
        EvaluationReport report;
        try {
            report = ModelEvaluator.evaluate(new FaceClassifier(loaded.network()), dataset.labels(), images,
                    augmentation, bar);
        } finally {
            bar.done();
        }
        spec.commandLine().getOut().printf("%s on %s%s, TTA %s%n", loaded.card().name(), dataArgs.data.getFileName(),
                split == null ? "" : " (" + split + ")", augmentation.id());
        spec.commandLine().getOut().println(report.toFormattedString());
        spec.commandLine().getOut().flush();
        if (json != null) {
            EvaluationReportJson.write(report, json);
        }
        if (confusionPng != null) {
            ConfusionMatrixImage.writePng(report.confusionMatrix(), loaded.card().name() + " on "
                    + (split != null ? split : "the test split") + ", accuracy "
                    + String.format(java.util.Locale.ROOT, "%.1f%%", 100 * report.accuracy()), confusionPng);
        }
        return 0;
    }
}
