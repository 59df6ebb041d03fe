package org.ferstudio.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.ferstudio.data.ClassMatching;
import org.ferstudio.data.FaceImages;
import org.ferstudio.face.FaceTranslator;
import org.ferstudio.face.TestTimeAugmentation;
import org.ferstudio.io.Json;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.nets.FaceClassifier;
import org.ferstudio.store.ArrayFile;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.store.ModelLoadException;
import org.ferstudio.store.ModelStore;
import org.ferstudio.task.ProgressReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The teachers' class probabilities of the training rows, for {@link Distillation}: computed once, batched,
 * through each teacher's own {@link FaceClassifier} path (its preprocessing and its chosen test-time augmentation,
 * on the faces as they are, without the training augmentation), averaged over the teachers, reordered into the
 * training data's class order, and kept on disk. A cache entry is two files named by the SHA-256 of everything the
 * values depend on (every training row's pixels and label, the data's class names, each teacher's weights SHA-256
 * and augmentation): {@code KEY.teacher} (the values, an {@link ArrayFile}) and {@code KEY.json} (what they are,
 * with the values file's SHA-256). An entry that does not check out in every respect is computed again, with a
 * log line that says why.
 */
public final class TeacherProbabilities {

    private static final Logger LOG = LoggerFactory.getLogger(TeacherProbabilities.class);
    static final String FORMAT = "fer-studio teacher probabilities 1";
    static final String VALUES_SUFFIX = ".teacher";
    static final String INFO_SUFFIX = ".json";
    /** How far a cached row's sum may be from 1 before the entry counts as damaged. */
    private static final double ROW_SUM_TOLERANCE = 1e-3;

    /** What a cache entry holds: checked against the run before its values are used. */
    record Info(String format, String key, int rows, List<String> classes, List<String> teachers, String valuesSha256) {
    }

    private final Path dir;

    public TeacherProbabilities(Path dir) {
        this.dir = dir;
    }

    /** {@code ~/.fer-studio/cache/teachers}: shared by all runs of this user, so a resumed run finds its entry. */
    public static Path defaultDirectory() {
        return Path.of(System.getProperty("user.home"), ".fer-studio", "cache", "teachers");
    }

    public Path directory() {
        return dir;
    }

    /**
     * {@code rows.size() * labels.size()} probabilities, row by row, classes in {@code labels}' order: read from the
     * cache or computed (reporting to {@code progress}, which may cancel) and stored.
     *
     * @throws IllegalArgumentException when a teacher's classes are not the data's (by name)
     * @throws ModelLoadException       when a teacher is missing or changed since the run began
     */
    public float[] of(Distillation distillation, ClassLabels labels, FaceImages rows, ProgressReporter progress)
            throws IOException {
        String key = key(distillation, labels, rows);
        Path values = dir.resolve(key + VALUES_SUFFIX);
        Path info = dir.resolve(key + INFO_SUFFIX);
        if (Files.exists(values) || Files.exists(info)) {
            try {
                float[] cached = read(key, values, info, labels, rows.size());
                progress.report(1.0, "read from cache " + values);
                LOG.info("teacher probabilities of {} rows read from {}", rows.size(), values);
                return cached;
            } catch (IOException e) {
                LOG.warn("teacher probabilities cache {} not used ({}); computing again", values, e.getMessage());
            }
        }
        float[] computed = compute(distillation, labels, rows, progress);
        Files.createDirectories(dir);
        ArrayFile.write(values, computed);
        Json.write(info, new Info(FORMAT, key, rows.size(), labels.names(), teacherIds(distillation),
                ModelStore.sha256(values)));
        LOG.info("teacher probabilities of {} rows saved in {}", rows.size(), values);
        return computed;
    }

    /** The cached values, or an exception that says what is wrong with them. */
    private static float[] read(String key, Path values, Path infoFile, ClassLabels labels, int rows)
            throws IOException {
        if (!Files.isRegularFile(infoFile) || !Files.isRegularFile(values)) {
            throw new IOException("half an entry: " + (Files.isRegularFile(values) ? infoFile : values) + " is missing");
        }
        Info info;
        try {
            info = Json.read(infoFile, Info.class);
        } catch (IOException e) {
            throw new IOException(infoFile + " is unreadable: " + e.getMessage(), e);
        }
        if (info == null || !FORMAT.equals(info.format()) || !key.equals(info.key()) || info.rows() != rows
                || !labels.names().equals(info.classes())) {
            throw new IOException(infoFile + " describes other data or teachers");
        }
        if (!ModelStore.sha256(values).equalsIgnoreCase(String.valueOf(info.valuesSha256()))) {
            throw new IOException(values + " does not match the SHA-256 in " + infoFile);
        }
        float[] p = ArrayFile.read(values);
        int k = labels.size();
        if (p.length != (long) rows * k) {
            throw new IOException(values + " holds " + p.length + " values, expected " + rows + " x " + k);
        }
        for (int i = 0; i < rows; i++) {
            double sum = 0;
            for (int c = 0; c < k; c++) {
                float v = p[i * k + c];
                if (!(v >= 0 && v <= 1)) {
                    throw new IOException(values + ": row " + i + " holds " + v + ", not a probability");
                }
                sum += v;
            }
            if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) {
                throw new IOException(values + ": row " + i + " sums to " + sum + ", not 1");
            }
        }
        return p;
    }

    private static float[] compute(Distillation distillation, ClassLabels labels, FaceImages rows,
                                   ProgressReporter progress) throws IOException {
        List<Distillation.Teacher> teachers = distillation.teachers();
        int k = labels.size();
        double[] sum = new double[rows.size() * k];
        for (int t = 0; t < teachers.size(); t++) {
            Distillation.Teacher teacher = teachers.get(t);
            LoadedModel model = load(teacher);
            // for each of the data's classes, the teacher's output unit of that name
            int[] unit = ClassMatching.modelIndexOf(labels, model.card().classLabels(), "teacher " + teacher.name()
                    + " (" + teacher.folder() + ")", "training data");
            TestTimeAugmentation tta = TestTimeAugmentation.parse(teacher.tta());
            float[][] p = new FaceClassifier(model.network()).classify(rows, tta,
                    part(progress, t, teachers.size(), teacher, tta, rows.size()));
            for (int i = 0; i < p.length; i++) {
                for (int c = 0; c < k; c++) {
                    sum[i * k + c] += p[i][unit[c]];
                }
            }
        }
        float[] mean = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            mean[i] = (float) (sum[i] / teachers.size());
        }
        return mean;
    }

    /** Loads a teacher, checking that it is the model the run began with. */
    private static LoadedModel load(Distillation.Teacher teacher) throws IOException {
        Path folder = Path.of(teacher.folder());
        LoadedModel model = ModelStore.load(folder);
        if (!model.card().weights().sha256().equalsIgnoreCase(teacher.sha256())) {
            throw new ModelLoadException("teacher " + folder + " changed since this run began (its weights' SHA-256 "
                    + "is no longer " + teacher.sha256() + "); start a new run to distil the new model");
        }
        return model;
    }

    /** Teacher {@code t}'s share of the progress, with a message that names it. */
    private static ProgressReporter part(ProgressReporter whole, int t, int teachers, Distillation.Teacher teacher,
                                         TestTimeAugmentation tta, int rows) {
        long start = System.nanoTime();
        return new ProgressReporter() {
            @Override
            public void report(double fraction, String message) {
                double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
                whole.report((t + fraction) / teachers, String.format(java.util.Locale.ROOT,
                        "teacher %d of %d (%s, TTA %s): %d of %d faces, %.0f faces/s", t + 1, teachers,
                        teacher.name(), tta.id(), Math.round(fraction * rows), rows, fraction * rows / seconds));
            }

            @Override
            public boolean isCancelled() {
                return whole.isCancelled();
            }
        };
    }

    /** The cache key: SHA-256 over the format, the teachers, the class names and every row's pixels and label. */
    static String key(Distillation distillation, ClassLabels labels, FaceImages rows) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((FORMAT + "\n" + String.join("\n", teacherIds(distillation)) + "\nclasses " + labels.names()
                    + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] pix = new byte[FaceTranslator.PIXELS];
            for (int i = 0; i < rows.size(); i++) {
                rows.copyImage(i, pix, 0);
                md.update(pix);
                md.update((byte) rows.label(i));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Each teacher as its weights' SHA-256 and augmentation: what its probabilities depend on. */
    private static List<String> teacherIds(Distillation distillation) {
        return distillation.teachers().stream().map(t -> t.sha256().toLowerCase(java.util.Locale.ROOT)
                + " tta " + t.tta()).toList();
    }
}
