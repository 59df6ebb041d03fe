package org.ferstudio.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TaskExecutorTest {

    private final List<String> events = new CopyOnWriteArrayList<>();

    private <T> BackgroundTask<T> recorded(BackgroundTask.Work<T> work) {
        return BackgroundTask.wrap(work)
                .onRunning(() -> events.add("running"))
                .onProgress((f, m) -> events.add("progress " + f + " " + m))
                .onSuccess(r -> events.add("success " + r))
                .onFailure(e -> events.add("failure " + e.getMessage()))
                .onCancelled(() -> events.add("cancelled"))
                .onFinished(() -> events.add("finished"));
    }

    @Test
    void successDeliversProgressThenResultThenFinished() {
        TaskHandle handle = recorded(p -> {
            p.report(0.5, "half");
            return 42;
        }).executeWith(TaskExecutor.currentThread());

        assertThat(events).containsExactly("running", "progress 0.5 half", "success 42", "finished");
        assertThat(handle.isDone()).isTrue();
    }

    @Test
    void failureIsDeliveredNotThrown() {
        recorded(p -> {
            throw new IllegalStateException("disk full while writing out.png");
        }).executeWith(TaskExecutor.currentThread());

        assertThat(events).containsExactly("running", "failure disk full while writing out.png", "finished");
    }

    @Test
    void aFailureNobodyHandlesStillEndsTheTask() {
        BackgroundTask.wrap(p -> {
            throw new IllegalStateException("nobody listens");
        }).onFinished(() -> events.add("finished")).executeWith(TaskExecutor.currentThread());

        assertThat(events).containsExactly("finished");
    }

    @Test
    void workThatStopsWithCancelledExceptionIsReportedAsCancelled() {
        recorded(p -> {
            throw new CancelledException();
        }).executeWith(TaskExecutor.currentThread());

        assertThat(events).containsExactly("running", "cancelled", "finished");
    }

    @Test
    void cancelStopsBackgroundWorkAndCallbacksGoThroughTheCallbackExecutor() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        List<String> callbackThreads = new CopyOnWriteArrayList<>();
        TaskExecutor executor = TaskExecutor.background(r -> {
            callbackThreads.add(Thread.currentThread().getName());
            r.run();
        });
        TaskHandle handle = recorded(p -> {
            started.countDown();
            while (true) {
                p.checkCancelled();
                Thread.sleep(5);
            }
        }).onFinished(finished::countDown).executeWith(executor);

        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        handle.cancel();
        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(events).containsExactly("running", "cancelled");
        assertThat(handle.isCancelRequested()).isTrue();
        assertThat(handle.isDone()).isTrue();
        assertThat(callbackThreads).hasSize(2);
    }
}
