package org.ferstudio.spark;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code fer-studio-spark train}: synchronous data-parallel training. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model with synchronous data-parallel rounds on Spark.")
final class TrainJobCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("not yet");
    }
}
