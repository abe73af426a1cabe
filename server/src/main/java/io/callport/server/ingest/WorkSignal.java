package io.callport.server.ingest;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Wakes idle workers of this process when work is queued here; work queued by other processes is found by polling. */
final class WorkSignal {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition queued = lock.newCondition();
    private long generation;

    void wake() {
        lock.lock();
        try {
            generation++;
            queued.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The current generation, to wait for a later one with {@link #awaitAfter}. */
    long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until work is queued after {@code seen} was read, or at most {@code timeout}. */
    void awaitAfter(long seen, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (generation == seen && nanos > 0) {
                nanos = queued.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }
}
