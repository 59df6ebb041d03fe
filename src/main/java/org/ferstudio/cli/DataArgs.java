package org.ferstudio.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ferstudio.data.ClassLabelsReader;
import org.ferstudio.data.ClassMatching;
import org.ferstudio.data.Dataset;
import org.ferstudio.data.DatasetReader;
import org.ferstudio.data.ReadOptions;
import org.ferstudio.data.SplitOptions;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.model.ModelCard;
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

    @Option(names = "--val-fraction", defaultValue = "0.1", paramLabel = "F",
            description = "share of train held out for validation when the data has no validation split (default: ${DEFAULT-VALUE})")
    double validationFraction;

    @Option(names = "--test-fraction", defaultValue = "0.1", paramLabel = "F",
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

    /**
     * Like {@link #read}, for commands that need images (train, evaluate, ensemble).
     *
     * @throws IllegalArgumentException when the data holds none: a CSV with only its header, an empty folder,
     *                                  or every row bad
     */
    Dataset readImages(int maxRowsPerSplit) {
        return requireImages(read(maxRowsPerSplit));
    }

    Dataset requireImages(Dataset dataset) {
        if (dataset.totalImages() == 0) {
            throw new IllegalArgumentException(noImages(dataset));
        }
        return dataset;
    }

    /** "fer.csv holds no images: it has no rows after its header line". */
    String noImages(Dataset dataset) {
        int bad = dataset.report().problems().size();
        return data + " holds no images: " + (bad > 0
                ? "all " + bad + (bad == 1 ? " row or file is" : " rows or files are") + " bad; see './fer-studio validate --data "
                        + data + "'"
                : Files.isDirectory(data) ? "no image files in its class folders" : "it has no rows after its header line");
    }

    Dataset read(int maxRowsPerSplit) {
        ConsoleProgressBar bar = new ConsoleProgressBar("reading " + data.getFileName());
        try {
            return DatasetReader.read(data, readOptions(maxRowsPerSplit), bar);
        } finally {
            bar.done();
        }
    }

    /**
     * Reads the data to pair with a model, its classes matched to the model's by name (see
     * {@link ClassMatching}). A CSV's labels are numbers: without {@code --labels} they are FER2013's seven,
     * unless the CSV is the very file the model was trained on (same SHA-256), whose numbering is the model's.
     */
    Dataset readForModel(ModelCard card, String modelName) {
        boolean csv = !Files.isDirectory(data);
        boolean named = labels != null;
        Dataset dataset;
        if (!named && csv && !sameNames(card.classLabels(), ClassLabels.FER2013) && card.data() != null
                && card.data().sha256() != null) {
            labels = String.join(",", card.classes());
            dataset = readImages(0);
            if (!card.data().sha256().equalsIgnoreCase(String.valueOf(dataset.source().sha256()))) {
                labels = null; // another CSV: its numbers are FER2013's
                dataset = readImages(0);
            }
        } else {
            dataset = readImages(0);
        }
        try {
            return ClassMatching.inModelOrder(dataset, card.classLabels(), modelName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + (csv && !named
                    ? "; a CSV's labels are numbers: name its classes in label order with --labels" : ""), e);
        }
    }

    private static boolean sameNames(ClassLabels a, ClassLabels b) {
        return a.size() == b.size() && a.names().stream().allMatch(n -> b.indexOf(n).isPresent());
    }
}
