package io.callport.server.upload;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callport.server.landing.CampaignPath;
import io.callport.server.landing.DiskFullException;
import io.callport.server.landing.IncomingFile;
import io.callport.server.landing.LandedFile;
import io.callport.server.landing.LandingArea;
import io.callport.server.landing.LandingListener;
import io.callport.server.landing.SizeLimit;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resumable uploads in progress. Each one's bytes are a partial file of the landing area; its state (offset,
 * target, expiry) is a small JSON file in {@code stateDir}, rewritten atomically after every chunk is on disk, so
 * an upload resumes at the right offset after a restart. Completion lands the file once.
 */
public final class TusUploads {
    /** tus's own status for a chunk whose checksum does not match. */
    static final int CHECKSUM_MISMATCH = 460;
    private static final String STATE_SUFFIX = ".json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(TusUploads.class);

    private final Path stateDir;
    private final LandingArea landing;
    private final HttpLanding http;
    private final Duration expiry;
    private final Clock clock;

    public TusUploads(Path stateDir, LandingArea landing, LandingListener listener, Duration expiry, Clock clock)
            throws IOException {
        this.stateDir = Files.createDirectories(stateDir);
        this.landing = landing;
        this.http = new HttpLanding(landing, listener);
        this.expiry = expiry;
        this.clock = clock;
    }

    /**
     * Removes uploads whose expiry has passed: their partial files and their state. Call it every few minutes.
     *
     * @return how many were removed
     */
    public int sweepExpired() throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> states = Files.newDirectoryStream(stateDir, "*" + STATE_SUFFIX)) {
            for (Path state : states) {
                TusUpload upload;
                try {
                    upload = read(state);
                } catch (IOException unreadable) {
                    LOG.warn("The upload state {} cannot be read: {}", state.getFileName(), unreadable.getMessage());
                    continue;
                }
                if (upload.expired(clock.instant())) {
                    try {
                        terminate(upload);
                        removed++;
                    } catch (IllegalStateException beingWritten) {
                        LOG.debug("Expired upload {} is receiving a chunk; it is removed on a later sweep", upload.id());
                    }
                }
            }
        }
        return removed;
    }

    SizeLimit limitFor(String fileName) {
        return http.limitFor(fileName);
    }

    long largestFile() {
        return http.largestFile();
    }

    TusUpload create(UploadTarget target, String fileName, long length, String uploadMetadata, String sidecar)
            throws IOException {
        IncomingFile file = landing.begin(fileName);
        file.close();
        TusUpload upload = new TusUpload(file.uploadId(), target.campaignId(), target.organisationId(),
                target.folder().orgFolder(), target.folder().campaignFolder(), target.source(), fileName, length, 0,
                uploadMetadata, sidecar, expiresFromNow().getEpochSecond(), null);
        save(upload);
        return upload;
    }

    /** The upload's state, reconciled with its partial file after a crash; empty when unknown or lost. */
    Optional<TusUpload> find(String id) throws IOException {
        if (!isUploadId(id) || !Files.exists(stateOf(id))) {
            return Optional.empty();
        }
        TusUpload upload = read(stateOf(id));
        if (upload.completed()) {
            return Optional.of(upload);
        }
        OptionalLong partialSize = landing.partialSize(id);
        CampaignPath destination = destinationOf(upload);
        if (partialSize.isEmpty() && upload.offset() == upload.length()
                && Files.exists(landing.pathOf(destination))) {
            upload = upload.landedAt(destination.relativePath()); // landed just before a crash
            save(upload);
        } else if (partialSize.isEmpty()) {
            Files.deleteIfExists(stateOf(id));
            return Optional.empty();
        } else if (partialSize.getAsLong() < upload.offset()) {
            upload = upload.withOffset(partialSize.getAsLong(), Instant.ofEpochSecond(upload.expiresAt()));
            save(upload);
        }
        return Optional.of(upload);
    }

    /**
     * Appends a chunk at the upload's offset. A chunk with a checksum is kept only if it matches (else 460) and
     * only whole; a chunk without one keeps whatever arrived before the connection broke. The upload lands when
     * its last byte arrives.
     */
    TusUpload append(TusUpload upload, InputStream body, Optional<TusChecksum> checksum) throws IOException {
        IncomingFile file = landing.resume(upload.id(), upload.fileName());
        try {
            long start = upload.offset();
            file.truncate(start); // drops bytes a crash left after the last durable offset
            file.limitTo(SizeLimit.declared(upload.length()));
            MessageDigest digest = checksum.map(TusChecksum::newDigest).orElse(null);
            InputStream chunk = digest == null ? body : new DigestInputStream(body, digest);
            long received;
            try {
                received = file.appendFrom(chunk, upload.length() - start);
                if (chunk.read() >= 0) {
                    file.truncate(start);
                    throw new ContentTooLargeResponse("The chunk runs past the upload's length of " + upload.length()
                            + " bytes; it was discarded.");
                }
            } catch (IOException interrupted) {
                if (interrupted instanceof DiskFullException) {
                    HttpLanding.drain(body); // so the client, still sending, sees the answer
                }
                if (digest != null) {
                    file.truncate(start);
                }
                file.force();
                save(upload.withOffset(file.size(), expiresFromNow()));
                throw interrupted;
            }
            if (digest != null && !checksum.get().matches(digest)) {
                file.truncate(start);
                throw new HttpResponseException(CHECKSUM_MISMATCH,
                        "The chunk's sha256 checksum does not match its content; it was discarded.");
            }
            file.force();
            TusUpload updated = upload.withOffset(start + received, expiresFromNow());
            save(updated);
            if (updated.offset() == updated.length()) {
                LandedFile landed = http.land(file, updated.target(), destinationOf(updated),
                        Optional.ofNullable(updated.sidecar()));
                updated = updated.landedAt(landed.relativePath());
                save(updated);
            }
            return updated;
        } finally {
            if (file.isOpen()) {
                file.close();
            }
        }
    }

    /** Deletes the upload's partial file (if it has not landed) and its state. */
    void terminate(TusUpload upload) throws IOException {
        if (!upload.completed()) {
            landing.discard(upload.id());
        }
        Files.deleteIfExists(stateOf(upload.id()));
    }

    Instant now() {
        return clock.instant();
    }

    private Instant expiresFromNow() {
        return clock.instant().plus(expiry);
    }

    private static CampaignPath destinationOf(TusUpload upload) {
        return HttpLanding.destination(upload.target(), upload.id(), upload.fileName());
    }

    private Path stateOf(String id) {
        return stateDir.resolve(id + STATE_SUFFIX);
    }

    private void save(TusUpload upload) throws IOException {
        Path temporary = Files.createTempFile(stateDir, "." + upload.id(), ".tmp");
        try {
            JSON.writeValue(temporary.toFile(), upload);
            Files.move(temporary, stateOf(upload.id()), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static TusUpload read(Path state) throws IOException {
        return JSON.readValue(state.toFile(), TusUpload.class);
    }

    private static boolean isUploadId(String id) {
        try {
            return UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
