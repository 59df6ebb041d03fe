package org.ferstudio.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.ferstudio.data.AugmentationConfig;
import org.ferstudio.nets.OptimizerSettings;

/**
 * Everything that decides how a model is trained. Saved with every checkpoint (so a resume continues
 * with the same settings) and in the model card.
 *
 * @param earlyStoppingPatience epochs without a better validation accuracy before stopping (0 = never)
 * @param labelSmoothing        share of the target mass spread evenly over all classes (0 = off)
 * @param fineTuning            the second stage of a transfer architecture (null = none: the head only,
 *                              or an architecture trained in one stage). For transfer architectures the
 *                              epochs, optimizer and schedule above are the head stage's; the head, trained
 *                              on cached features, gets only the augmentation's flip (the features of each
 *                              face's mirror image), fine-tuning all of it
 * @param startFrom             the trained model whose weights the network starts from instead of random ones
 *                              (null = random); same architecture and classes
 * @param distillation          the teacher models whose probabilities are mixed into the targets (null = none)
 * @param ema                   decay of an exponential moving average of the weights, validated beside them
 *                              every epoch (0 = off); see {@link WeightAverage}
 */
public record TrainingConfig(
        String architecture,
        int epochs,
        int batchSize,
        OptimizerSettings optimizer,
        LrSchedule schedule,
        int plateauPatience,
        double plateauFactor,
        double minLearningRate,
        double labelSmoothing,
        int earlyStoppingPatience,
        AugmentationConfig augmentation,
        ClassBalancing balancing,
        long seed,
        @JsonInclude(JsonInclude.Include.NON_NULL) FineTuning fineTuning,
        @JsonInclude(JsonInclude.Include.NON_NULL) StartingModel startFrom,
        @JsonInclude(JsonInclude.Include.NON_NULL) Distillation distillation,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) double ema) {

    /**
     * A trained model to start from: its name, folder and the SHA-256 of its weights file when the run began,
     * so that the card says where the weights came from and a changed file is noticed.
     */
    public record StartingModel(String name, String folder, String sha256) {
    }

    /**
     * Fine-tuning of a pretrained base after its head was trained: the last {@code blocks} blocks and the head
     * train together on the images (with augmentation) for {@code epochs} at {@code learningRate}, usually
     * ten times lower than the head's, so the pretrained filters move only a little.
     */
    public record FineTuning(int blocks, int epochs, double learningRate) {

        public FineTuning {
            if (blocks < 1) {
                throw new IllegalArgumentException("fine-tuning needs at least one block, got " + blocks);
            }
            if (epochs < 1) {
                throw new IllegalArgumentException("fine-tuning epochs must be >= 1, got " + epochs);
            }
            if (!(learningRate > 0)) {
                throw new IllegalArgumentException("fine-tuning learning rate must be > 0, got " + learningRate);
            }
        }
    }

    public TrainingConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        if (plateauPatience < 1) {
            throw new IllegalArgumentException("plateau patience must be >= 1, got " + plateauPatience);
        }
        if (!(plateauFactor > 0 && plateauFactor < 1)) {
            throw new IllegalArgumentException("plateau factor must be in (0, 1), got " + plateauFactor);
        }
        if (minLearningRate < 0 || minLearningRate > optimizer.learningRate()) {
            throw new IllegalArgumentException("minimum learning rate must be in [0, " + optimizer.learningRate()
                    + "], got " + minLearningRate);
        }
        if (labelSmoothing < 0 || labelSmoothing >= 1) {
            throw new IllegalArgumentException("label smoothing must be in [0, 1), got " + labelSmoothing);
        }
        if (earlyStoppingPatience < 0) {
            throw new IllegalArgumentException("early-stopping patience must be >= 0, got " + earlyStoppingPatience);
        }
        if (!(ema >= 0 && ema < 1)) {
            throw new IllegalArgumentException("the weight average's decay must be 0 (off) or in (0, 1), got " + ema);
        }
    }

    /** Defaults that work for the 3-block CNN on FER2013: {@link Builder}'s starting values. */
    public static TrainingConfig defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults, the one place they are written down. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder().architecture(architecture).epochs(epochs).batchSize(batchSize).optimizer(optimizer)
                .schedule(schedule).plateauPatience(plateauPatience).plateauFactor(plateauFactor)
                .minLearningRate(minLearningRate).labelSmoothing(labelSmoothing)
                .earlyStoppingPatience(earlyStoppingPatience).augmentation(augmentation).balancing(balancing)
                .seed(seed).fineTuning(fineTuning).startFrom(startFrom).distillation(distillation).ema(ema);
    }

    public TrainingConfig withEpochs(int n) {
        return new TrainingConfig(architecture, n, batchSize, optimizer, schedule, plateauPatience, plateauFactor,
                minLearningRate, labelSmoothing, earlyStoppingPatience, augmentation, balancing, seed, fineTuning, startFrom,
                distillation, ema);
    }

    /** The same run with another schedule, for example cosine annealing over the epochs left after a resume. */
    public TrainingConfig withSchedule(LrSchedule newSchedule) {
        return new TrainingConfig(architecture, epochs, batchSize, optimizer, newSchedule, plateauPatience,
                plateauFactor, minLearningRate, labelSmoothing, earlyStoppingPatience, augmentation, balancing, seed,
                fineTuning, startFrom, distillation, ema);
    }

    public TrainingConfig withFineTuning(FineTuning stage) {
        return new TrainingConfig(architecture, epochs, batchSize, optimizer, schedule, plateauPatience, plateauFactor,
                minLearningRate, labelSmoothing, earlyStoppingPatience, augmentation, balancing, seed, stage, startFrom,
                distillation, ema);
    }

    /** The same run starting from a trained model's weights. */
    public TrainingConfig withStartFrom(StartingModel model) {
        return new TrainingConfig(architecture, epochs, batchSize, optimizer, schedule, plateauPatience, plateauFactor,
                minLearningRate, labelSmoothing, earlyStoppingPatience, augmentation, balancing, seed, fineTuning, model,
                distillation, ema);
    }

    /**
     * Builds a configuration from the defaults (the command line's help and the wizard show these) with the
     * settings a caller changes. {@link #build()} checks the result as the record does.
     */
    public static final class Builder {

        private String architecture = "cnn3";
        private int epochs = 60;
        private int batchSize = 64;
        private OptimizerSettings optimizer = OptimizerSettings.adam(1e-3);
        private LrSchedule schedule = LrSchedule.PLATEAU;
        private int plateauPatience = 4;
        private double plateauFactor = 0.5;
        private double minLearningRate = 1e-5;
        private double labelSmoothing = 0.0;
        private int earlyStoppingPatience = 12;
        private AugmentationConfig augmentation = AugmentationConfig.standard();
        private ClassBalancing balancing = ClassBalancing.NONE;
        private long seed = 42;
        private FineTuning fineTuning;
        private StartingModel startFrom;
        private Distillation distillation;
        private double ema;

        private Builder() {
        }

        public Builder architecture(String id) {
            this.architecture = id;
            return this;
        }

        public Builder epochs(int n) {
            this.epochs = n;
            return this;
        }

        public Builder batchSize(int n) {
            this.batchSize = n;
            return this;
        }

        public Builder optimizer(OptimizerSettings settings) {
            this.optimizer = settings;
            return this;
        }

        /** The optimizer's initial learning rate, its type, momentum and weight decay kept. */
        public Builder learningRate(double rate) {
            this.optimizer = new OptimizerSettings(optimizer.type(), rate, optimizer.momentum(), optimizer.weightDecay());
            return this;
        }

        public Builder schedule(LrSchedule newSchedule) {
            this.schedule = newSchedule;
            return this;
        }

        public Builder plateauPatience(int epochsWithoutImprovement) {
            this.plateauPatience = epochsWithoutImprovement;
            return this;
        }

        public Builder plateauFactor(double factor) {
            this.plateauFactor = factor;
            return this;
        }

        /** The lowest learning rate; a floor above the initial rate is lowered to it when built. */
        public Builder minLearningRate(double rate) {
            this.minLearningRate = rate;
            return this;
        }

        public Builder labelSmoothing(double share) {
            this.labelSmoothing = share;
            return this;
        }

        public Builder earlyStoppingPatience(int epochsWithoutImprovement) {
            this.earlyStoppingPatience = epochsWithoutImprovement;
            return this;
        }

        public Builder augmentation(AugmentationConfig config) {
            this.augmentation = config;
            return this;
        }

        public Builder balancing(ClassBalancing classBalancing) {
            this.balancing = classBalancing;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Builder fineTuning(FineTuning stage) {
            this.fineTuning = stage;
            return this;
        }

        public Builder startFrom(StartingModel model) {
            this.startFrom = model;
            return this;
        }

        public Builder distillation(Distillation teachers) {
            this.distillation = teachers;
            return this;
        }

        /** Decay of the weight average (for example 0.999); 0 = off. */
        public Builder ema(double decay) {
            this.ema = decay;
            return this;
        }

        public TrainingConfig build() {
            return new TrainingConfig(architecture, epochs, batchSize, optimizer, schedule, plateauPatience,
                    plateauFactor, Math.min(minLearningRate, optimizer.learningRate()), labelSmoothing,
                    earlyStoppingPatience, augmentation, balancing, seed, fineTuning, startFrom, distillation, ema);
        }
    }
}
