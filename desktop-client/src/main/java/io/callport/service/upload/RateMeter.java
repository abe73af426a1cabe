package io.callport.service.upload;

import java.util.ArrayDeque;
import java.util.Deque;

/** Throughput over the last few seconds, from samples of a growing byte count. */
final class RateMeter {
    private static final long WINDOW_NANOS = 5_000_000_000L;
    private static final long SHORTEST_NANOS = 500_000_000L;

    private final Deque<long[]> samples = new ArrayDeque<>();

    /** Adds a sample and returns the bytes per second over the window, 0 until half a second is covered. */
    synchronized double sample(long nanos, long bytes) {
        samples.addLast(new long[] {nanos, bytes});
        while (samples.size() > 2 && nanos - samples.peekFirst()[0] > WINDOW_NANOS) {
            samples.removeFirst();
        }
        long[] oldest = samples.peekFirst();
        long elapsed = nanos - oldest[0];
        return elapsed < SHORTEST_NANOS ? 0 : (bytes - oldest[1]) * 1e9 / elapsed;
    }

    /** Forgets the past, after a pause, so the rate shown is the rate since. */
    synchronized void reset() {
        samples.clear();
    }
}
