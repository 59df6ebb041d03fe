package org.ferstudio.infer.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LatestFrameSlotTest {

    private final List<String> discarded = new ArrayList<>();

    @Test
    void theLatestFrameWinsAndReplacedOnesAreDiscardedAndCounted() throws InterruptedException {
        LatestFrameSlot<String> slot = new LatestFrameSlot<>(false, discarded::add);
        assertThat(slot.put("f0")).isTrue();
        assertThat(slot.put("f1")).isTrue();
        assertThat(slot.put("f2")).isTrue();
        assertThat(slot.take()).isEqualTo("f2");
        assertThat(discarded).containsExactly("f0", "f1");
        assertThat(slot.dropped()).isEqualTo(2);
    }

    @Test
    void losslessMakesTheProducerWaitForTheConsumer() throws Exception {
        LatestFrameSlot<String> slot = new LatestFrameSlot<>(true, discarded::add);
        AtomicBoolean secondPut = new AtomicBoolean();
        Thread producer = new Thread(() -> {
            try {
                slot.put("f0");
                slot.put("f1");
                secondPut.set(true);
                slot.finish(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        producer.start();
        Thread.sleep(200);
        assertThat(secondPut).as("waits while f0 is untaken").isFalse();
        assertThat(slot.take()).isEqualTo("f0");
        assertThat(slot.take()).isEqualTo("f1");
        assertThat(slot.take()).as("finished").isNull();
        producer.join();
        assertThat(discarded).isEmpty();
        assertThat(slot.dropped()).isZero();
    }

    @Test
    void aFailureIsKeptForTheConsumerAfterThePendingFrame() throws InterruptedException {
        LatestFrameSlot<String> slot = new LatestFrameSlot<>(false, discarded::add);
        slot.put("f0");
        IllegalStateException boom = new IllegalStateException("camera gone");
        slot.finish(boom);
        assertThat(slot.take()).isEqualTo("f0");
        assertThat(slot.take()).isNull();
        assertThat(slot.failure()).isSameAs(boom);
    }

    @Test
    void closingWakesAWaitingConsumerAndDiscardsWhatComesLater() throws Exception {
        LatestFrameSlot<String> slot = new LatestFrameSlot<>(false, discarded::add);
        List<String> taken = new ArrayList<>();
        Thread consumer = new Thread(() -> {
            try {
                taken.add(String.valueOf(slot.take()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        consumer.start();
        Thread.sleep(100);
        slot.close();
        consumer.join();
        assertThat(taken).containsExactly("null");
        assertThat(slot.put("late")).isFalse();
        assertThat(discarded).containsExactly("late");
    }
}
