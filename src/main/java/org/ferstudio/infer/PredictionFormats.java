package org.ferstudio.infer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ferstudio.model.ClassLabels;
import org.ferstudio.model.FaceLandmarks;
import org.ferstudio.model.FaceResult;
import org.ferstudio.model.PhotoResult;
import org.ferstudio.io.Json;

/** Photo results as a table, JSON or CSV: shared by {@code predict} and the Photos pane's export. */
public final class PredictionFormats {

    private PredictionFormats() {
    }

    /** {@link #json(List, String)} without the detector's name. */
    public static String json(List<PhotoResult> results) {
        return json(results, null);
    }

    /**
     * JSON: an array with one object per file,
     * {@code {"file","detector","width","height","faces":[{"box":{"x","y","w","h"},"label","confidence",
     * "probabilities":{},"score","landmarks":{"right_eye":{"x","y"},...}}],"error"}}; score and landmarks are
     * null when the detector gives none (Haar), landmarks in the original image's pixels.
     *
     * @param detector the detector's name ("yunet", "haar"), or null to leave the field out
     */
    public static String json(List<PhotoResult> results, String detector) {
        List<Map<String, Object>> files = new ArrayList<>();
        for (PhotoResult r : results) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("file", r.file().toString());
            if (detector != null) {
                file.put("detector", detector);
            }
            file.put("width", r.width());
            file.put("height", r.height());
            List<Map<String, Object>> faces = new ArrayList<>();
            for (FaceResult f : r.faces()) {
                Map<String, Object> face = new LinkedHashMap<>();
                face.put("box", Map.of("x", f.box().x(), "y", f.box().y(), "w", f.box().width(), "h", f.box().height()));
                face.put("label", f.label());
                face.put("confidence", round(f.confidence()));
                Map<String, Object> probs = new LinkedHashMap<>();
                for (int c = 0; c < f.classes().size(); c++) {
                    probs.put(f.classes().name(c), round(f.probability(c)));
                }
                face.put("probabilities", probs);
                face.put("score", f.hasScore() ? round((float) f.score()) : null);
                face.put("landmarks", f.landmarks() == null ? null : landmarks(f.landmarks()));
                faces.add(face);
            }
            file.put("faces", faces);
            file.put("error", r.error());
            files.add(file);
        }
        return Json.toJson(files);
    }

    /** CSV: one row per face (a row with empty face fields for a photo without faces or with an error). */
    public static String csv(List<PhotoResult> results, ClassLabels classes) {
        return csv(results, classes, null);
    }

    /**
     * {@link #csv(List, ClassLabels)} with, when {@code detector} is given, columns added after the error
     * column: detector, score and x,y of the five landmarks (empty where the detector gives none).
     */
    public static String csv(List<PhotoResult> results, ClassLabels classes, String detector) {
        StringBuilder sb = new StringBuilder("file,face,x,y,w,h,label,confidence");
        for (String c : classes.names()) {
            sb.append(',').append(quote(c));
        }
        sb.append(",error");
        if (detector != null) {
            sb.append(",detector,score");
            for (String name : FaceLandmarks.NAMES) {
                sb.append(',').append(name).append("_x,").append(name).append("_y");
            }
        }
        sb.append('\n');
        for (PhotoResult r : results) {
            if (r.faces().isEmpty()) {
                sb.append(quote(r.file().toString())).append(",,,,,,,").append(",".repeat(classes.size() + 1))
                        .append(quote(r.ok() ? "no face found" : r.error()));
                if (detector != null) {
                    sb.append(',').append(quote(detector)).append(",".repeat(1 + 2 * FaceLandmarks.NAMES.length));
                }
                sb.append('\n');
                continue;
            }
            for (int i = 0; i < r.faces().size(); i++) {
                FaceResult f = r.faces().get(i);
                sb.append(quote(r.file().toString())).append(',').append(i + 1).append(',')
                        .append(f.box().x()).append(',').append(f.box().y()).append(',')
                        .append(f.box().width()).append(',').append(f.box().height()).append(',')
                        .append(quote(f.label())).append(',').append(fmt(f.confidence()));
                for (int c = 0; c < classes.size(); c++) {
                    sb.append(',').append(fmt(f.probability(c)));
                }
                sb.append(',');
                if (detector != null) {
                    appendDetection(sb.append(',').append(quote(detector)), f);
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** A readable table: one line per face with its top class and the runner-up. */
    public static String table(List<PhotoResult> results) {
        StringBuilder sb = new StringBuilder();
        for (PhotoResult r : results) {
            if (!r.ok()) {
                sb.append(r.file()).append(": error: ").append(r.error()).append('\n');
                continue;
            }
            sb.append(r.file()).append(" (").append(r.width()).append('x').append(r.height()).append("): ");
            sb.append(r.faces().isEmpty() ? "no face found\n" : r.faces().size() + (r.faces().size() == 1 ? " face\n" : " faces\n"));
            for (int i = 0; i < r.faces().size(); i++) {
                FaceResult f = r.faces().get(i);
                List<FaceResult.Classification> top = f.topK(2);
                sb.append(String.format(Locale.ROOT, "  #%d at %d,%d %dx%d  %-9s %5.1f%%   (next: %s %.1f%%)%n", i + 1,
                        f.box().x(), f.box().y(), f.box().width(), f.box().height(), f.label(),
                        100 * f.confidence(), top.get(1).label(), 100 * top.get(1).probability()));
            }
        }
        return sb.toString();
    }

    private static void appendDetection(StringBuilder sb, FaceResult f) {
        sb.append(',').append(f.hasScore() ? fmt((float) f.score()) : "");
        if (f.landmarks() == null) {
            sb.append(",".repeat(2 * FaceLandmarks.NAMES.length));
            return;
        }
        for (FaceLandmarks.Point p : f.landmarks().points()) {
            sb.append(',').append(pixel(p.x())).append(',').append(pixel(p.y()));
        }
    }

    private static Map<String, Object> landmarks(FaceLandmarks landmarks) {
        Map<String, Object> named = new LinkedHashMap<>();
        landmarks.named().forEach((name, p) -> {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("x", pixel(p.x()));
            point.put("y", pixel(p.y()));
            named.put(name, point);
        });
        return named;
    }

    /** Landmark coordinates to a tenth of a pixel: finer is noise. */
    private static double pixel(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round(float p) {
        return Math.round(p * 1e4) / 1e4;
    }

    private static String fmt(float p) {
        return String.format(Locale.ROOT, "%.4f", p);
    }

    static String quote(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
