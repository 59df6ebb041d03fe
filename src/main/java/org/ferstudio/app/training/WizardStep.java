package org.ferstudio.app.training;

/** The wizard's steps, in order. */
public enum WizardStep {
    DATASET("Dataset"),
    MODEL("Model"),
    TRAINING("Training"),
    RESULTS("Results");

    private final String title;

    WizardStep(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    WizardStep next() {
        return values()[Math.min(ordinal() + 1, values().length - 1)];
    }

    WizardStep previous() {
        return values()[Math.max(ordinal() - 1, 0)];
    }
}
