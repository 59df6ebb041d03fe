package org.ferstudio.app.webcam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CameraDevicesTest {

    @TempDir
    Path dev;

    @Test
    void onLinuxTheVideoNodesAreListedInOrder() throws IOException {
        for (String name : new String[] {"video2", "video0", "video10", "videodev", "vhci", "media0"}) {
            Files.createFile(dev.resolve(name));
        }
        assertThat(new CameraDevices(dev, true).indices()).containsExactly(0, 2, 10);
    }

    @Test
    void withoutAnyCameraCameraZeroIsStillOfferedSoStartCanExplain() {
        assertThat(new CameraDevices(dev, true).indices()).containsExactly(0);
        assertThat(new CameraDevices(dev.resolve("absent"), true).indices()).containsExactly(0);
    }

    @Test
    void whereCamerasCannotBeListedTheFirstFewAreOffered() {
        assertThat(new CameraDevices(dev, false).indices()).containsExactly(0, 1, 2, 3);
    }
}
