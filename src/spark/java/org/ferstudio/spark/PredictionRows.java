package org.ferstudio.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.ferstudio.model.FaceLandmarks;
import org.ferstudio.model.FaceResult;

/**
 * The table a prediction job writes: the columns of {@code predict --csv} (file, face, x, y, w, h, label,
 * confidence, one probability column per class, error, detector, score, and x and y of the five landmarks, named
 * as there: {@code right_eye_x} ... {@code left_mouth_corner_y}) plus {@code frame_ms} for video frames (null for
 * photos) and the model's name and weights SHA-256. Score and landmarks are null where the detector gives none
 * (Haar). A photo without faces, or one that failed, is one row with empty face fields and the reason in
 * {@code error}.
 */
public final class PredictionRows implements Serializable {

    private static final long serialVersionUID = 2L;
    public static final String NO_FACE = "no face found";
    /** Index of the {@code face} column: null in a row without a face. */
    static final int FACE_COLUMN = 2;

    private final List<String> classes;
    private final String model;
    private final String sha256;
    private final String detector;

    /**
     * @param detector the detector's name as {@code predict} writes it ("yunet", "haar")
     */
    public PredictionRows(List<String> classes, String model, String sha256, String detector) {
        this.classes = List.copyOf(classes);
        this.model = model;
        this.sha256 = sha256;
        this.detector = detector;
    }

    /** The landmark columns, in {@link FaceLandmarks#NAMES} order, x before y. */
    public static List<String> landmarkColumns() {
        List<String> names = new ArrayList<>();
        for (String n : FaceLandmarks.NAMES) {
            names.add(n + "_x");
            names.add(n + "_y");
        }
        return names;
    }

    public StructType schema() {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("file", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("frame_ms", DataTypes.LongType, true));
        fields.add(DataTypes.createStructField("face", DataTypes.IntegerType, true));
        for (String c : List.of("x", "y", "w", "h")) {
            fields.add(DataTypes.createStructField(c, DataTypes.IntegerType, true));
        }
        fields.add(DataTypes.createStructField("label", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("confidence", DataTypes.FloatType, true));
        for (String c : classes) {
            fields.add(DataTypes.createStructField(columnName(c), DataTypes.FloatType, true));
        }
        fields.add(DataTypes.createStructField("error", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("detector", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("score", DataTypes.FloatType, true));
        for (String c : landmarkColumns()) {
            fields.add(DataTypes.createStructField(c, DataTypes.FloatType, true));
        }
        fields.add(DataTypes.createStructField("model", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("model_sha256", DataTypes.StringType, false));
        return DataTypes.createStructType(fields);
    }

    /** A class name as a column: Parquet refuses spaces and {@code ,;{}()=}, which become underscores. */
    public static String columnName(String className) {
        return className.replaceAll("[\\s,;{}()=]", "_");
    }

    private int width() {
        return 14 + classes.size() + 2 * FaceLandmarks.NAMES.length;
    }

    /** One face; {@code index} counts from 1 as in {@code predict --csv}. */
    Row face(String file, Long frameMs, int index, FaceResult f) {
        Object[] v = new Object[width()];
        int i = 0;
        v[i++] = file;
        v[i++] = frameMs;
        v[i++] = index;
        v[i++] = f.box().x();
        v[i++] = f.box().y();
        v[i++] = f.box().width();
        v[i++] = f.box().height();
        v[i++] = f.label();
        v[i++] = f.confidence();
        for (int c = 0; c < classes.size(); c++) {
            v[i++] = f.probability(c);
        }
        v[i++] = null;
        v[i++] = detector;
        v[i++] = f.hasScore() ? (float) f.score() : null;
        for (int p = 0; p < FaceLandmarks.NAMES.length; p++) {
            FaceLandmarks.Point point = f.landmarks() == null ? null : f.landmarks().points()[p];
            v[i++] = point == null ? null : (float) point.x();
            v[i++] = point == null ? null : (float) point.y();
        }
        v[i++] = model;
        v[i] = sha256;
        return RowFactory.create(v);
    }

    /** A file (or video frame) without faces: {@link #NO_FACE}, or why it failed. */
    Row withoutFace(String file, Long frameMs, String reason) {
        Object[] v = new Object[width()];
        v[0] = file;
        v[1] = frameMs;
        int error = 9 + classes.size();
        v[error] = reason;
        v[error + 1] = detector;
        v[v.length - 2] = model;
        v[v.length - 1] = sha256;
        return RowFactory.create(v);
    }
}
