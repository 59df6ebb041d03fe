package org.ferstudio.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ferstudio.infer.EmotionRecognizer;
import org.ferstudio.infer.PhotoAnalyzer;
import org.ferstudio.infer.PredictionFormats;
import org.ferstudio.model.PhotoResult;
import org.ferstudio.store.AtomicFiles;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.store.ModelLocator;
import org.ferstudio.store.ModelStore;
import org.ferstudio.vision.DetectorChoice;
import org.ferstudio.vision.FaceAnnotator;
import org.ferstudio.vision.FaceDetector;
import org.ferstudio.vision.ImageLoader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code predict}: faces and expressions in photos. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Find faces in photos and classify their expressions.",
                "Folders are searched recursively for .jpg, .jpeg, .png, .bmp and .gif files. A file that cannot be "
                        + "read is reported and the rest go on; the exit code is 1 if any file failed."})
public final class PredictCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "image files or folders")
    List<Path> paths;

    @Option(names = "--model", paramLabel = "DIR", description = "model folder (default: the shipped default model)")
    Path model;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    static final class Format {
        @Option(names = "--json", description = "JSON: one object per file")
        boolean json;

        @Option(names = "--csv", description = "CSV: one row per face")
        boolean csv;
    }

    @Option(names = "--annotate", paramLabel = "DIR", description = "write copies with boxes and labels drawn (PNG)")
    Path annotate;

    @Option(names = "--tta", defaultValue = "model", paramLabel = "model|none|flip|tencrop",
            description = "test-time augmentation; model: the one the model's card chose for photos, none for "
                    + "older cards (default: ${DEFAULT-VALUE})")
    String tta;

    @Option(names = "--min-face", defaultValue = "30", paramLabel = "PX", description = "smallest face to find, in pixels (default: ${DEFAULT-VALUE})")
    int minFace;

    @Option(names = "--detector", defaultValue = "yunet", paramLabel = "yunet|haar",
            description = "face detector: yunet (finds turned and partly covered faces, gives landmarks) or haar "
                    + "(the frontal-face cascade) (default: ${DEFAULT-VALUE})")
    DetectorChoice detectorChoice;

    @Option(names = "--align", defaultValue = "off", paramLabel = "on|off", arity = "1",
            description = "level each face by its eyes before classifying it (needs landmarks: yunet) "
                    + "(default: ${DEFAULT-VALUE})", converter = OnOff.class)
    boolean align;

    @Option(names = "--landmarks", description = "with --annotate, also draw the five landmarks of each face")
    boolean drawLandmarks;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> files = ImageLoader.listImages(paths);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no images found in " + paths);
        }
        LoadedModel loaded = ModelStore.load(ModelLocator.resolve(model));
        FaceDetector detector = detectorChoice.forPhotos(minFace);
        EmotionRecognizer recognizer = new EmotionRecognizer(loaded, detector, loaded.tta(tta)).withAlignment(align);
        PhotoAnalyzer analyzer = new PhotoAnalyzer(recognizer, new ImageLoader());
        if (annotate != null) {
            Files.createDirectories(annotate);
        }
        FaceAnnotator annotator = new FaceAnnotator().withLandmarks(drawLandmarks);
        ConsoleProgressBar bar = new ConsoleProgressBar("predicting", files.size());
        List<PhotoResult> results;
        try {
            results = analyzer.analyseAll(files, bar, a -> {
                if (annotate != null && a.image() != null) {
                    writeAnnotated(annotator, a);
                }
            });
        } finally {
            bar.done();
        }
        out.print(format.json ? PredictionFormats.json(results, detector.name()) + "\n"
                : format.csv ? PredictionFormats.csv(results, recognizer.classes(), detector.name()) : PredictionFormats.table(results));
        out.flush();
        return results.stream().allMatch(PhotoResult::ok) ? 0 : 1;
    }

    /** Output names used so far: photos with the same name in different folders must not overwrite each other. */
    private final Set<String> annotatedNames = new HashSet<>();

    private void writeAnnotated(FaceAnnotator annotator, PhotoAnalyzer.Analysed a) {
        String stem = a.result().file().getFileName().toString().replaceFirst("\\.[^.]*$", "");
        String name = stem + ".annotated.png";
        for (int n = 2; !annotatedNames.add(name); n++) {
            name = stem + "-" + n + ".annotated.png";
        }
        Path target = annotate.resolve(name);
        try {
            AtomicFiles.writePng(target, annotator.annotate(a.image(), a.result().faces()));
        } catch (IOException e) {
            throw new IllegalStateException("could not write " + target + ": " + e.getMessage(), e);
        }
    }
}
