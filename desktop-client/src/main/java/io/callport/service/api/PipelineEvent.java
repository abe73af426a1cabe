package io.callport.service.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A status change the server announces on its event stream.
 *
 * @param type {@code batch}, {@code file} or {@code call}
 * @param id   the batch, file or call that changed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PipelineEvent(String type, String id, String campaignId, String batchId, String status, String reason,
                            Instant at) {
    public static final String BATCH = "batch";
    public static final String FILE = "file";
    public static final String CALL = "call";
}
