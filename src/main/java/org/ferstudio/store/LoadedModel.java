package org.ferstudio.store;

import java.nio.file.Path;
import org.ferstudio.model.ModelCard;
import org.ferstudio.nets.FerNetwork;

/** A model read from its folder: the card and the ready network. */
public record LoadedModel(Path folder, ModelCard card, FerNetwork network) {
}
