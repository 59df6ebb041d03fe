package org.ferstudio.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ferstudio.infer.EmotionRecognizer;
import org.ferstudio.infer.PhotoAnalyzer;
import org.ferstudio.infer.PredictionFormats;
import org.ferstudio.model.PhotoResult;
import org.ferstudio.io.AtomicFiles;
import org.ferstudio.store.LoadedModel;
import org.ferstudio.store.ModelLocator;
import org.ferstudio.store.ModelStore;
import org.ferstudio.store.OutputRefusedException;
import org.ferstudio.store.OutputTargets;
import org.ferstudio.vision.DetectorChoice;
import org.ferstudio.vision.FaceAnnotator;
import org.ferstudio.vision.FaceDetector;
import org.ferstudio.vision.ImageFiles;
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
                "Folders are searched recursively for .jpg, .jpeg, .png, .bmp, .gif and .webp files; a file named on the "
                        + "command line is tried whatever its extension. A missing path, a folder or a file that cannot "
                        + "be read is reported with its reason and the rest go on; the exit code is 1 if any failed."})
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

    @Option(names = "--annotate", paramLabel = "DIR", description = "write copies with boxes and labels drawn (PNG) "
            + "into DIR as NAME.annotated.png; other files there are left alone")
    Path annotate;

    @Option(names = "--force", description = "replace annotated copies already in the --annotate folder")
    boolean force;

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
        if (annotate != null) {
            OutputTargets.checkFolderForFiles(annotate);
        }
        ImageFiles.Search search = ImageFiles.find(paths);
        List<Path> files = search.files();
        if (files.isEmpty() && search.problems().isEmpty()) {
            throw new IllegalArgumentException("no images (.jpg, .jpeg, .png, .bmp, .gif, .webp) found in " + paths);
        }
        if (files.isEmpty()) {
            // nothing to analyse: say why without loading a model
            PrintWriter err = spec.commandLine().getErr();
            search.problems().forEach(p -> err.println("error: " + p.message()));
            err.flush();
            return 1;
        }
        Map<Path, Path> annotated = annotate == null ? Map.of() : annotatedFiles(files);
        LoadedModel loaded = ModelStore.load(ModelLocator.resolve(model));
        FaceDetector detector = detectorChoice.forPhotos(minFace);
        EmotionRecognizer recognizer = new EmotionRecognizer(loaded, detector, loaded.tta(tta)).withAlignment(align);
        PhotoAnalyzer analyzer = new PhotoAnalyzer(recognizer, new ImageLoader());
        if (annotate != null) {
            Files.createDirectories(annotate);
        }
        FaceAnnotator annotator = new FaceAnnotator().withLandmarks(drawLandmarks);
        PrintWriter err = spec.commandLine().getErr();
        List<String> writeFailures = new ArrayList<>();
        ConsoleProgressBar bar = new ConsoleProgressBar("predicting", files.size());
        List<PhotoResult> results;
        try {
            results = analyzer.analyseAll(files, bar, a -> {
                if (annotate != null && a.image() != null) {
                    writeAnnotated(annotator, a, annotated.get(a.result().file()), writeFailures);
                }
            });
        } finally {
            bar.done();
        }
        // paths that could not be searched are listed with the photos, each with its reason
        results = new ArrayList<>(results);
        for (ImageFiles.Problem problem : search.problems()) {
            results.add(PhotoResult.failed(problem.path(), problem.message()));
        }
        out.print(format.json ? PredictionFormats.json(results, detector.name()) + "\n"
                : format.csv ? PredictionFormats.csv(results, recognizer.classes(), detector.name()) : PredictionFormats.table(results));
        out.flush();
        // said again after the results, where it is seen; each was also said when it happened
        writeFailures.forEach(failure -> err.println("error: " + failure));
        err.flush();
        return results.stream().allMatch(PhotoResult::ok) && writeFailures.isEmpty() ? 0 : 1;
    }

    /**
     * The annotated copy of each photo: NAME.annotated.png, numbered when photos in different folders share a
     * name. Checked before any work: a copy already there is replaced only with --force.
     */
    private Map<Path, Path> annotatedFiles(List<Path> files) throws IOException {
        Set<String> used = new HashSet<>();
        Map<Path, Path> targets = new HashMap<>();
        List<String> existing = new ArrayList<>();
        for (Path file : files) {
            String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            String name = stem + ".annotated.png";
            for (int n = 2; !used.add(name); n++) {
                name = stem + "-" + n + ".annotated.png";
            }
            Path target = annotate.resolve(name);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                if (Files.isDirectory(target) || !force) {
                    existing.add(name);
                }
            }
            targets.put(file, target);
        }
        if (!existing.isEmpty()) {
            throw new OutputRefusedException(annotate + " already holds " + String.join(", ", existing.subList(0,
                    Math.min(3, existing.size()))) + (existing.size() > 3 ? " and " + (existing.size() - 3) + " more" : "")
                    + "; add --force to replace annotated copies, or choose another folder");
        }
        return targets;
    }

    /** A copy that cannot be written (full disk, no permission) is reported and the batch goes on. */
    private void writeAnnotated(FaceAnnotator annotator, PhotoAnalyzer.Analysed a, Path target, List<String> failures) {
        try {
            AtomicFiles.writePng(target, annotator.annotate(a.image(), a.facesOnImage()));
        } catch (IOException e) {
            String failure = e.getMessage();
            failures.add(failure);
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: " + failure);
            err.flush();
        }
    }
}
