package org.ferstudio.nets;

/**
 * The result of one optimisation step.
 *
 * @param loss    the batch loss
 * @param correct images of the batch classified right during the training forward pass, or -1 when
 *                the network cannot tell
 */
public record TrainStep(double loss, int correct) {
}
