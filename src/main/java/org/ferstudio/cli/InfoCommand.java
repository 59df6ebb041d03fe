package org.ferstudio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ferstudio.model.ModelCard;
import org.ferstudio.store.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code info}: a model's card, and a check that its files load. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show a model's card (classes, training, data, metrics) and check that it loads.")
public final class InfoCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "model folder")
    Path model;

    @Option(names = "--json", description = "print the card as JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ModelCard card = ModelStore.load(model).card();
        if (json) {
            out.println(org.ferstudio.store.Json.toJson(card));
            out.flush();
            return 0;
        }
        out.printf("model         %s (%s)%n", card.name(), model);
        out.printf("architecture  %s, %,d parameters%s%n", card.architecture(), card.parameters(),
                card.mflops() == null ? "" : String.format(", %.1f MFLOP per face", card.mflops()));
        out.printf("classes       %s%n", String.join(", ", card.classes()));
        out.printf("input         %dx%dx%d, %s%n", card.input().width(), card.input().height(),
                card.input().channels(), card.input().preprocessing());
        if (card.data() != null) {
            out.printf("data          %s%s%n", card.data().file(),
                    card.data().sha256() == null ? "" : " (sha256 " + card.data().sha256() + ")");
            out.printf("splits        %s; %s%n", card.data().splitSizes(), card.data().splitDescription());
        }
        printMetrics(out, "validation", card.validation());
        printMetrics(out, "test", card.test());
        out.printf("trained       %s, %d s on %s, %d threads%s%n", card.created(), card.trainingSeconds(),
                card.hardware(), card.threads(), card.bestEpoch() == null ? "" : ", best epoch " + card.bestEpoch());
        if (card.training() != null) {
            out.printf("settings      %s%n", card.training());
        }
        out.printf("versions      %s%n", card.versions());
        out.flush();
        return 0;
    }

    private static void printMetrics(PrintWriter out, String what, ModelCard.Metrics m) {
        if (m == null) {
            return;
        }
        StringBuilder recall = new StringBuilder();
        for (Map.Entry<String, Double> e : m.perClassRecall().entrySet()) {
            recall.append(String.format("%s %.1f%%  ", e.getKey(), 100 * e.getValue()));
        }
        out.printf("%-13s %.2f%% accuracy, macro-F1 %.3f, n=%d (%s, TTA %s)%n", what, 100 * m.accuracy(),
                m.macroF1(), m.n(), m.split(), m.tta());
        out.printf("              recall: %s%n", recall.toString().trim());
    }
}
