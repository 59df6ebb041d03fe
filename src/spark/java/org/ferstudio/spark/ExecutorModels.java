package org.ferstudio.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.ferstudio.infer.EmotionRecognizer;
import org.ferstudio.infer.PhotoAnalyzer;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.store.ModelStore;
import org.ferstudio.vision.FaceDetector;
import org.ferstudio.vision.ImageLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models of one executor JVM: each broadcast model is unpacked (SHA-256 checked) and loaded once per JVM;
 * its analysers (network + detector, the same objects {@code predict} builds) are pooled and lent to one task at
 * a time, so that tasks running side by side do not queue on one network and later partitions reuse them.
 */
final class ExecutorModels {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorModels.class);
    private static final Map<String, Path> UNPACKED = new ConcurrentHashMap<>();
    private static final Map<String, ConcurrentLinkedDeque<Analyser>> POOLS = new ConcurrentHashMap<>();

    /** What a task works with: the photo path of {@code predict}, and its recogniser for video frames. */
    record Analyser(String key, PhotoAnalyzer photos, EmotionRecognizer recognizer) {
    }

    private ExecutorModels() {
    }

    /** An analyser for the model and settings; give it back with {@link #release}. */
    static Analyser borrow(ModelBundle bundle, PredictionSettings settings) {
        String key = bundle.sha256() + "/" + settings.analyserKey();
        Analyser pooled = POOLS.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>()).pollFirst();
        return pooled != null ? pooled : create(key, bundle, settings);
    }

    static void release(Analyser analyser) {
        POOLS.get(analyser.key()).addFirst(analyser);
    }

    private static Analyser create(String key, ModelBundle bundle, PredictionSettings settings) {
        settings.limits().applyIfUnset();
        long start = System.nanoTime();
        try {
            LoadedModel model = ModelStore.load(unpacked(bundle));
            // built as predict builds them: the chosen detector with predict's photo settings, levelling as asked
            FaceDetector detector = settings.detector().forPhotos(settings.minFace());
            EmotionRecognizer recognizer = new EmotionRecognizer(model, detector, model.tta(settings.tta()))
                    .withAlignment(settings.align());
            LOG.info("model {} ({}) loaded in {} ms, detector {}", bundle.name(), bundle.sha256().substring(0, 12),
                    (System.nanoTime() - start) / 1_000_000, detector.name());
            return new Analyser(key, new PhotoAnalyzer(recognizer, new ImageLoader()), recognizer);
        } catch (IOException e) {
            throw new UncheckedIOException("model " + bundle.name() + " cannot be loaded on this executor", e);
        }
    }

    private static Path unpacked(ModelBundle bundle) {
        return UNPACKED.computeIfAbsent(bundle.sha256(), sha -> {
            try {
                Path dir = Files.createTempDirectory("fer-model-" + sha.substring(0, 12) + "-");
                dir.toFile().deleteOnExit();
                Path folder = bundle.unpackTo(dir.resolve(bundle.name()));
                folder.toFile().deleteOnExit();
                try (var files = Files.list(folder)) {
                    files.forEach(f -> f.toFile().deleteOnExit());
                }
                return folder;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unpack model " + bundle.name() + ": " + e.getMessage(), e);
            }
        });
    }
}
