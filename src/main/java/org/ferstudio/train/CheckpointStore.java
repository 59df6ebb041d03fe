package org.ferstudio.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ferstudio.nets.FerNetwork;
import org.ferstudio.store.ArrayFile;
import org.ferstudio.io.Json;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A training run's checkpoint folder: {@code epoch-NNN.params} and {@code epoch-NNN.updater} for the
 * last finished epoch (and {@code epoch-NNN.ema}, the weight average, when the run keeps one),
 * {@code best.params} for the best epoch so far (raw or averaged weights, whichever validated better), and
 * {@code state.json} pointing at them. Every file is written atomically and the state last, so the folder is always consistent.
 */
public final class CheckpointStore {

    public static final String STATE_FILE = "state.json";
    public static final String BEST_PARAMS = "best.params";
    static final int FORMAT_VERSION = 1;
    /** The files a save writes per epoch; only these are pruned, whatever else is in the folder. */
    private static final Pattern EPOCH_FILE = Pattern.compile("epoch-\\d{3,}\\.(params|updater|ema)");

    private final Path dir;

    public CheckpointStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public boolean exists() {
        return Files.isRegularFile(dir.resolve(STATE_FILE));
    }

    public Optional<CheckpointState> load() throws IOException {
        if (!exists()) {
            return Optional.empty();
        }
        CheckpointState state = Json.read(dir.resolve(STATE_FILE), CheckpointState.class);
        if (state.formatVersion() != FORMAT_VERSION) {
            throw new IOException(dir.resolve(STATE_FILE) + ": unsupported checkpoint format " + state.formatVersion());
        }
        return Optional.of(state);
    }

    /**
     * Saves the network after an epoch; {@code isBest} also replaces {@code best.params}. The folder is created
     * by the first save; when that save fails (a full disk) the folder goes again, so a run that never
     * checkpointed leaves nothing behind.
     */
    public CheckpointState save(CheckpointState stateWithoutFiles, FerNetwork net, boolean isBest) throws IOException {
        return save(stateWithoutFiles, net, isBest, null, false);
    }

    /**
     * Saves as {@link #save(CheckpointState, FerNetwork, boolean)} does, and the weight average (null = none) as
     * {@code epoch-NNN.ema}; {@code bestIsAverage} makes {@code best.params} the average instead of the network's
     * weights.
     */
    public CheckpointState save(CheckpointState stateWithoutFiles, FerNetwork net, boolean isBest,
                                WeightAverage average, boolean bestIsAverage) throws IOException {
        if (bestIsAverage && average == null) {
            throw new IllegalArgumentException("the best weights can be the average only when there is one");
        }
        boolean created = !Files.exists(dir);
        Files.createDirectories(dir);
        try {
            return write(stateWithoutFiles, net, isBest, average, bestIsAverage);
        } catch (IOException | RuntimeException e) {
            if (created) {
                removeFolder(e);
            }
            throw e;
        }
    }

    private void removeFolder(Exception cause) {
        try {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    private CheckpointState write(CheckpointState stateWithoutFiles, FerNetwork net, boolean isBest,
                                  WeightAverage average, boolean bestIsAverage) throws IOException {
        String stem = String.format("epoch-%03d", stateWithoutFiles.epochsDone());
        float[] params = ArrayFile.toFloats(net.params());
        ArrayFile.write(dir.resolve(stem + ".params"), params);
        INDArray updater = net.updaterState();
        String updaterFile = null;
        if (updater != null) {
            updaterFile = stem + ".updater";
            ArrayFile.write(dir.resolve(updaterFile), ArrayFile.toFloats(updater));
        }
        String averageFile = null;
        float[] averaged = null;
        if (average != null) {
            averageFile = stem + ".ema";
            averaged = ArrayFile.toFloats(average.values());
            ArrayFile.write(dir.resolve(averageFile), averaged);
        }
        if (isBest) {
            ArrayFile.write(dir.resolve(BEST_PARAMS), bestIsAverage ? averaged : params);
        }
        CheckpointState state = new CheckpointState(FORMAT_VERSION, stateWithoutFiles.config(),
                stateWithoutFiles.classes(), stateWithoutFiles.dataFingerprint(), stateWithoutFiles.epochsDone(),
                stateWithoutFiles.iterationCount(), stateWithoutFiles.lrPlateauRate(),
                stateWithoutFiles.lrBestAccuracy(), stateWithoutFiles.lrEpochsWithoutImprovement(),
                stateWithoutFiles.bestEpoch(), stateWithoutFiles.bestValidationAccuracy(),
                stateWithoutFiles.epochsSinceBest(), stateWithoutFiles.elapsedSeconds(), stem + ".params",
                updaterFile, stateWithoutFiles.history(), averageFile, stateWithoutFiles.bestWeights());
        Json.write(dir.resolve(STATE_FILE), state);
        deleteOlderEpochFiles(stem);
        return state;
    }

    /** Loads the last epoch's parameters and optimiser state into {@code net}. */
    public void restoreLast(CheckpointState state, FerNetwork net) throws IOException {
        net.setParams(Nd4j.createFromArray(ArrayFile.read(dir.resolve(state.paramsFile()))).reshape(1, -1));
        if (state.updaterFile() != null) {
            net.setUpdaterState(Nd4j.createFromArray(ArrayFile.read(dir.resolve(state.updaterFile()))));
        }
        net.setIterationCount(state.iterationCount());
    }

    /** The last epoch's weight average, for a run that keeps one. */
    public float[] readAverage(CheckpointState state) throws IOException {
        if (state.averageFile() == null) {
            throw new IOException(dir.resolve(STATE_FILE) + " names no weight average (the run was trained without --ema)");
        }
        return ArrayFile.read(dir.resolve(state.averageFile()));
    }

    /** Loads the best epoch's parameters into {@code net}. */
    public void restoreBest(FerNetwork net) throws IOException {
        net.setParams(Nd4j.createFromArray(ArrayFile.read(dir.resolve(BEST_PARAMS))).reshape(1, -1));
    }

    private void deleteOlderEpochFiles(String keepStem) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (EPOCH_FILE.matcher(name).matches() && !name.startsWith(keepStem + ".")) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
