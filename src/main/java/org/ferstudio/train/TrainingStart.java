package org.ferstudio.train;

/**
 * @param firstEpoch 1-based epoch training starts at (greater than 1 after a resume)
 */
public record TrainingStart(TrainingConfig config, int firstEpoch, int batchesPerEpoch, int trainImages,
                            int validationImages, long parameters) {
}
