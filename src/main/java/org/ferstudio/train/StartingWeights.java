package org.ferstudio.train;

import java.io.IOException;
import java.nio.file.Path;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.model.ModelCard;
import org.ferstudio.nets.Architecture;
import org.ferstudio.nets.FerNetwork;
import org.ferstudio.nets.TransferArchitecture;
import org.ferstudio.store.ModelLoadException;
import org.ferstudio.store.ModelStore;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A run that starts from a trained model's weights instead of random ones ({@code train --init}): to fine-tune a
 * shipped model on one's own faces, or to train another snapshot of a model with a new learning-rate cycle.
 */
public final class StartingWeights {

    private StartingWeights() {
    }

    /**
     * What a config records of the model in {@code dir}.
     *
     * @throws IllegalArgumentException for an ensemble (it holds several networks)
     */
    public static TrainingConfig.StartingModel describe(Path dir) throws IOException {
        ModelCard card = ModelStore.readCard(dir);
        if (card.isEnsemble()) {
            throw new IllegalArgumentException(dir + " is an ensemble; a run starts from one network, so give one "
                    + "of its members' own folders");
        }
        return new TrainingConfig.StartingModel(card.name(), dir.toAbsolutePath().normalize().toString(),
                card.weights().sha256());
    }

    /**
     * Refuses a start model for {@code architecture} when it trains from a pretrained base (transfer
     * architectures): their first stage trains a new head on the base's features, which a whole trained model
     * cannot seed.
     */
    public static void requireOneStage(Architecture architecture) {
        if (architecture instanceof TransferArchitecture) {
            throw new IllegalArgumentException("starting from a trained model works for architectures trained in "
                    + "one stage; " + architecture.id() + " starts from its pretrained base");
        }
    }

    /**
     * Sets {@code net}'s parameters to the saved ones of {@code start}, after checking that it has the run's
     * architecture and classes and that its weights file is the one the run began with.
     */
    static void apply(TrainingConfig.StartingModel start, String architecture, ClassLabels labels, FerNetwork net)
            throws IOException {
        Path dir = Path.of(start.folder());
        ModelCard card = ModelStore.readCard(dir);
        if (!card.architecture().equals(architecture)) {
            throw new IllegalArgumentException(dir + " is a " + card.architecture() + " model and this run trains "
                    + architecture + "; start from a model of the same architecture");
        }
        if (!card.classes().equals(labels.names())) {
            throw new IllegalArgumentException(dir + " has the classes " + card.classes() + " and this dataset has "
                    + labels.names() + "; start from a model with the same classes in the same order");
        }
        if (card.weights() == null || !card.weights().sha256().equalsIgnoreCase(start.sha256())) {
            throw new ModelLoadException(dir + " changed since this run began (its weights' SHA-256 is no longer "
                    + start.sha256() + ")");
        }
        float[] values = ModelStore.savedValues(dir, card);
        if (values.length != net.params().length()) {
            throw new ModelLoadException(dir + " holds " + values.length + " values; this " + architecture
                    + " network has " + net.params().length());
        }
        net.setParams(Nd4j.createFromArray(values).reshape(1, -1));
    }
}
