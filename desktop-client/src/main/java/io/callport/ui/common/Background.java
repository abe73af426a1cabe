package io.callport.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import javafx.concurrent.Task;

/**
 * Where the Uploader's slow work runs (reading files, validating, generating keys), so the window never freezes.
 * A few daemon threads: the machine's cores are shared with the upload itself.
 */
public final class Background implements AutoCloseable {
    private static final int THREADS = 3;

    private final ExecutorService executor = Executors.newFixedThreadPool(THREADS,
            Thread.ofPlatform().daemon().name("callport-background-", 1).factory());

    /** Runs the task on a background thread; once closed (the window is going away), cancels it instead. */
    public <T> Task<T> run(Task<T> task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException closed) {
            task.cancel(false);
        }
        return task;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
