package io.callport.server.store;

import java.time.Duration;

/**
 * What a person chooses for a campaign. {@code folder} may be null to derive it from the name.
 *
 * @param batchWindowSeconds how long to wait for the rest of a batch (CSV and recordings) before processing
 * @param picking            which of each batch's calls to take in; null for all
 */
public record CampaignSettings(String name, String folder, boolean csvRequired, int batchWindowSeconds,
                               Retention retention, PickingRule picking) {
    public static final int DEFAULT_BATCH_WINDOW_SECONDS = 300;
    public static final int MAX_BATCH_WINDOW_SECONDS = (int) Duration.ofHours(24).toSeconds();
    public static final int MAX_NAME_LENGTH = 200;

    public CampaignSettings {
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("A campaign needs a name.");
        }
        name = name.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidValueException("A campaign name may have at most " + MAX_NAME_LENGTH
                    + " characters; this one has " + name.length() + ".");
        }
        if (folder != null && !Slugs.isValid(folder)) {
            throw new InvalidValueException("The folder '" + folder + "' must be 1 to " + Slugs.MAX_LENGTH
                    + " lowercase letters, digits and dashes, starting and ending with a letter or digit.");
        }
        if (batchWindowSeconds < 0 || batchWindowSeconds > MAX_BATCH_WINDOW_SECONDS) {
            throw new InvalidValueException("The batch window must be between 0 and " + MAX_BATCH_WINDOW_SECONDS
                    + " seconds (24 hours), not " + batchWindowSeconds + ".");
        }
        if (retention == null) {
            retention = Retention.DEFAULT;
        }
        if (picking == null) {
            picking = PickingRule.ALL;
        }
    }

    /** Settings of a campaign that takes in every call. */
    public CampaignSettings(String name, String folder, boolean csvRequired, int batchWindowSeconds,
                            Retention retention) {
        this(name, folder, csvRequired, batchWindowSeconds, retention, PickingRule.ALL);
    }
}
