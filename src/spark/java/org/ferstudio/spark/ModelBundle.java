package org.ferstudio.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.ferstudio.store.ModelStore;

/**
 * A model folder as bytes, for broadcasting to the executors: every regular file of the folder (card, weights,
 * pictures), each with its SHA-256, so that an executor can prove what it unpacked is what the driver read.
 * {@link #sha256()} is the weights file's, the figure the prediction rows carry.
 */
public final class ModelBundle implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final Map<String, byte[]> files;
    private final Map<String, String> sha256s;

    private ModelBundle(String name, Map<String, byte[]> files, Map<String, String> sha256s) {
        this.name = name;
        this.files = files;
        this.sha256s = sha256s;
    }

    /** Reads the folder's files (not its sub-folders); the folder must load as a model. */
    public static ModelBundle read(Path folder) throws IOException {
        ModelStore.readCard(folder);
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, String> sums = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.sorted().toList()) {
                if (Files.isRegularFile(p)) {
                    byte[] bytes = Files.readAllBytes(p);
                    String fileName = p.getFileName().toString();
                    files.put(fileName, bytes);
                    sums.put(fileName, sha256(bytes));
                }
            }
        }
        if (!files.containsKey(ModelStore.WEIGHTS_FILE)) {
            throw new IOException(folder + ": no " + ModelStore.WEIGHTS_FILE + "; not a model folder");
        }
        Path real = folder.toAbsolutePath().normalize();
        return new ModelBundle(real.getFileName().toString(), files, sums);
    }

    /** The model folder's name. */
    public String name() {
        return name;
    }

    /** SHA-256 of the weights file, hex. */
    public String sha256() {
        return sha256s.get(ModelStore.WEIGHTS_FILE);
    }

    public long bytes() {
        return files.values().stream().mapToLong(b -> b.length).sum();
    }

    /**
     * Writes the files into {@code folder} (created), checking each one's SHA-256 against the driver's.
     *
     * @throws IOException when a file cannot be written or its bytes changed on the way
     */
    public Path unpackTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            String actual = sha256(e.getValue());
            if (!actual.equals(sha256s.get(e.getKey()))) {
                throw new IOException("model file " + e.getKey() + " arrived with SHA-256 " + actual + ", the driver read "
                        + sha256s.get(e.getKey()));
            }
            Files.write(folder.resolve(e.getKey()), e.getValue());
        }
        return folder;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
