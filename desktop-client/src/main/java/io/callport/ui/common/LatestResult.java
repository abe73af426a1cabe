package io.callport.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.concurrent.Task;

/**
 * Computes something in the background again whenever its inputs change, delivering on the FX thread only the
 * result of the latest request: an older computation still running is cancelled and its result dropped, so a fast
 * typist never sees a stale preview.
 */
public final class LatestResult<T> {
    private final Background background;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private Task<T> current;

    public LatestResult(Background background) {
        this.background = background;
    }

    /** Must be called on the FX thread; the callbacks run there too. */
    public void request(Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onFailure) {
        cancel();
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        current = task;
        running.set(true);
        task.setOnSucceeded(event -> finish(task, () -> onResult.accept(task.getValue())));
        task.setOnFailed(event -> finish(task, () -> onFailure.accept(task.getException())));
        background.run(task);
    }

    /** Drops the request running, if any: its result will not be delivered. */
    public void cancel() {
        if (current != null) {
            current.cancel(false);
            current = null;
            running.set(false);
        }
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    private void finish(Task<T> task, Runnable delivery) {
        if (task == current) {
            current = null;
            running.set(false);
            delivery.run();
        }
    }
}
