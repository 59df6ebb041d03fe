package org.ferstudio.train;

import org.ferstudio.nets.FerNetwork;

/**
 * A finished (or cancelled) training: the network holds the best epoch's parameters.
 */
public record TrainingRun(FerNetwork network, TrainingOutcome outcome) {
}
