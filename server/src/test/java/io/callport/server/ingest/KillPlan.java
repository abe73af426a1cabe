package io.callport.server.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * When a test kills the server during a batch, drawn from a seed so that a seed replays the plan. Kill {@code i}
 * of {@code n} falls at a random point of the {@code i}-th of {@code n} equal stretches of the batch's progress
 * (up to {@code reach}), so the kills spread over every stage, then after a random extra delay, so they land
 * anywhere in the code rather than just after the moment the test looked.
 */
record KillPlan(long seed, List<Kill> kills) {

    /** Kill once the progress (0 to 1) has passed {@code progress}, {@code delay} after seeing it. */
    record Kill(double progress, Duration delay) {
    }

    static KillPlan draw(long seed, int count, double reach, Duration longestDelay) {
        Random random = new Random(seed);
        List<Kill> kills = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double progress = (i + random.nextDouble()) * reach / count;
            kills.add(new Kill(progress, Duration.ofMillis(random.nextLong(longestDelay.toMillis() + 1))));
        }
        return new KillPlan(seed, List.copyOf(kills));
    }
}
