package org.ferstudio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ferstudio.data.DataSplits;
import org.ferstudio.data.Dataset;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.model.ModelCard;
import org.ferstudio.nets.Nd4jRuntime;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.store.ModelLocator;
import org.ferstudio.store.ModelStore;
import org.ferstudio.train.EnsembleBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ensemble}: saves trained models as one model that averages their probabilities. */
@Command(name = "ensemble", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Combine trained models into one that averages their class probabilities.",
                "Each member is scored alone on the validation split; the ensemble's test-time augmentation is "
                        + "chosen there, its test split evaluated once, and it is saved as one model folder."})
public final class EnsembleCommand implements Callable<Integer> {

    @Option(names = "--member", required = true, paramLabel = "DIR", arity = "1..*",
            description = "a trained model folder; give two or more. An ensemble stands for its members, "
                    + "so an ensemble and one more model make an ensemble one member larger")
    List<Path> members;

    @Mixin
    DataArgs dataArgs;

    @Mixin
    ModelOutputArgs output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter outWriter = spec.commandLine().getOut();
        List<TestTimeAugmentation> candidates = output.ttaCandidates();
        output.checkOut();
        if (members.size() < 2) {
            throw new IllegalArgumentException("--member: an ensemble needs at least 2 models, got " + members.size());
        }
        Nd4jRuntime.initialise();
        List<LoadedModel> loaded = new ArrayList<>();
        for (Path member : members) {
            loaded.add(ModelStore.load(ModelLocator.resolve(member)));
        }
        Dataset dataset = dataArgs.readForModel(loaded.get(0).card(), members.get(0).toString());
        DataSplits splits = DataSplits.resolve(dataset, dataArgs.splitOptions());
        outWriter.printf("%s: validation %d, test %d images (%s)%n", dataset.source().name(), splits.validation().size(),
                splits.test() == null ? 0 : splits.test().size(), splits.description());
        outWriter.flush();
        ConsoleProgressBar bar = new ConsoleProgressBar("evaluating");
        EnsembleBuilder.Result result;
        try {
            result = EnsembleBuilder.build(new EnsembleBuilder.Request(output.modelName(),
                    loaded, splits, dataset.source(), output.out, !output.noTest, candidates), bar);
        } finally {
            bar.done();
        }
        List<ModelCard.Member> saved = result.model().card().members();
        ModelCard.Inference inference = result.model().card().inference();
        for (int i = 0; i < saved.size(); i++) {
            outWriter.printf("member %d %s: validation accuracy %.2f%% (no augmentation)%s%n", i + 1,
                    saved.get(i).name(), 100 * result.memberValidation().get(i).accuracy(),
                    inference.isVideoMember(i) ? "; runs live video alone" : "");
        }
        outWriter.printf("ensemble: validation accuracy %.2f%% with test-time augmentation %s%s%n",
                100 * result.validation().accuracy(), result.tta().id(),
                ModelOutputArgs.describeChoice(result.model().card().inference()));
        if (result.test() != null) {
            outWriter.println("test set:");
            outWriter.println(result.test().toFormattedString());
        }
        outWriter.printf("saved %s%n", output.out);
        outWriter.flush();
        return 0;
    }
}
