package org.ferstudio.train;

/**
 * The early-stopping policy the trainer asks after every epoch: stop once {@code patience} epochs in a row
 * brought no better validation accuracy (0 = never stop early). A run that stopped stays stopped on resume.
 */
record EarlyStopping(int patience) {

    boolean stops(int epochsSinceBest) {
        return patience > 0 && epochsSinceBest >= patience;
    }
}
