package org.ferstudio.app.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ferstudio.model.ModelCard;
import org.ferstudio.nets.BackendInfo;
import org.ferstudio.store.ModelStore;
import org.ferstudio.train.TrainingRecipe;

/**
 * What the model details window shows of one model folder: its card as readable facts, recall per class,
 * the test-time augmentations with their validation accuracy and cost per face, and the confusion-matrix
 * and training-curve pictures the training saved beside the card. A value built once per window; no
 * JavaFX, so it is tested without the toolkit.
 */
public final class ModelDetailsViewModel {

    /** One line of the facts table: "Test accuracy" → "60.32%, macro-F1 0.526 ...". */
    public record Fact(String name, String value) {
    }

    /** Recall of one class on the test and validation splits ("" when the card has no such figure). */
    public record ClassRow(String className, String testRecall, String validationRecall) {
    }

    /** One test-time augmentation: its validation accuracy, time per face and where the app uses it. */
    public record AugmentationRow(String augmentation, String validationAccuracy, String msPerFace, String usedFor) {
    }

    private final Path folder;
    private final ModelCard card;

    public ModelDetailsViewModel(Path folder, ModelCard card) {
        this.folder = folder;
        this.card = card;
    }

    public String title() {
        return "Model " + card.name();
    }

    public List<Fact> facts() {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Name", card.name()));
        facts.add(new Fact("Architecture", architecture()));
        if (card.isEnsemble()) {
            facts.add(new Fact("Members", members()));
        }
        facts.add(new Fact("Classes", String.join(", ", card.classes())));
        facts.add(new Fact("Test accuracy", card.test() == null ? "not evaluated on a test split" : metrics(card.test())));
        if (card.validation() != null) {
            facts.add(new Fact("Validation accuracy", metrics(card.validation())));
        }
        if (card.inference() != null) {
            facts.add(new Fact("Time per face", timePerFace(card.inference())));
        }
        facts.add(new Fact("Training", training()));
        TrainingRecipe.describe(card.training()).ifPresent(recipe -> facts.add(new Fact("Recipe", recipe)));
        if (card.data() != null) {
            facts.add(new Fact("Data", data(card.data())));
        }
        facts.add(new Fact("Input", card.input().width() + "x" + card.input().height() + "x" + card.input().channels()
                + ", " + card.input().preprocessing()));
        if (card.created() != null) {
            facts.add(new Fact("Created", card.created()));
        }
        if (!card.versions().isEmpty()) {
            facts.add(new Fact("Versions", joined(card.versions())));
        }
        facts.add(new Fact("Folder", folder.toAbsolutePath().toString()));
        return facts;
    }

    public List<ClassRow> classes() {
        List<ClassRow> rows = new ArrayList<>();
        for (String name : card.classes()) {
            rows.add(new ClassRow(name, recall(card.test(), name), recall(card.validation(), name)));
        }
        return rows;
    }

    /** Empty for cards written before augmentations were chosen and timed. */
    public List<AugmentationRow> augmentations() {
        ModelCard.Inference inference = card.inference();
        if (inference == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(inference.msPerFace().keySet());
        inference.validationAccuracy().keySet().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        List<AugmentationRow> rows = new ArrayList<>();
        for (String id : ids) {
            Double accuracy = inference.validationAccuracy().get(id);
            Double ms = inference.msPerFace().get(id);
            List<String> uses = new ArrayList<>();
            if (id.equals(inference.defaultTta())) {
                uses.add("photos");
            }
            if (id.equals(inference.videoTta()) && inference.videoMember() == null) {
                uses.add("video");
            }
            rows.add(new AugmentationRow(id, accuracy == null ? "" : percent(accuracy),
                    ms == null ? "" : String.format(Locale.ROOT, "%.1f ms", ms), String.join(", ", uses)));
        }
        return rows;
    }

    /** Why the augmentation table is empty, or "" when it is not. */
    public String augmentationsNote() {
        return card.inference() == null
                ? "This model's card predates the choice of test-time augmentation; photos and video use none."
                : "";
    }

    public Optional<Path> confusionMatrixPicture() {
        return picture(ModelStore.CONFUSION_PNG);
    }

    public Optional<Path> trainingCurvesPicture() {
        return picture(ModelStore.CURVES_PNG);
    }

    private Optional<Path> picture(String name) {
        Path file = folder.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private String architecture() {
        StringBuilder s = new StringBuilder(card.architecture());
        if (card.parameters() > 0) {
            s.append(String.format(Locale.ROOT, ", %,d parameters", card.parameters()));
        }
        if (card.mflops() != null) {
            s.append(String.format(Locale.ROOT, ", %.1f MFLOP per face", card.mflops()));
        }
        if (card.weights() != null && card.weights().bytes() > 0) {
            s.append(String.format(Locale.ROOT, ", %.1f MB on disk", card.weights().bytes() / 1e6));
        }
        return s.toString();
    }

    private String members() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < card.members().size(); i++) {
            ModelCard.Member m = card.members().get(i);
            parts.add(m.name() + " (" + m.architecture() + (m.validationAccuracy() == null ? ""
                    : ", validation " + percent(m.validationAccuracy()) + " alone")
                    + (card.inference() != null && card.inference().isVideoMember(i) ? ", runs live video" : "") + ")");
        }
        return "mean of " + parts.size() + " models' probabilities: " + String.join(", ", parts);
    }

    private static String metrics(ModelCard.Metrics m) {
        return String.format(Locale.ROOT, "%s, macro-F1 %.3f, n = %,d, %s split, test-time augmentation %s",
                percent(m.accuracy()), m.macroF1(), m.n(), m.split(), m.tta());
    }

    private String timePerFace(ModelCard.Inference inference) {
        Double photos = inference.msPerFace().get(inference.defaultTta());
        return String.format(Locale.ROOT, "photos (TTA %s): %s; video (%s): %s; %s, without face detection",
                inference.defaultTta(), ms(photos), card.videoSetting(), ms(inference.videoCostMs()),
                BackendInfo.threadCount(inference.threads()));
    }

    private String training() {
        StringBuilder s = new StringBuilder(duration(card.trainingSeconds()));
        if (card.hardware() != null) {
            s.append(" on ").append(card.hardware());
        }
        if (card.threads() > 0) {
            s.append(", ").append(BackendInfo.threadCount(card.threads()));
        }
        if (card.bestEpoch() != null) {
            s.append("; best epoch ").append(card.bestEpoch());
            Object run = card.training() == null ? null : card.training().get("epochsRun");
            if (run != null) {
                s.append(" of ").append(run);
            }
        }
        // a run started from a trained model's weights (train --init): its time excludes that model's training
        Object start = card.training() == null ? null : card.training().get("startFrom");
        if (start instanceof Map<?, ?> from && from.get("name") != null) {
            s.append("; continued from the weights of ").append(from.get("name")).append(", whose training is not counted");
        }
        // a distilled student (train --teacher): which models taught it, and how much
        Object distillation = card.training() == null ? null : card.training().get("distillation");
        if (distillation instanceof Map<?, ?> d && d.get("teachers") instanceof List<?> teachers && !teachers.isEmpty()) {
            List<String> names = teachers.stream()
                    .map(t -> t instanceof Map<?, ?> m ? String.valueOf(m.get("name")) : "?").toList();
            s.append("; distilled from ").append(String.join(" + ", names)).append(" (teacher weight ")
                    .append(d.get("weight")).append(", temperature ").append(d.get("temperature")).append(')');
        }
        return s.toString();
    }

    private static String data(ModelCard.DataInfo data) {
        StringBuilder s = new StringBuilder(data.file() == null ? "unknown file" : data.file());
        if (data.sha256() != null) {
            s.append(" (SHA-256 ").append(data.sha256(), 0, Math.min(12, data.sha256().length())).append("...)");
        }
        if (data.splitDescription() != null) {
            s.append("; ").append(data.splitDescription());
        }
        return s.toString();
    }

    static String duration(long seconds) {
        long h = seconds / 3600;
        long min = seconds % 3600 / 60;
        return h > 0 ? h + " h " + min + " min" : min > 0 ? min + " min " + seconds % 60 + " s" : seconds + " s";
    }

    private static String recall(ModelCard.Metrics m, String className) {
        Double r = m == null ? null : m.perClassRecall().get(className);
        return r == null ? "" : percent(r);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    private static String ms(Double value) {
        return value == null ? "not measured" : String.format(Locale.ROOT, "%.1f ms", value);
    }

    private static String joined(Map<String, String> map) {
        List<String> parts = new ArrayList<>();
        map.forEach((k, v) -> parts.add(k + " " + v));
        return String.join(", ", parts);
    }
}
