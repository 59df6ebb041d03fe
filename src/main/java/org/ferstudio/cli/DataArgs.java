package org.ferstudio.cli;

import java.nio.file.Path;
import org.ferstudio.data.ClassLabelsReader;
import org.ferstudio.data.Dataset;
import org.ferstudio.data.DatasetReader;
import org.ferstudio.data.ReadOptions;
import org.ferstudio.data.SplitOptions;
import picocli.CommandLine.Option;

/** Options that say which data to read and how to split it; shared by train, evaluate and validate. */
public final class DataArgs {

    @Option(names = "--data", required = true, paramLabel = "FILE|DIR",
            description = "FER2013-style CSV (.csv or .csv.gz, columns emotion,pixels[,Usage]) or an image folder "
                    + "(root/<split>/<class>/*.png|jpg or root/<class>/*)")
    Path data;

    @Option(names = "--labels", paramLabel = "LIST|FILE",
            description = "class names in label order, comma-separated or a file with one per line "
                    + "(default: the 7 FER2013 classes)")
    String labels;

    @Option(names = "--strict", description = "fail on the first bad row or file instead of skipping it")
    boolean strict;

    @Option(names = "--train-split", paramLabel = "NAME", description = "split to train on (default: Training or train)")
    String trainSplit;

    @Option(names = "--val-split", paramLabel = "NAME",
            description = "split to validate on (default: PublicTest or val; else a held-out share of train)")
    String validationSplit;

    @Option(names = "--test-split", paramLabel = "NAME", description = "split to test on (default: PrivateTest or test)")
    String testSplit;

    @Option(names = "--val-fraction", defaultValue = "0.1",
            description = "share of train held out for validation when the data has no validation split (default: ${DEFAULT-VALUE})")
    double validationFraction;

    @Option(names = "--test-fraction", defaultValue = "0.1",
            description = "share held out for testing when the data has no splits at all (default: ${DEFAULT-VALUE})")
    double testFraction;

    @Option(names = "--split-seed", defaultValue = "42", description = "seed of the random split (default: ${DEFAULT-VALUE})")
    long splitSeed;

    ReadOptions readOptions(int maxRowsPerSplit) {
        ReadOptions o = ReadOptions.defaults().withStrict(strict).withMaxRowsPerSplit(maxRowsPerSplit);
        return labels == null ? o : o.withLabels(ClassLabelsReader.parse(labels));
    }

    SplitOptions splitOptions() {
        return SplitOptions.defaults().withSplitNames(trainSplit, validationSplit, testSplit)
                .withFractions(validationFraction, testFraction).withSeed(splitSeed);
    }

    Dataset read(int maxRowsPerSplit) {
        ConsoleProgressBar bar = new ConsoleProgressBar("reading " + data.getFileName());
        try {
            return DatasetReader.read(data, readOptions(maxRowsPerSplit), bar);
        } finally {
            bar.done();
        }
    }
}
