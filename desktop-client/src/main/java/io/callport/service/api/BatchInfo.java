package io.callport.service.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Map;

/**
 * A batch the server is processing or has processed: the files that arrived together in a campaign.
 *
 * @param status DETECTING, WAITING_FOR_CSV, WAITING_FOR_FILES, PROCESSING, COMPLETED, INCOMPLETE or FAILED
 * @param reason why it is waiting, incomplete or failed, in a sentence
 * @param counts files, calls and CSV rows by status
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BatchInfo(String id, String campaignId, String status, String reason, boolean open,
                        Instant windowClosesAt, Instant createdAt, Instant updatedAt, Instant finishedAt,
                        Counts counts) {

    /** How many files, calls and rows of the batch are in each status. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Counts(Map<String, Long> files, Map<String, Long> calls, Map<String, Long> rows) {
        public Counts {
            files = files == null ? Map.of() : Map.copyOf(files);
            calls = calls == null ? Map.of() : Map.copyOf(calls);
            rows = rows == null ? Map.of() : Map.copyOf(rows);
        }

        public long totalFiles() {
            return files.values().stream().mapToLong(Long::longValue).sum();
        }

        public long totalCalls() {
            return calls.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The same batch in another status, as an event announced it. */
    public BatchInfo withStatus(String newStatus, String newReason) {
        return new BatchInfo(id, campaignId, newStatus, newReason, open, windowClosesAt, createdAt, updatedAt,
                finishedAt, counts);
    }
}
