package org.ferstudio.infer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ferstudio.eval.FaceTiming;
import org.ferstudio.model.DetectedFace;
import org.ferstudio.nets.NetworkBenchmark.Figure;
import org.ferstudio.vision.GreyImage;
import org.ferstudio.vision.ImageLoader;

/**
 * Times a folder of photos through the photo pipeline one stage at a time, as {@link PhotoAnalyzer} runs
 * them: decode (file to upright grey image), detect, crop (framing, alignment if on, crop, resize,
 * normalise, TTA views) and classify (the network). One pass over all photos is timed per repetition, after
 * one warm-up pass; the figures are the medians over the passes.
 */
final class PhotoStages {

    private PhotoStages() {
    }

    static List<Figure> run(EmotionRecognizer recognizer, List<Path> photos, int repetitions) throws IOException {
        if (photos.isEmpty()) {
            throw new IllegalArgumentException("no photos to time");
        }
        ImageLoader loader = new ImageLoader();
        double[][] ms = new double[4][repetitions];
        int faces = 0;
        for (int rep = -1; rep < repetitions; rep++) {
            double[] pass = new double[4];
            faces = 0;
            for (Path photo : photos) {
                long t0 = System.nanoTime();
                BufferedImage image = loader.load(photo);
                GreyImage grey = GreyImage.of(image);
                long t1 = System.nanoTime();
                List<DetectedFace> found = recognizer.detector().detectFaces(grey);
                long t2 = System.nanoTime();
                float[] input = recognizer.networkInput(grey, found);
                long t3 = System.nanoTime();
                recognizer.classifyInput(found, input);
                long t4 = System.nanoTime();
                pass[0] += (t1 - t0) / 1e6;
                pass[1] += (t2 - t1) / 1e6;
                pass[2] += (t3 - t2) / 1e6;
                pass[3] += (t4 - t3) / 1e6;
                faces += found.size();
            }
            if (rep >= 0) {
                for (int s = 0; s < 4; s++) {
                    ms[s][rep] = pass[s];
                }
            }
        }
        String detector = recognizer.detector().name();
        String[] stages = {"decode", "detect", "crop", "classify"};
        List<Figure> figures = new ArrayList<>();
        double total = 0;
        for (int s = 0; s < stages.length; s++) {
            double median = FaceTiming.median(ms[s]);
            total += median;
            figures.add(Figure.of("photo_stage_ms_per_photo", median / photos.size(), "stage", stages[s],
                    "detector", detector, "photos", photos.size(), "faces", faces, "reps", repetitions));
        }
        figures.add(Figure.of("photos_per_s", 1000.0 * photos.size() / total, "detector", detector,
                "photos", photos.size(), "faces", faces, "align", recognizer.aligns() ? "on" : "off"));
        return figures;
    }
}
