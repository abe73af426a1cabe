package io.callport.server.http;

import io.callport.server.store.BatchCounts;
import io.callport.server.store.Call;
import io.callport.server.store.CallMedia;
import io.callport.server.store.CallVersion;
import io.callport.server.store.IngestBatch;
import io.callport.server.store.IngestFile;
import io.callport.server.store.Page;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** How batches, files and calls look in the API. */
final class PipelineViews {
    private PipelineViews() {
    }

    /** A page of a listing; {@code nextOffset} is null when this page was the last. */
    record Listing<T>(List<T> items, Integer nextOffset) {
        static <S, T> Listing<T> of(List<S> found, Page page, Function<S, T> view) {
            Integer next = found.size() < page.limit() ? null : page.offset() + found.size();
            return new Listing<>(found.stream().map(view).toList(), next);
        }
    }

    record CountsView(Map<String, Long> files, Map<String, Long> calls, Map<String, Long> rows) {
        static CountsView of(BatchCounts counts) {
            return new CountsView(names(counts.files()), names(counts.calls()), names(counts.rows()));
        }

        private static Map<String, Long> names(Map<? extends Enum<?>, Long> counts) {
            Map<String, Long> named = new java.util.TreeMap<>();
            counts.forEach((status, count) -> named.put(status.name(), count));
            return named;
        }
    }

    record BatchView(String id, String campaignId, String status, String reason, boolean open,
                     Instant windowClosesAt, Instant createdAt, Instant updatedAt, Instant finishedAt,
                     CountsView counts) {
        static BatchView of(IngestBatch b, BatchCounts counts) {
            return new BatchView(b.id(), b.campaignId(), b.status().name(), b.reason(), b.open(), b.windowClosesAt(),
                    b.createdAt(), b.updatedAt(), b.finishedAt(), CountsView.of(counts));
        }
    }

    record FileView(String id, String batchId, String path, String name, String kind, long size, String sha256,
                    String source, String status, String reason, Instant arrivedAt, Instant finishedAt) {
        static FileView of(IngestFile f) {
            return new FileView(f.id(), f.batchId(), f.path(), f.name(), f.kind().name(), f.size(), f.sha256(),
                    f.source(), f.status().name(), f.reason(), f.arrivedAt(), f.finishedAt());
        }
    }

    record MediaView(String format, String codec, Long durationMs, int channels, int sampleRateHz) {
        static MediaView of(CallMedia media) {
            return media == null ? null : new MediaView(media.format(), media.codec(), media.durationMs(),
                    media.channels(), media.sampleRateHz());
        }
    }

    record CallView(String id, String campaignId, String batchId, String contactReference, String agentId,
                    String agentIdentifier, Instant contactAt, String contactAtText, String recordingName,
                    boolean recordingStored, MediaView media, Map<String, String> metadata, String source,
                    String status, String reason, int version, Instant waitingUntil, Instant createdAt,
                    Instant updatedAt, Instant completedAt, Instant audioDeletedAt) {
        static CallView of(Call c) {
            return new CallView(c.id(), c.campaignId(), c.batchId(), c.contactReference(), c.agentId(),
                    c.agentIdentifier(), c.contactAt(), c.contactAtText(), c.recordingName(), c.recordingKey() != null,
                    MediaView.of(c.media()), c.metadata(), c.source(), c.status().name(), c.reason(), c.version(),
                    c.waitingUntil(), c.createdAt(), c.updatedAt(), c.completedAt(), c.audioDeletedAt());
        }
    }

    record VersionView(int version, String cause, String agentId, String agentIdentifier, Instant contactAt,
                       String contactAtText, MediaView media, Map<String, String> metadata, String metadataFileId,
                       Instant createdAt) {
        static VersionView of(CallVersion v) {
            return new VersionView(v.version(), v.cause().name(), v.agentId(), v.agentIdentifier(), v.contactAt(),
                    v.contactAtText(), MediaView.of(v.media()), v.metadata(), v.metadataFileId(), v.createdAt());
        }
    }

    record CallDetail(CallView call, List<VersionView> versions) {
    }
}
