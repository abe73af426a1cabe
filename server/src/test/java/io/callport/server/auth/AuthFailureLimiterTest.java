package io.callport.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callport.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuthFailureLimiterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final AuthFailureLimiter limiter = new AuthFailureLimiter(3, Duration.ofSeconds(60), clock);

    @Test
    void anAddressIsRefusedUntilItsWindowEnds() {
        for (int i = 0; i < 3; i++) {
            limiter.checkAllowed("10.0.0.1");
            limiter.recordFailure("10.0.0.1");
        }
        clock.advance(Duration.ofSeconds(20));

        assertThatThrownBy(() -> limiter.checkAllowed("10.0.0.1")).isInstanceOf(TooManyFailuresException.class)
                .satisfies(e -> assertThat(((TooManyFailuresException) e).retryAfterSeconds()).isEqualTo(41));
        limiter.checkAllowed("10.0.0.2");

        clock.advance(Duration.ofSeconds(40));
        limiter.checkAllowed("10.0.0.1");
    }

    @Test
    void failuresInAnOldWindowDoNotCount() {
        limiter.recordFailure("10.0.0.1");
        limiter.recordFailure("10.0.0.1");
        clock.advance(Duration.ofSeconds(61));
        limiter.recordFailure("10.0.0.1");
        limiter.recordFailure("10.0.0.1");

        limiter.checkAllowed("10.0.0.1");
        limiter.recordFailure("10.0.0.1");
        assertThatThrownBy(() -> limiter.checkAllowed("10.0.0.1")).isInstanceOf(TooManyFailuresException.class);
    }
}
