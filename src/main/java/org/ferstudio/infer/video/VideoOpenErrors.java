package org.ferstudio.infer.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The messages for sources that do not open. The bundled OpenCV (org.openpnp) is built without FFmpeg:
 * it decodes MJPG in AVI with its own reader and opens V4L2 cameras, nothing else; users with an MP4
 * need to hear that and how to convert, not "cannot open".
 */
final class VideoOpenErrors {

    private static final Map<String, String> CONTAINERS = Map.of(
            "mp4", "MP4/H.264", "m4v", "MP4/H.264", "mov", "QuickTime MOV", "mkv", "Matroska MKV",
            "webm", "WebM", "wmv", "WMV", "flv", "FLV", "mpg", "MPEG", "mpeg", "MPEG", "3gp", "3GP");

    private VideoOpenErrors() {
    }

    static IOException missingFile(Path file) {
        return new IOException("no video file at " + file);
    }

    /** For a file that exists but does not open or yields no first frame. */
    static IOException cannotDecode(Path file) {
        String name = file.getFileName().toString();
        String extension = extension(name);
        String avi = (extension.isEmpty() ? name : name.substring(0, name.length() - extension.length() - 1))
                + (extension.equals("avi") ? "-mjpg.avi" : ".avi");
        String convert = "convert it with `ffmpeg -i " + name + " -c:v mjpeg -q:v 3 -an " + avi + "`";
        if (extension.equals("avi")) {
            return new IOException("cannot decode " + name + ": " + (AviFiles.looksLikeAvi(file)
                    ? "its video is not MJPG, or the file is damaged; this build of OpenCV reads only MJPG video in "
                            + ".avi files and cameras; " + convert
                    : "it is not an AVI video (its first bytes are not those of an AVI file), although it is named .avi"));
        }
        String what = CONTAINERS.getOrDefault(extension,
                extension.isEmpty() ? "this format" : extension.toUpperCase(Locale.ROOT) + " files");
        return new IOException("cannot decode " + name + ": this build of OpenCV reads MJPG .avi files and cameras, not "
                + what + "; " + convert);
    }

    static CameraUnavailableException noCamera(int index) {
        return new CameraUnavailableException(index, cameraHint(index));
    }

    private static String cameraHint(int index) {
        Path dev = Path.of("/dev");
        if (!Files.isDirectory(dev)) {
            return "check that a camera is connected and that this program may use it";
        }
        Path device = dev.resolve("video" + index);
        if (Files.exists(device) && !Files.isReadable(device)) {
            return device + " exists but is not readable: check permissions (the video group)";
        }
        List<String> found = videoDevices(dev);
        return (found.isEmpty() ? "found none" : "found " + String.join(", ", found))
                + "; check permissions, /dev/videoN";
    }

    private static List<String> videoDevices(Path dev) {
        try (Stream<Path> files = Files.list(dev)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("video\\d+"))
                    .sorted().map(n -> "/dev/" + n).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
