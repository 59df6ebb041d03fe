package org.ferstudio.vision;

import nu.pattern.OpenCV;
import org.opencv.core.Core;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads OpenCV's native library (bundled in the org.openpnp:opencv jar) once per JVM. Every class that
 * touches an OpenCV type calls {@link #ensureLoaded()} first.
 */
public final class OpenCvRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(OpenCvRuntime.class);

    private static volatile boolean loaded;
    // A failed load is remembered: openpnp's loader cannot be retried in the same JVM (its holder class
    // is left uninitialisable), and a second attempt would only hide the first, meaningful error.
    private static IllegalStateException failure;

    private OpenCvRuntime() {
    }

    /**
     * Loads the library on the first call; later calls return at once. Thread-safe.
     *
     * @throws IllegalStateException naming the platform and the cause when the library cannot be loaded
     */
    public static void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (OpenCvRuntime.class) {
            if (loaded) {
                return;
            }
            if (failure != null) {
                throw failure;
            }
            try {
                // loadLocally, not loadShared: loadShared patches java.library.path by reflection, which
                // Java 12+ forbids; openpnp then falls back to loadLocally anyway, after logging a SEVERE.
                OpenCV.loadLocally();
                loaded = true;
                LOG.debug("OpenCV {} native library loaded", Core.VERSION);
            } catch (RuntimeException | LinkageError e) {
                failure = new IllegalStateException("OpenCV's native library could not be loaded for "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                        + " (org.openpnp:opencv extracts it to the temporary folder, which must be writable"
                        + " and allow executables): " + e, e);
                throw failure;
            }
        }
    }
}
