package org.ferstudio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ferstudio.model.ModelCard;
import org.ferstudio.nets.BackendInfo;
import org.ferstudio.io.Json;
import org.ferstudio.store.ModelStore;
import org.ferstudio.store.RuntimeInfo;
import org.ferstudio.train.TrainingRecipe;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code info}: a model's card and a check that its files load, or the numeric backend this machine runs. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Show a model's card (classes, training, data, metrics) and check that it loads,",
                "or (--backend) the numeric backend: CPU or CUDA, device, threads and helpers."})
public final class InfoCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Subject subject;

    @Option(names = "--json", description = "print the card (or the backend) as JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    /** What to show: one model, or the backend. */
    static final class Subject {

        @Option(names = "--model", required = true, paramLabel = "DIR", description = "model folder")
        Path model;

        @Option(names = "--backend", required = true,
                description = "the numeric backend instead of a model (loads it: about a second)")
        boolean backend;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (subject.backend) {
            printBackend(out);
        } else {
            printModel(out, subject.model);
        }
        out.flush();
        return 0;
    }

    private void printBackend(PrintWriter out) {
        BackendInfo b = BackendInfo.current();
        if (json) {
            out.println(Json.toJson(b));
            return;
        }
        RuntimeInfo rt = RuntimeInfo.current();
        out.printf("backend       %s%n", b.summary());
        out.printf("device        %s%n", b.device() == null ? rt.hardware()
                : String.format("%s, %.1f GB", b.device(), b.deviceMemoryBytes() / 1e9));
        out.printf("threads       %d (OpenMP%s)%n", b.threads(), b.isCuda() ? ", host-side work" : "");
        out.printf("helpers       %s: DL4J layer helpers %s, ND4J operations %s%n", b.helperLibrary(),
                b.layerHelpers() ? "on" : "off", b.opHelpers() ? "built with it" : "built without it");
        out.printf("blas          %s%n", b.blasVendor());
        out.printf("versions      DL4J %s, Java %s, %s%n", rt.dl4jVersion(), rt.javaVersion(), rt.os());
    }

    private void printModel(PrintWriter out, Path model) throws Exception {
        ModelCard card = ModelStore.load(model).card();
        if (json) {
            out.println(Json.toJson(card));
            return;
        }
        out.printf("model         %s (%s)%n", card.name(), model);
        out.printf("architecture  %s, %,d parameters%s%n", card.architecture(), card.parameters(),
                card.mflops() == null ? "" : String.format(", %.1f MFLOP per face", card.mflops()));
        if (card.isEnsemble()) {
            List<String> members = new ArrayList<>();
            List<String> alone = new ArrayList<>();
            for (ModelCard.Member m : card.members()) {
                members.add(m.name() + " (" + m.architecture() + ")");
                if (m.validationAccuracy() != null) {
                    alone.add(String.format("%s %.2f%%", m.name(), 100 * m.validationAccuracy()));
                }
            }
            out.printf("members       ensemble of %d: %s%n", members.size(), String.join(", ", members));
            if (!alone.isEmpty()) {
                out.printf("              each alone on validation, no TTA: %s%n", String.join(", ", alone));
            }
        }
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
        if (card.inference() != null) {
            ModelCard.Inference inf = card.inference();
            out.printf("inference     photos: TTA %s; video: %s%s%n", inf.defaultTta(), card.videoSetting(),
                    inf.videoMember() == null ? "" : String.format(java.util.Locale.ROOT, ", %.1f ms/face", inf.videoMsPerFace()));
            out.printf("              validation accuracy and time per face, %s:%s%n",
                    BackendInfo.threadCount(inf.threads()), ModelOutputArgs.describeChoice(inf));
        }
        out.printf("trained       %s, %d s on %s, %s%s%n", card.created(), card.trainingSeconds(),
                card.hardware(), BackendInfo.threadCount(card.threads()),
                card.bestEpoch() == null ? "" : ", best epoch " + card.bestEpoch());
        TrainingRecipe.describe(card.training()).ifPresent(recipe -> out.printf("recipe        %s%n", recipe));
        if (card.training() != null) {
            out.printf("settings      %s%n", card.training());
        }
        out.printf("versions      %s%n", card.versions());
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
