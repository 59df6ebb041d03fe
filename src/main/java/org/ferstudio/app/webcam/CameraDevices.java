package org.ferstudio.app.webcam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The camera indices the source picker offers. OpenCV cannot list cameras, but on Linux every V4L2
 * camera is a {@code /dev/videoN} node, so those are listed. Elsewhere the first few indices are offered
 * and Start says when one is missing.
 */
public final class CameraDevices {

    /** Indices offered where cameras cannot be listed. */
    static final int UNLISTED_CAMERAS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(CameraDevices.class);
    private static final Pattern VIDEO_NODE = Pattern.compile("video(\\d{1,3})");

    private final Path deviceFolder;
    private final boolean listable;

    /**
     * @param deviceFolder where the video nodes are ({@code /dev})
     * @param listable     whether cameras appear there (Linux)
     */
    CameraDevices(Path deviceFolder, boolean listable) {
        this.deviceFolder = deviceFolder;
        this.listable = listable;
    }

    /** The cameras of this computer. */
    public static CameraDevices system() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
        return new CameraDevices(Path.of("/dev"), linux);
    }

    /**
     * The indices to offer, ascending. On Linux the /dev/videoN found (a USB camera often has two nodes,
     * one of them for metadata, which then fails to open with a clear message), or just 0 when there is
     * none, so that Start can explain what is missing rather than the picker being empty.
     */
    public List<Integer> indices() {
        if (!listable) {
            return IntStream.range(0, UNLISTED_CAMERAS).boxed().toList();
        }
        List<Integer> found = scan();
        return found.isEmpty() ? List.of(0) : found;
    }

    private List<Integer> scan() {
        if (!Files.isDirectory(deviceFolder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(deviceFolder)) {
            return files.map(p -> VIDEO_NODE.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> Integer.parseInt(m.group(1)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            LOG.warn("cannot list the cameras in {}: {}", deviceFolder, e.toString());
            return List.of();
        }
    }
}
