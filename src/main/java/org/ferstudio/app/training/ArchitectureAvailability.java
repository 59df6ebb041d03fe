package org.ferstudio.app.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.ferstudio.nets.Architecture;
import org.ferstudio.nets.Architectures;
import org.ferstudio.store.ModelLocator;

/**
 * The architectures the wizard offers and whether each can be trained in this build. Architectures are
 * looked up by id in the {@link Architectures} registry at run time, never by class, so an architecture
 * added to the registry (MobileNet transfer) becomes selectable without a change here. MobileNet
 * transfer also needs the pretrained ImageNet weights on disk.
 */
public final class ArchitectureAvailability {

    public static final String CNN3 = "cnn3";
    public static final String MOBILENET = "mobilenet";

    private static final List<Offered> OFFERED = List.of(
            new Offered(CNN3, "3-block CNN"),
            new Offered(MOBILENET, "MobileNet transfer"));
    private static final int WEIGHT_SEARCH_DEPTH = 3;

    private final Path pretrainedDir;

    /** @param pretrainedDir where pretrained weights live ({@code models/pretrained} in the app folder) */
    public ArchitectureAvailability(Path pretrainedDir) {
        this.pretrainedDir = pretrainedDir;
    }

    /**
     * {@code models/pretrained} in the app's folder, or the folder named by {@code fer.pretrained.dir}: where
     * the networks package looks for pretrained weights too.
     */
    public static Path defaultPretrainedDir() {
        String configured = System.getProperty("fer.pretrained.dir");
        return configured != null ? Path.of(configured) : ModelLocator.home().resolve("models").resolve("pretrained");
    }

    /** The offered architectures, each with its availability. */
    public List<ArchitectureOption> options() {
        List<String> registered = Architectures.all().stream().map(Architecture::id).toList();
        return OFFERED.stream().map(o -> new ArchitectureOption(o.id(), o.label(), reason(o, registered))).toList();
    }

    private String reason(Offered offered, List<String> registered) {
        if (!registered.contains(offered.id())) {
            return offered.label() + " is not available in this build.";
        }
        if (offered.id().equals(MOBILENET) && findWeights().isEmpty()) {
            return offered.label() + " needs the pretrained weights in " + pretrainedDir
                    + " (the Keras MobileNet v1 .h5 file and its .json); copy them there and reopen the Training tab.";
        }
        return "";
    }

    private Optional<Path> findWeights() {
        if (!Files.isDirectory(pretrainedDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(pretrainedDir, WEIGHT_SEARCH_DEPTH)) {
            return files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".h5"))
                    .findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** An architecture the wizard names even when this build lacks it. */
    private record Offered(String id, String label) {
    }
}
