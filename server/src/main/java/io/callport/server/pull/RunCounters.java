package io.callport.server.pull;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What a run did so far; shared by its fetching and delivering threads. */
final class RunCounters {
    final AtomicInteger listed = new AtomicInteger();
    final AtomicInteger notPicked = new AtomicInteger();
    final AtomicInteger delivered = new AtomicInteger();
    final AtomicInteger unchanged = new AtomicInteger();
    final AtomicInteger failedFiles = new AtomicInteger();
    final AtomicLong bytes = new AtomicLong();

    RunReport report(PullException failure, int failuresInARow) {
        return new RunReport(listed.get(), notPicked.get(), delivered.get(), unchanged.get(), failedFiles.get(),
                bytes.get(), failure, failuresInARow);
    }
}
