package org.ferstudio.app.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ferstudio.data.DataSplits;
import org.ferstudio.data.DatasetSource;
import org.ferstudio.data.FaceImages;
import org.ferstudio.testutil.SyntheticFaces;
import org.ferstudio.train.TrainingConfig;
import org.ferstudio.train.TrainingRequest;

/** Small datasets for the wizard's tests: synthetic CSV files and ready-made plans. */
final class WizardData {

    static final String CLASS_NAMES = String.join(",", SyntheticFaces.LABELS.names());

    private WizardData() {
    }

    /** A CSV with a Usage column: {@code train}, {@code validation} and {@code test} rows of synthetic faces. */
    static Path csv(Path dir, String name, int train, int validation, int test) throws IOException {
        StringBuilder csv = new StringBuilder("emotion,pixels,Usage\n");
        appendRows(csv, SyntheticFaces.make(train, 10), "Training");
        appendRows(csv, SyntheticFaces.make(validation, 11), "PublicTest");
        appendRows(csv, SyntheticFaces.make(test, 12), "PrivateTest");
        return Files.writeString(dir.resolve(name), csv);
    }

    /** A CSV without a Usage column, so only a random split is possible. */
    static Path csvWithoutSplits(Path dir, String name, int rows) throws IOException {
        StringBuilder csv = new StringBuilder("emotion,pixels\n");
        appendRows(csv, SyntheticFaces.make(rows, 13), null);
        return Files.writeString(dir.resolve(name), csv);
    }

    /**
     * A CSV whose line {@code badLine} (1-based, the header being line 1) has a pixel value out of range;
     * the other rows are good.
     */
    static Path csvWithBadRow(Path dir, int badLine) throws IOException {
        List<String> lines = Files.readAllLines(csv(dir, "bad.csv", 30, 9, 9));
        String[] fields = lines.get(badLine - 1).split(",");
        fields[1] = fields[1].replaceFirst("^\\d+", "300");
        lines.set(badLine - 1, String.join(",", fields));
        return Files.write(dir.resolve("bad.csv"), lines);
    }

    /** A request over synthetic faces, for trainers that do not look at the data. */
    static TrainingRequest request(int epochs) {
        FaceImages train = SyntheticFaces.make(30, 1);
        DataSplits splits = new DataSplits(train, SyntheticFaces.make(9, 2), SyntheticFaces.make(9, 3), "synthetic");
        DatasetSource source = new DatasetSource("synthetic.csv", Path.of("synthetic.csv"), "0".repeat(64), 1);
        return new TrainingRequest(SyntheticFaces.LABELS, splits, source, TrainingConfig.defaults().withEpochs(epochs));
    }

    private static void appendRows(StringBuilder csv, FaceImages images, String usage) {
        for (int i = 0; i < images.size(); i++) {
            csv.append(images.label(i)).append(',');
            byte[] pix = images.image(i);
            for (int p = 0; p < pix.length; p++) {
                csv.append(p == 0 ? "" : " ").append(pix[p] & 0xFF);
            }
            csv.append(usage == null ? "" : "," + usage).append('\n');
        }
    }
}
