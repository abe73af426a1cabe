package io.callport.service.upload;

import java.io.InterruptedIOException;
import java.time.Duration;

/** Where transfers stop while an upload is paused, and learn that it was cancelled. */
final class PauseGate {
    private boolean paused;
    private boolean cancelled;

    synchronized void pause() {
        paused = true;
    }

    synchronized void resume() {
        paused = false;
        notifyAll();
    }

    synchronized void cancel() {
        cancelled = true;
        notifyAll();
    }

    synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Returns at once while the upload runs, waits while it is paused, throws once it is cancelled. */
    synchronized void pass() throws InterruptedIOException {
        while (paused && !cancelled) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UploadCancelledException();
            }
        }
        if (cancelled) {
            throw new UploadCancelledException();
        }
    }

    /** Waits before a retry; a cancel ends the wait at once. */
    synchronized void sleep(Duration duration) throws InterruptedIOException {
        long end = System.nanoTime() + duration.toNanos();
        for (long left = duration.toNanos(); left > 0 && !cancelled; left = end - System.nanoTime()) {
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UploadCancelledException();
            }
        }
        pass();
    }

    /** Thrown into a transfer when its upload is cancelled. */
    static final class UploadCancelledException extends InterruptedIOException {
        UploadCancelledException() {
            super("The upload was cancelled.");
        }
    }
}
