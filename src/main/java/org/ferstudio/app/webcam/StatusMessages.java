package org.ferstudio.app.webcam;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.ferstudio.app.common.Texts;
import org.ferstudio.infer.video.AviFiles;
import org.ferstudio.infer.video.CameraUnavailableException;
import org.ferstudio.infer.video.LoopStats;

/**
 * What the webcam pane tells the user, in their terms: above all when a video does not play, what is
 * wrong and what to do. The bundled OpenCV has no FFmpeg, which surprises everyone with an .mp4, so that
 * case names the fix.
 */
final class StatusMessages {

    private StatusMessages() {
    }

    static String noModel() {
        return "No model is active. Choose a model (or train one) first, then start again.";
    }

    static String noSource() {
        return "Choose a camera or open a video file first.";
    }

    /** For a source that did not open; {@code error} is the video library's own explanation. */
    static String cannotOpen(VideoChoice choice, Throwable error) {
        if (choice instanceof VideoChoice.Camera camera) {
            String hint = error instanceof CameraUnavailableException unavailable ? sentence(unavailable.hint())
                    : "Details: " + detail(error);
            return noCamera(camera.index()) + ". " + hint;
        }
        Path file = ((VideoChoice.VideoFile) choice).file();
        return Files.isRegularFile(file) ? cannotDecode(file) : "There is no video file at " + file + " any more.";
    }

    /**
     * For a run that failed after the source opened. A file failing before its first frame was never
     * decodable; a camera failing before its first frame is one that opens but sends nothing.
     */
    static String stopped(VideoChoice choice, Throwable error, boolean hadFrames) {
        String detail = detail(error);
        if (!hadFrames && choice instanceof VideoChoice.VideoFile video) {
            return cannotDecode(video.file());
        }
        if (!hadFrames && choice instanceof VideoChoice.Camera camera) {
            return "Camera " + camera.index() + " opened but sent no picture (" + detail
                    + "). Close other programs that use it, choose another camera, or open a video file (MJPG .avi).";
        }
        return "The video stopped: " + detail;
    }

    /** "found none; check permissions" as "Found none; check permissions." */
    private static String sentence(String text) {
        String capitalised = Texts.capitalised(text);
        return capitalised.isEmpty() || capitalised.endsWith(".") ? capitalised : capitalised + ".";
    }

    static String noCamera(int index) {
        return "No camera at index " + index + ". Connect a camera or open a video file (MJPG .avi)";
    }

    static String cannotDecode(Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        String converted = (dot > 0 ? name.substring(0, dot) : name) + (name.endsWith(".avi") ? "-mjpg.avi" : ".avi");
        if (name.toLowerCase(Locale.ROOT).endsWith(".avi") && Files.isRegularFile(file) && !AviFiles.looksLikeAvi(file)) {
            return name + " is not a video: its first bytes are not those of an AVI file, although it is named .avi.";
        }
        return name + " cannot be decoded. The bundled OpenCV has no FFmpeg: it plays only MJPG video in .avi files, "
                + "not .mp4, .mkv or .mov (nor .avi files with another codec). Convert it, e.g. with: ffmpeg -i "
                + quoted(name) + " -c:v mjpeg -q:v 3 -an " + quoted(converted);
    }

    /** How a run ended: "End of clip.avi: 120 frames at 24.8 fps, ..." or "Stopped camera 0: ...". */
    static String ended(VideoChoice choice, LoopStats stats, boolean stopped) {
        String name = choice.displayName();
        if (stats == null) {
            return "Stopped " + name + ".";
        }
        String figures = String.format(Locale.ROOT, "%d frames at %.1f fps, %.0f ms latency on average, %d dropped",
                stats.framesProcessed(), stats.fps(), stats.meanLatencyMs(), stats.framesDropped());
        return (stopped ? "Stopped " + name : "End of " + name) + ": " + figures + ".";
    }

    static String timelineSaved(TimelineRecorder.Saved saved) {
        return "Timeline saved to " + saved.file() + " (" + saved.rows() + (saved.rows() == 1 ? " row)." : " rows).");
    }

    static String detail(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    private static String quoted(String name) {
        return name.matches("[\\w.+-]+") ? name : '"' + name.replace("\"", "\\\"") + '"';
    }
}
