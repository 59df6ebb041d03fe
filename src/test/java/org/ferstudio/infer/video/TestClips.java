package org.ferstudio.infer.video;

import java.io.IOException;
import java.nio.file.Path;
import org.ferstudio.testutil.SharedData;

/** Test videos made from the shared sample photos; skips the calling test when the photos are absent. */
public final class TestClips {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;
    public static final double FPS = 25;
    public static final int SHIFT_PER_FRAME = DemoClip.SHIFT_PER_FRAME;
    public static final int FIRST_LEFT = DemoClip.FIRST_LEFT;

    private TestClips() {
    }

    /** {@code frames} frames of 640x480 at 25 fps: obama.jpg moving sideways on a grey background. */
    public static Path obamaClip(Path dir, int frames) throws IOException {
        return DemoClip.make(SharedData.photo("obama.jpg"), dir.resolve("obama.avi"), frames, WIDTH, HEIGHT, FPS);
    }
}
