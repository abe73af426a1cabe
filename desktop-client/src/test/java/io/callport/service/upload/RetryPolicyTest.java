package io.callport.service.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(60));

    @Test
    void theWaitDoublesAfterEachFailureUpToTheLongest() {
        assertThat(java.util.stream.IntStream.rangeClosed(1, 9).mapToObj(n -> policy.delayAfter(n, null).toSeconds()))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    }

    @Test
    void aLongerWaitTheServerAskedForWins() {
        assertThat(policy.delayAfter(1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(7, Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(60));
    }
}
