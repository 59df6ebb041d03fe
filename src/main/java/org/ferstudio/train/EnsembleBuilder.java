package org.ferstudio.train;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ferstudio.data.DataSplits;
import org.ferstudio.data.DatasetSource;
import org.ferstudio.data.FaceImages;
import org.ferstudio.face.FaceTranslator;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.eval.EvaluationReport;
import org.ferstudio.nets.FaceClassifier;
import org.ferstudio.eval.FaceTiming;
import org.ferstudio.eval.ModelEvaluator;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.model.ModelCard;
import org.ferstudio.nets.EnsembleNetwork;
import org.ferstudio.nets.FerNetwork;
import org.ferstudio.nets.Nd4jRuntime;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.store.ModelStore;
import org.ferstudio.store.RuntimeInfo;
import org.ferstudio.task.ProgressReporter;

/**
 * Assembles trained models into one that averages their probabilities: checks that they agree on classes
 * and input, scores each member alone on the validation split, then puts the ensemble through the same
 * {@link ModelAssessment} as a trained model (augmentation chosen on validation, test evaluated once,
 * timings) and saves it as one model folder.
 * <p>
 * A model given that is an ensemble itself contributes its members, so an ensemble grows by one model at a
 * time. Live video runs the member most accurate alone on validation, timed as the app runs it, so that
 * video keeps the frame rate of a single model.
 */
public final class EnsembleBuilder {

    /**
     * @param members       the trained models; ensembles among them stand for their members; two or more in all
     * @param ttaCandidates augmentations to choose the ensemble's default from
     */
    public record Request(String modelName, List<LoadedModel> members, DataSplits splits, DatasetSource source,
                          Path outDir, boolean evaluateTest, List<TestTimeAugmentation> ttaCandidates) {

        public Request {
            members = List.copyOf(members);
            ttaCandidates = List.copyOf(ttaCandidates);
        }
    }

    /**
     * The saved ensemble with its reports, and each member's own validation report (no augmentation) in the
     * order of the saved card's members (members may share a name, so they are not keyed by it).
     */
    public record Result(LoadedModel model, EvaluationReport validation, EvaluationReport test, TestTimeAugmentation tta,
                         List<EvaluationReport> memberValidation) {
    }

    private EnsembleBuilder() {
    }

    public static Result build(Request request, ProgressReporter control) throws IOException {
        List<LoadedModel> members = request.members().stream().flatMap(m -> m.members().stream()).toList();
        ClassLabels labels = checkCompatible(members);
        List<EvaluationReport> alone = new ArrayList<>();
        List<FerNetwork> networks = new ArrayList<>();
        for (LoadedModel m : members) {
            networks.add(m.network());
            alone.add(ModelEvaluator.evaluate(new FaceClassifier(m.network()), labels,
                    request.splits().validation(), TestTimeAugmentation.NONE, control));
        }
        EnsembleNetwork ensemble = new EnsembleNetwork(networks);
        ModelAssessment assessment = ModelAssessment.of(ensemble, ensemble, labels, request.splits(),
                request.evaluateTest(), request.ttaCandidates(), control);
        List<Double> memberAccuracy = alone.stream().map(EvaluationReport::accuracy).toList();
        int videoMember = mostAccurate(memberAccuracy);
        double videoMs = FaceTiming.msPerFace(new FaceClassifier(networks.get(videoMember)), request.splits().validation(),
                List.of(TestTimeAugmentation.NONE), ModelAssessment.TIMING_REPETITIONS, control)
                .get(TestTimeAugmentation.NONE.id());
        ModelCard card = card(request, members, labels, ensemble, assessment)
                .withInference(assessment.inference().withVideoMember(videoMember, videoMs));
        LoadedModel saved = ModelStore.saveEnsemble(request.outDir(), card, members, memberAccuracy,
                assessment.pictures(request.modelName(), null));
        return new Result(saved, assessment.validation(), assessment.test(), assessment.tta(), alone);
    }

    /** The index of the highest accuracy, the first on a tie. */
    static int mostAccurate(List<Double> accuracies) {
        int best = 0;
        for (int i = 1; i < accuracies.size(); i++) {
            if (accuracies.get(i) > accuracies.get(best)) {
                best = i;
            }
        }
        return best;
    }

    /** The members' shared classes; refuses members that disagree on classes or input. */
    static ClassLabels checkCompatible(List<LoadedModel> members) {
        if (members.size() < 2) {
            throw new IllegalArgumentException("an ensemble needs at least 2 models, got " + members.size());
        }
        ModelCard first = members.get(0).card();
        for (LoadedModel m : members) {
            ModelCard c = m.card();
            if (!c.classes().equals(first.classes())) {
                throw new IllegalArgumentException(m.folder() + " has the classes " + c.classes() + ", "
                        + members.get(0).folder() + " has " + first.classes() + "; members must agree");
            }
            if (!c.input().equals(first.input())) {
                throw new IllegalArgumentException(m.folder() + " takes " + c.input() + ", " + members.get(0).folder()
                        + " takes " + first.input() + "; members must take the same input");
            }
        }
        return first.classLabels();
    }

    private static ModelCard card(Request r, List<LoadedModel> members, ClassLabels labels, EnsembleNetwork ensemble,
                                  ModelAssessment assessment) {
        RuntimeInfo rt = RuntimeInfo.current();
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("method", "mean of the members' class probabilities");
        training.put("members", members.stream().map(m -> m.card().name()).toList());
        training.put("backend", Nd4jRuntime.describe());
        long seconds = members.stream().mapToLong(m -> m.card().trainingSeconds()).sum();
        ModelCard.Input input = members.get(0).card().input();
        return new ModelCard(ModelCard.FORMAT_VERSION, r.modelName(), ModelCard.ENSEMBLE, labels.names(),
                new ModelCard.Input(FaceTranslator.SIDE, FaceTranslator.SIDE, 1, input.preprocessing()), training,
                ModelAssessment.dataInfo(r.splits(), r.source()), assessment.validationMetrics(),
                assessment.testMetrics(), seconds, null, rt.hardware(), Nd4jRuntime.threads(), rt.versions(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), null, ensemble.trainableParams(),
                ensemble.flopsPerImage() / 1e6, assessment.inference(), null);
    }
}
