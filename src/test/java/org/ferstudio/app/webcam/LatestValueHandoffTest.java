package org.ferstudio.app.webcam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatestValueHandoffTest {

    @Test
    void aBusyUiThreadGetsOneDeliveryWithTheLatestValue() {
        List<Runnable> queued = new ArrayList<>();
        List<Integer> delivered = new ArrayList<>();
        LatestValueHandoff<Integer> handoff = new LatestValueHandoff<>(queued::add, delivered::add);

        for (int i = 1; i <= 100; i++) {
            handoff.offer(i);
        }
        assertThat(queued).hasSize(1);
        queued.remove(0).run();
        assertThat(delivered).containsExactly(100);
    }

    @Test
    void aValueOfferedAfterADeliveryIsDeliveredToo() {
        List<Runnable> queued = new ArrayList<>();
        List<Integer> delivered = new ArrayList<>();
        LatestValueHandoff<Integer> handoff = new LatestValueHandoff<>(queued::add, delivered::add);

        handoff.offer(1);
        queued.remove(0).run();
        handoff.offer(2);
        handoff.offer(3);
        assertThat(queued).hasSize(1);
        queued.remove(0).run();
        assertThat(delivered).containsExactly(1, 3);
    }

    @Test
    void concurrentProducersNeverQueueMoreThanOneDelivery() throws InterruptedException {
        List<Runnable> queued = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Integer> delivered = new ArrayList<>();
        LatestValueHandoff<Integer> handoff = new LatestValueHandoff<>(queued::add, delivered::add);
        CountDownLatch done = new CountDownLatch(4);
        for (int t = 0; t < 4; t++) {
            new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    handoff.offer(i);
                }
                done.countDown();
            }).start();
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(queued).hasSize(1);
        queued.get(0).run();
        assertThat(delivered).hasSize(1);
    }
}
