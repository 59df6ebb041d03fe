package org.ferstudio.app.training;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.ferstudio.task.ProgressReporter;
import org.ferstudio.train.BatchProgress;
import org.ferstudio.train.EpochResult;
import org.ferstudio.train.TrainingListener;
import org.ferstudio.train.TrainingOutcome;
import org.ferstudio.train.TrainingStart;

/**
 * Carries the trainer's events from the training thread to the thread that owns the view-model's state.
 * The trainer calls its listeners on its own thread, but the task executor only delivers progress
 * callbacks to the FX thread; so each event is queued here and then wakes the task's progress reporter,
 * whose callback drains the queue in order. No second route to the FX thread is needed, and with the
 * synchronous test executor everything stays on the test's thread.
 */
final class TrainingEventRelay {

    private final Queue<Consumer<TrainingListener>> pending = new ConcurrentLinkedQueue<>();

    /** The listener to hand the trainer; {@code wakeUp} is the running task's progress reporter. */
    TrainingListener listener(ProgressReporter wakeUp) {
        return new TrainingListener() {
            @Override
            public void onTrainingStart(TrainingStart start) {
                push(l -> l.onTrainingStart(start), wakeUp);
            }

            @Override
            public void onBatch(BatchProgress progress) {
                push(l -> l.onBatch(progress), wakeUp);
            }

            @Override
            public void onEpoch(EpochResult epoch) {
                push(l -> l.onEpoch(epoch), wakeUp);
            }

            @Override
            public void onTrainingEnd(TrainingOutcome outcome) {
                push(l -> l.onTrainingEnd(outcome), wakeUp);
            }
        };
    }

    /** Hands every queued event, oldest first, to {@code target}; call on the owning thread. */
    void drainTo(TrainingListener target) {
        for (Consumer<TrainingListener> event = pending.poll(); event != null; event = pending.poll()) {
            event.accept(target);
        }
    }

    private void push(Consumer<TrainingListener> event, ProgressReporter wakeUp) {
        pending.add(event);
        wakeUp.report(-1, "");
    }
}
