package org.ferstudio.vision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

class OpenCvRuntimeTest {

    @Test
    void loadsTheNativeLibraryOnceFromAnyNumberOfThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(OpenCvRuntime::ensureLoaded));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdownNow();
        }

        Mat mat = new Mat(2, 3, CvType.CV_8UC1);
        assertThat(mat.cols()).isEqualTo(3);
        assertThat(Core.VERSION).startsWith("4.9");
        mat.release();
    }
}
