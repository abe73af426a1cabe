package io.callport.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.concurrent.Task;

/**
 * Where the Uploader's slow work runs (reading files, validating, generating keys), so the window never freezes.
 * A few daemon threads: the machine's cores are shared with the upload itself.
 */
public final class Background implements AutoCloseable {
    private static final int THREADS = 3;

    private final ExecutorService executor = Executors.newFixedThreadPool(THREADS,
            Thread.ofPlatform().daemon().name("callport-background-", 1).factory());

    public <T> Task<T> run(Task<T> task) {
        executor.execute(task);
        return task;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
