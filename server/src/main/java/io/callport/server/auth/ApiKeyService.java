package io.callport.server.auth;

import io.callport.server.store.ApiKeyRecord;
import io.callport.server.store.ApiKeyRepository;
import io.callport.server.store.InvalidValueException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Issues API keys and checks presented secrets. */
public final class ApiKeyService {
    /** Last-used times are this coarse, so a busy key does not write to the database on every request. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final int MAX_NAME_LENGTH = 100;

    private final ApiKeyRepository keys;
    private final Clock clock;

    public ApiKeyService(ApiKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** A new key and its secret; the secret exists only in this value and is never stored or logged. */
    public record Issued(ApiKeyRecord key, String secret) {
        @Override
        public String toString() {
            return "Issued[key=" + key + ", secret=(hidden)]";
        }
    }

    /**
     * Issues a key for the organisation, or for one campaign when {@code campaignId} is set. The caller has
     * checked that the campaign belongs to the organisation.
     */
    public Issued issue(String orgId, String campaignId, String name, Role role) {
        return register(orgId, campaignId, name, role, ApiKeySecrets.generate());
    }

    /** Stores a key for a secret made earlier with {@link ApiKeySecrets#generate()}. */
    public Issued register(String orgId, String campaignId, String name, Role role, String secret) {
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("An API key needs a name that says what uses it, e.g. \"dialer export\".");
        }
        if (name.strip().length() > MAX_NAME_LENGTH) {
            throw new InvalidValueException("An API key name may have at most " + MAX_NAME_LENGTH + " characters.");
        }
        ApiKeyRecord key = keys.create(orgId, campaignId, name.strip(), role, ApiKeySecrets.visiblePrefix(secret),
                ApiKeySecrets.sha256(secret));
        return new Issued(key, secret);
    }

    /** The principal a secret stands for; throws {@link AuthenticationException} for unknown or revoked keys. */
    public Principal authenticate(String secret) {
        if (!ApiKeySecrets.hasValidShape(secret)) {
            throw new AuthenticationException("The API key is not valid: Callport keys start with cp_ and have "
                    + "46 characters.");
        }
        ApiKeyRecord key = keys.findBySecretHash(ApiKeySecrets.sha256(secret))
                .orElseThrow(() -> new AuthenticationException("The API key is not valid."));
        if (key.isRevoked()) {
            throw new AuthenticationException("This API key was revoked on " + key.revokedAt() + ".");
        }
        Instant now = clock.instant();
        if (key.lastUsedAt() == null || key.lastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
            keys.recordUse(key.id(), now);
        }
        return new Principal(key.orgId(), key.id(), key.campaignId(), key.role());
    }
}
