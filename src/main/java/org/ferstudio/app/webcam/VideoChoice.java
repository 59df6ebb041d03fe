package org.ferstudio.app.webcam;

import java.io.IOException;
import java.nio.file.Path;
import org.ferstudio.infer.video.VideoSource;

/** What the webcam pane plays: a camera by index, or a video file. An entry of the source picker. */
public sealed interface VideoChoice permits VideoChoice.Camera, VideoChoice.VideoFile {

    /** Opens the camera or file; slow (a camera takes up to a second), so never on the FX thread. */
    VideoSource open() throws IOException;

    /** "Camera 0" or "clip.avi", as the picker shows it. */
    String displayName();

    /** Camera {@code index}: /dev/video{index} on Linux. */
    record Camera(int index) implements VideoChoice {

        public Camera {
            if (index < 0) {
                throw new IllegalArgumentException("camera index must be 0 or more, got " + index);
            }
        }

        @Override
        public VideoSource open() throws IOException {
            return VideoSource.openCamera(index);
        }

        @Override
        public String displayName() {
            return "Camera " + index;
        }

        @Override
        public String toString() {
            return displayName();
        }
    }

    /** A video file (MJPG .avi is what the bundled OpenCV reads). */
    record VideoFile(Path file) implements VideoChoice {

        public VideoFile {
            file = file.toAbsolutePath().normalize();
        }

        @Override
        public VideoSource open() throws IOException {
            return VideoSource.openFile(file);
        }

        @Override
        public String displayName() {
            return String.valueOf(file.getFileName());
        }

        @Override
        public String toString() {
            return displayName();
        }
    }
}
